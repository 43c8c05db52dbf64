import { Problem } from '@yuantou/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ProxyConfig } from '../config/load-config.js';
import type { SearchDeps } from '../search/search-suppliers.js';

/** Every error status a search route may answer with, all as problem bodies. */
export const searchErrorResponses = {
  400: Problem,
  401: Problem,
  413: Problem,
  415: Problem,
  429: Problem,
  500: Problem,
  502: Problem,
  503: Problem,
  504: Problem,
} as const;

export interface RouteOptions {
  config: ProxyConfig;
}

/** Aborts upstream work when the client goes away before we answer (a closed task pane, a cancelled recalc). */
function abortOnDisconnect(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

export function searchDeps(
  app: FastifyInstance,
  config: ProxyConfig,
  request: FastifyRequest,
  reply: FastifyReply,
  weights: Record<string, number>,
): SearchDeps {
  return {
    gateway: app.gateway,
    providers: config.providers,
    weights,
    log: request.log,
    signal: abortOnDisconnect(reply),
  };
}
