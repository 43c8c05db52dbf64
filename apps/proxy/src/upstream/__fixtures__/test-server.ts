import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Requests received so far (each one counted when it arrives). */
  readonly requests: number;
  /** The most requests the server was handling at the same time. */
  readonly maxConcurrent: number;
  /** Raw request URLs (path + query), in arrival order. */
  readonly paths: string[];
  close(): Promise<void>;
}

export type TestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  info: { index: number; body: string },
) => void | Promise<void>;

/** A real HTTP server on an ephemeral loopback port, counting requests and their overlap. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  let requests = 0;
  let active = 0;
  let maxConcurrent = 0;
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const index = requests++;
    paths.push(req.url ?? '');
    active++;
    maxConcurrent = Math.max(maxConcurrent, active);
    let finished = false;
    const done = () => {
      if (!finished) {
        finished = true;
        active--;
      }
    };
    res.on('close', done);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void Promise.resolve(handler(req, res, { index, body: Buffer.concat(chunks).toString('utf8') })).catch(
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
    get paths() {
      return paths;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
