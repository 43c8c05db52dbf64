import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { problem, sendProblem } from '../../problem.js';
import { isAddinPath } from './addin.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

const pathOf = (url: string) => url.split('?')[0] ?? '';

/** `/metrics`: per-provider spend, budgets and 401 counts — behind a token once tokens are configured. */
export const isMetricsPath = (url: string) => pathOf(url) === '/metrics';

/** Routes anyone may call: probes and the API description (and `/metrics` when no tokens are configured). */
export function isPublicPath(url: string): boolean {
  const path = pathOf(url);
  return (
    path === '/healthz' ||
    path === '/readyz' ||
    path === '/openapi.json' ||
    path === '/docs' ||
    path.startsWith('/docs/') ||
    isAddinPath(path)
  );
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Compares SHA-256 digests with timingSafeEqual: equal-length buffers whatever the token's length, so
 * neither the content nor the length of a configured token leaks through timing. Every configured token
 * is compared, with no early exit.
 */
export function createTokenCheck(tokens: string[]): (presented: string | undefined) => boolean {
  const digests = tokens.map(sha256);
  return (presented) => {
    if (presented === undefined) return false;
    const candidate = sha256(presented);
    let matched = false;
    for (const digest of digests) matched = timingSafeEqual(digest, candidate) || matched;
    return matched;
  };
}

async function auth(
  app: FastifyInstance,
  options: { tokens: string[]; metricsToken?: string },
): Promise<void> {
  // With no tokens the config loader only allows a loopback host: local use needs no token.
  if (options.tokens.length === 0) return;
  const isValid = createTokenCheck(options.tokens);
  const isScrape = createTokenCheck(options.metricsToken ? [options.metricsToken] : []);
  // preParsing, not onRequest: the client rate limit (a route-level onRequest hook) must count a request before
  // it is refused here, so guessing tokens is limited like any other traffic — and before a body is read.
  app.addHook('preParsing', async (request, reply) => {
    if (request.method === 'OPTIONS' || isPublicPath(request.url)) return;
    const presented = bearerToken(request);
    if (isValid(presented)) return;
    // issue 23: /metrics published spend, budgets and 401 counts to anyone who could reach it.
    if (isMetricsPath(request.url) && isScrape(presented)) return;
    reply.header('www-authenticate', 'Bearer');
    return sendProblem(
      reply,
      problem(401, 'send Authorization: Bearer <token> with a token configured in YUANTOU_TOKENS', {
        kind: 'unauthorized',
      }),
    );
  });
}

export default fp(auth, { name: 'auth' });
