import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { clientErrorHandler } from '../../client-error.js';
import { problem, sendProblem } from '../../problem.js';

// Checks on the raw request that must come before any route runs, because a lenient parser downstream would
// otherwise turn a broken request into a paid upstream call.

/**
 * The first query-string field whose percent-encoding is malformed or not UTF-8 (`%E0%A4%A`, `%ZZ`, `%C3%28`),
 * or undefined when all decode. Fastify's query parser keeps such text as it is, and it would go upstream.
 */
export function malformedQueryField(rawUrl: string): string | undefined {
  const at = rawUrl.indexOf('?');
  if (at < 0) return undefined;
  const query = rawUrl.slice(at + 1);
  // The usual case in one call: `&` and `=` are literal characters and cannot sit inside a %XX escape or between
  // the escapes of one UTF-8 sequence, so when the whole query decodes, every field does (a cache-hit search
  // spent 2–3 % of its time here field by field — `pnpm bench`).
  if (!query.includes('%') || decodeOrUndefined(query) !== undefined) return undefined;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const name = decodeOrUndefined(rawName);
    if (name === undefined) return rawName.replace(/%/g, '') || 'query';
    if (eq >= 0 && decodeOrUndefined(pair.slice(eq + 1)) === undefined) return name;
  }
  return undefined;
}

function decodeOrUndefined(text: string): string | undefined {
  try {
    // decodeURIComponent throws URIError on a truncated escape and on bytes that are not UTF-8.
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Routes that only read: HEAD of a search would run it, and a search costs money. */
const FREE_HEAD_PATHS = new Set(['/healthz', '/readyz']);

async function requestGuards(app: FastifyInstance, options: { bodyTimeoutMs?: number } = {}): Promise<void> {
  const bodyTimeoutMs = options.bodyTimeoutMs;
  // A body shorter than its Content-Length held the socket 128 s (issue 23): Node's requestTimeout stops counting
  // once the request reaches a handler. The body has this long to arrive; then a 408 problem, and the socket closes.
  if (bodyTimeoutMs !== undefined) {
    app.addHook('onRequest', async (request) => {
      const raw = request.raw;
      // Only a request that announced a body can leave it short; an injected request has no real socket to close.
      const announced = raw.headers['content-length'] ?? raw.headers['transfer-encoding'];
      if (raw.complete || announced === undefined || announced === '0') return;
      if (typeof raw.socket?.destroy !== 'function') return;
      const timer = setTimeout(() => {
        if (raw.complete || raw.socket.destroyed) return;
        request.log.info({ bodyTimeoutMs }, 'request body not received in time; closing');
        clientErrorHandler(
          Object.assign(new Error('body timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
          raw.socket,
        );
      }, bodyTimeoutMs);
      const clear = () => clearTimeout(timer);
      raw.once('end', clear);
      raw.once('close', clear);
    });
  }
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'HEAD' && !FREE_HEAD_PATHS.has(path)) {
      reply.header('allow', 'GET');
      return sendProblem(
        reply,
        problem(405, `HEAD is not served on ${path}: a search is only run by GET`, { kind: 'validation' }),
      );
    }
    const field = malformedQueryField(request.url);
    if (field !== undefined) {
      return sendProblem(
        reply,
        problem(400, `${field}: malformed percent-encoding (not valid UTF-8)`, { field, kind: 'validation' }),
      );
    }
  });
}

export default fp(requestGuards, { name: 'request-guards' });
