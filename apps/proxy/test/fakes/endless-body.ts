import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A hostile upstream whose answer never ends (issue 23: an endless rate feed grew the proxy to 1.4–1.7 GB).
// Every request gets `200` and a body streamed in 64 kB chunks as fast as the client reads it, until the client
// hangs up. Used for the providers, the rate feed and the translator alike.

export interface EndlessServer {
  url: string;
  /** Bytes written to clients so far. */
  sent(): number;
  close(): Promise<void>;
}

export async function startEndlessServer(contentType = 'application/json'): Promise<EndlessServer> {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const server: Server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': contentType });
    // A body that starts like an answer, then never closes its string.
    response.write(contentType.includes('xml') ? '<?xml version="1.0"?><x a="' : '{"translatedText":"');
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) sent += chunk.length;
      if (!response.destroyed) sent += chunk.length;
    };
    response.on('drain', pump);
    response.on('close', () => response.off('drain', pump));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent: () => sent,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
