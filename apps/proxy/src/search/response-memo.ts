import type { ProviderId } from '@yuantou/core';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';

/** What a search route returns before serialisation: items plus the per-provider statuses. */
interface SearchAnswer {
  providers: Array<{
    provider: ProviderId;
    outcome: 'ok' | 'error';
    fromCache: boolean;
    stale: boolean;
    durationMs: number;
  }>;
}

/** A replay ready to send, and the providers whose pages it holds (each replay is a cache hit for them). */
export interface Replay {
  body: Buffer;
  providers: ProviderId[];
}

/** Default byte bound of one route's replays: answers are 10–60 kB, so about a thousand of them. */
export const DEFAULT_MEMO_MAX_BYTES = 32 * 1024 * 1024;
/** URLs remembered per route: each costs its length (at most {@link MAX_URL_LENGTH}) plus its key. */
const MAX_REMEMBERED_URLS = 10_000;
/** Longer URLs are answered through the key alone: the URL index stays a few MB at most. */
const MAX_URL_LENGTH = 2_048;

/**
 * Replays finished search answers — merged, ranked, validated and serialised — for identical requests within a
 * short lifetime. The gateway already caches provider pages; this skips the work done *after* the gateway, which
 * a sheet recalculating a hundred identical cells would otherwise repeat a hundred times.
 *
 * Only answers where every provider succeeded with fresh data are kept, so a transient failure or a stale
 * page is never replayed. A replay reports every provider as `fromCache` with no upstream time.
 */
export class ResponseMemo {
  private readonly bodies: LRUCache<string, Replay> | undefined;
  /**
   * Request URLs (path and raw query, exactly as sent) already answered, to the memo key they were answered
   * under: a recalculating sheet sends the same URL again and again, and this lets the route replay it before
   * Fastify validates the query and before the key is built (together a tenth of a cache hit's time, `pnpm
   * bench`). Only URLs whose parsed query was answered are here, so a URL that fails validation never is.
   */
  private readonly keysByUrl: LRUCache<string, string> | undefined;

  /**
   * @param scrub the same secret scrubber responses pass through: a replay is stored as bytes, ready to send,
   *   so it is scrubbed once here instead of on every send.
   * @param maxBytes bound on the replays' total size: a sheet of 20,000 distinct keywords must not grow the
   *   process without limit (the gateway's page cache is bounded the same way).
   */
  constructor(
    ttlSeconds: number,
    private readonly scrub: (text: string) => string,
    maxBytes = DEFAULT_MEMO_MAX_BYTES,
  ) {
    this.bodies =
      ttlSeconds > 0
        ? new LRUCache({
            maxSize: maxBytes,
            sizeCalculation: (replay) => Math.max(1, replay.body.byteLength),
            ttl: ttlSeconds * 1000,
          })
        : undefined;
    this.keysByUrl =
      ttlSeconds > 0 ? new LRUCache({ max: MAX_REMEMBERED_URLS, ttl: ttlSeconds * 1000 }) : undefined;
  }

  /** The serialised answer for this request (UTF-8 JSON) and its providers, if one is being replayed. */
  get(key: string): Replay | undefined {
    return this.bodies?.get(key);
  }

  /** The replay for a request URL seen before (see {@link keysByUrl}), if its answer is still kept. */
  getByUrl(url: string): Replay | undefined {
    const key = this.keysByUrl?.get(url);
    return key === undefined ? undefined : this.bodies?.get(key);
  }

  /** Notes that `url` parsed to `key`, so its next request is replayed by URL alone. */
  rememberUrl(url: string, key: string): void {
    if (url.length <= MAX_URL_LENGTH) this.keysByUrl?.set(url, key);
  }

  /** Keeps the replay form of `answer`, validated by `schema` (which also strips anything not in the API). */
  remember<Answer extends SearchAnswer>(key: string, answer: Answer, schema: z.ZodType<Answer>): void {
    if (!this.bodies || !answer.providers.every((p) => p.outcome === 'ok' && !p.stale)) return;
    const replay = {
      ...answer,
      providers: answer.providers.map((p) => ({ ...p, fromCache: true, durationMs: 0 })),
    };
    const body = Buffer.from(this.scrub(JSON.stringify(schema.parse(replay))));
    this.bodies.set(key, { body, providers: answer.providers.map((p) => p.provider) });
  }
}

/** One key per distinct request: the route plus its parsed parameters with keys in a fixed order. */
export function memoKey(route: string, params: Record<string, unknown>): string {
  const ordered = Object.keys(params)
    .sort()
    .filter((key) => params[key] !== undefined)
    .map((key) => [key, params[key]]);
  return `${route}?${JSON.stringify(ordered)}`;
}
