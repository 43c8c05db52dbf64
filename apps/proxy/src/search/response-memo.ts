import { LRUCache } from 'lru-cache';
import type { z } from 'zod';

/** What a search route returns before serialisation: items plus the per-provider statuses. */
interface SearchAnswer {
  providers: Array<{ outcome: 'ok' | 'error'; fromCache: boolean; stale: boolean; durationMs: number }>;
}

/**
 * Replays finished search answers — merged, ranked, validated and serialised — for identical requests within a
 * short lifetime. The gateway already caches provider pages; this skips the work done *after* the gateway, which
 * a sheet recalculating a hundred identical cells would otherwise repeat a hundred times.
 *
 * Only answers where every provider succeeded with fresh data are kept, so a transient failure or a stale
 * page is never replayed. A replay reports every provider as `fromCache` with no upstream time.
 */
export class ResponseMemo {
  private readonly bodies: LRUCache<string, Buffer> | undefined;

  /**
   * @param scrub the same secret scrubber responses pass through: a replay is stored as bytes, ready to send,
   *   so it is scrubbed once here instead of on every send.
   */
  constructor(
    ttlSeconds: number,
    private readonly scrub: (text: string) => string,
    maxEntries = 1_000,
  ) {
    this.bodies = ttlSeconds > 0 ? new LRUCache({ max: maxEntries, ttl: ttlSeconds * 1000 }) : undefined;
  }

  /** The serialised answer for this request (UTF-8 JSON), if one is being replayed. */
  get(key: string): Buffer | undefined {
    return this.bodies?.get(key);
  }

  /** Keeps the replay form of `answer`, validated by `schema` (which also strips anything not in the API). */
  remember<Answer extends SearchAnswer>(key: string, answer: Answer, schema: z.ZodType<Answer>): void {
    if (!this.bodies || !answer.providers.every((p) => p.outcome === 'ok' && !p.stale)) return;
    const replay = {
      ...answer,
      providers: answer.providers.map((p) => ({ ...p, fromCache: true, durationMs: 0 })),
    };
    this.bodies.set(key, Buffer.from(this.scrub(JSON.stringify(schema.parse(replay)))));
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
