import { Problem } from '@yuantou/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ProxyConfig } from '../config/load-config.js';
import { memoKey, type Replay, type ResponseMemo } from '../search/response-memo.js';
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
export function abortOnDisconnect(reply: FastifyReply): AbortSignal {
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
    translator: app.translator,
    fx: app.fx,
    log: request.log,
    signal: abortOnDisconnect(reply),
  };
}

/** Sends a replay: no provider was asked, but each one's page was served again (a cache hit in /v1/usage). */
function sendReplay(request: FastifyRequest, reply: FastifyReply, replay: Replay): FastifyReply {
  for (const provider of replay.providers) request.server.gateway.countReplay(provider);
  return reply.type('application/json; charset=utf-8').send(replay.body);
}

/**
 * A search route's `preValidation` hook: replays a URL answered moments ago before its query is validated and
 * keyed. It runs after the client rate limit (onRequest), authentication (preParsing) and the buyer's context
 * (the instance's own preValidation hooks run before a route's), so a replay is counted and refused like any
 * other request; only the work of producing the answer again is skipped.
 */
export function replayByUrl(memo: ResponseMemo) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const replay = memo.getByUrl(request.url);
    return replay === undefined ? undefined : sendReplay(request, reply, replay);
  };
}

/**
 * Answers from the response memo when an identical request was answered moments ago, else runs the search and
 * remembers its answer. A replay is already validated, scrubbed and encoded: Fastify sends bytes as they are.
 */
export async function replayOrSearch<Answer extends Parameters<ResponseMemo['remember']>[1]>(
  memo: ResponseMemo,
  request: FastifyRequest,
  reply: FastifyReply,
  schema: z.ZodType<Answer>,
  search: () => Promise<Answer>,
): Promise<Answer | FastifyReply> {
  const query = request.query as Record<string, unknown>;
  // `maxAge=0` asks for one fresh paid call: a replayed answer would not be one.
  if (query.maxAge === 0) return search();
  const key = memoKey(request.routeOptions.url ?? request.url, query);
  const replay = memo.get(key);
  // This URL parses to this key: from now on it is replayed by `replayByUrl`, before validation.
  memo.rememberUrl(request.url, key);
  if (replay !== undefined) return sendReplay(request, reply, replay);
  const answer = await search();
  memo.remember(key, answer, schema);
  return answer;
}
