import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

// One small HTTP server shared by the provider fakes (`providers/<id>/<id>-fake.ts`): routing, call counting and
// scripted faults live here, each fake only knows its provider's paths, authentication, envelopes and errors.

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Decoded query parameters (`+` is a space, as servers read them). */
  query: Record<string, string>;
  /** The raw query string, as it arrived. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the fake answers: a JSON value (serialised) or text already shaped. */
export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Encode the text as GBK while the Content-Type still says UTF-8 (Onebound does this). */
  encoding?: 'utf8' | 'gbk';
  /** Sent as-is instead of JSON.stringify(body). */
  raw?: boolean;
}

/** How the next request (queue) or every request (mode) is answered. */
export type Behaviour =
  /** Authenticate and answer with data. */
  | { kind: 'ok' }
  /** The provider's own documented error `code`, from the fake's catalogue. */
  | { kind: 'error'; code: string; encoding?: 'utf8' | 'gbk'; retryAfterSeconds?: number }
  /** Any HTTP status with an optional body and headers (e.g. a bare 429 with Retry-After). */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** Wait before sending headers, then behave as `then` (default `ok`). */
  | { kind: 'delay'; ms: number; then?: Behaviour }
  /** Send the headers of a normal answer at once and its body `ms` later. */
  | { kind: 'slowBody'; ms: number }
  /** Destroy the socket without answering. */
  | { kind: 'reset' }
  /** 200 with JSON cut in the middle. */
  | { kind: 'malformedJson' }
  /** An nginx-style HTML error page. */
  | { kind: 'html'; status?: number }
  /**
   * The provider's error envelope with our whole request quoted in its message — raw URL, decoded query,
   * headers and body — as a careless upstream does: secrets come back URL-encoded, decoded and JSON-escaped.
   */
  | { kind: 'echo' };

export type ErrorCatalogue = Readonly<Record<string, () => Reply>>;

export interface FakeServerDefinition {
  name: string;
  /** The handler for a request's path, or undefined for 404. */
  route(request: RecordedRequest): ((request: RecordedRequest) => Reply) | undefined;
  /** Returns the provider's own rejection when credentials or signature are wrong, else null. */
  authenticate(request: RecordedRequest): Reply | null;
  errors: ErrorCatalogue;
  /** The provider's error reply carrying `message` (for `echo`); a generic `{code:400, msg}` when absent. */
  errorWithMessage?: (message: string) => Reply;
  /** The credentials this fake accepts, as the adapter's schema names them (without `baseUrl`); none by default. */
  credentials?: Readonly<Record<string, string>>;
  /** Appended to the server URL for the adapter's `baseUrl` (the official gateway keeps `/openapi`). */
  basePath?: string;
  port?: number;
}

export interface FakeServer {
  readonly name: string;
  /** Base URL, e.g. `http://127.0.0.1:40123`, no trailing slash. */
  readonly url: string;
  /** The adapter's credentials for this fake: what it accepts, `baseUrl` pointing at it. */
  readonly credentials: Readonly<Record<string, string>>;
  readonly calls: CallLog;
  /** Queue one-shot behaviours for the next requests, in order; afterwards the mode applies again. */
  behave(next: Behaviour | Behaviour[]): void;
  /** The behaviour of every request once the queue is empty (default `ok`). */
  setMode(mode: Behaviour): void;
  /** Clears the queue, the mode and the call log. */
  reset(): void;
  close(): Promise<void>;
}

/** `n` copies of a behaviour, e.g. a 429 burst: `behave(times(3, rateLimited(1)))`. */
export function times(n: number, behaviour: Behaviour): Behaviour[] {
  return Array.from({ length: n }, () => behaviour);
}

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly recent: RecordedRequest[] = [];

  constructor(private readonly keep = 200) {}

  record(request: RecordedRequest): void {
    this.counts.set(request.path, (this.counts.get(request.path) ?? 0) + 1);
    this.recent.push(request);
    if (this.recent.length > this.keep) this.recent.shift();
  }

  /** Requests received on `path` (any path when omitted), including rejected and faulted ones. */
  count(path?: string): number {
    if (path === undefined) return [...this.counts.values()].reduce((a, b) => a + b, 0);
    return this.counts.get(path) ?? 0;
  }

  /** Requests per path. */
  byPath(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** The most recent request (on `path` when given). */
  last(path?: string): RecordedRequest | undefined {
    return this.requests(path).at(-1);
  }

  requests(path?: string): RecordedRequest[] {
    return path === undefined ? [...this.recent] : this.recent.filter((r) => r.path === path);
  }

  clear(): void {
    this.counts.clear();
    this.recent.length = 0;
  }
}

const HTML_ERROR_PAGE = (status: number) =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

const JSON_TYPE = 'application/json;charset=UTF-8';

export async function startFakeServer(definition: FakeServerDefinition): Promise<FakeServer> {
  const calls = new CallLog();
  const queue: Behaviour[] = [];
  let mode: Behaviour = { kind: 'ok' };

  const answer = async (request: RecordedRequest, res: ServerResponse, behaviour: Behaviour) => {
    switch (behaviour.kind) {
      case 'reset':
        res.socket?.destroy();
        return;
      case 'delay':
        await sleep(behaviour.ms);
        if (res.destroyed) return;
        return answer(request, res, behaviour.then ?? { kind: 'ok' });
      case 'status':
        res.writeHead(behaviour.status, { 'content-type': JSON_TYPE, ...behaviour.headers });
        res.end(behaviour.body ?? '');
        return;
      case 'malformedJson':
        res.writeHead(200, { 'content-type': JSON_TYPE });
        res.end('{"code":200,"data":{"items":[{"title":"半截');
        return;
      case 'html':
        res.writeHead(behaviour.status ?? 502, { 'content-type': 'text/html' });
        res.end(HTML_ERROR_PAGE(behaviour.status ?? 502));
        return;
      case 'echo': {
        const quoted = `${request.method} ${request.path}?${request.rawQuery} query=${JSON.stringify(request.query)} headers=${JSON.stringify(request.headers)} body=${request.body}`;
        const reply = definition.errorWithMessage?.(quoted) ?? {
          status: 400,
          body: { code: 400, msg: quoted },
        };
        return send(res, reply);
      }
      case 'error': {
        const make = definition.errors[behaviour.code];
        if (!make) throw new Error(`${definition.name} fake has no error "${behaviour.code}"`);
        const reply = make();
        const headers =
          behaviour.retryAfterSeconds === undefined
            ? reply.headers
            : { ...reply.headers, 'retry-after': String(behaviour.retryAfterSeconds) };
        return send(res, { ...reply, headers, encoding: behaviour.encoding ?? reply.encoding });
      }
      case 'ok':
      case 'slowBody': {
        const handler = definition.route(request);
        const reply = !handler
          ? { status: 404, body: { code: 404, msg: `no such path ${request.path}` } }
          : (definition.authenticate(request) ?? handler(request));
        return send(res, reply, behaviour.kind === 'slowBody' ? behaviour.ms : 0);
      }
    }
  };

  const server = createServer((req, res) => {
    void readRequest(req).then(async (request) => {
      calls.record(request);
      const behaviour = queue.shift() ?? mode;
      try {
        await answer(request, res, behaviour);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake ${definition.name} failed: ${(error as Error).message}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(definition.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    name: definition.name,
    url: `http://127.0.0.1:${port}`,
    credentials: {
      ...definition.credentials,
      baseUrl: `http://127.0.0.1:${port}${definition.basePath ?? ''}`,
    },
    calls,
    behave: (next) => queue.push(...(Array.isArray(next) ? next : [next])),
    setMode: (next) => {
      mode = next;
    },
    reset: () => {
      queue.length = 0;
      mode = { kind: 'ok' };
      calls.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function send(res: ServerResponse, reply: Reply, bodyDelayMs = 0): Promise<void> {
  const text = reply.raw ? String(reply.body) : JSON.stringify(reply.body);
  const bytes = reply.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
  res.writeHead(reply.status ?? 200, {
    'content-type': JSON_TYPE,
    'content-length': String(bytes.length),
    ...reply.headers,
  });
  if (bodyDelayMs > 0) {
    res.flushHeaders();
    await sleep(bodyDelayMs);
    if (res.destroyed) return;
  }
  res.end(bytes);
}

async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    rawQuery: url.search.replace(/^\?/, ''),
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
