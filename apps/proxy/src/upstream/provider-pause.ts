import type { ErrorKind, ProviderId } from '@yuantou/core';
import type { RedisClient } from '../redis-client.js';

/**
 * A provider that said "not now" — a quota answer (TMAPI 439, Onebound 4013, `api_info` at its maximum), a
 * rate limit or a 503 with `Retry-After` — or that kept failing until a breaker opened, is paused until then:
 * no call is sent to it meanwhile, on any instance (the pause is shared through Redis and kept locally, so it
 * holds while Redis is away).
 */
export interface Pause {
  /** `upstream`: one instance's breaker opened, so every instance leaves the provider alone as long. */
  kind: Extract<ErrorKind, 'quota' | 'rate_limited' | 'upstream'>;
  /** Epoch ms. */
  until: number;
  /** Why, for the caller: "tmapi reported its quota spent; paused until 10:15 UTC". */
  reason: string;
}

export interface ProviderPauses {
  /** The pause in force for `provider`, if any (local first, then the one other instances set). */
  active(provider: ProviderId): Promise<Pause | undefined>;
  /** This instance's view only: no I/O, for the last check before a paid call. */
  activeLocally(provider: ProviderId): Pause | undefined;
  /** Sets a pause unless a longer one of the same kind is already in force. */
  pause(provider: ProviderId, pause: Pause): Promise<void>;
}

export function createProviderPauses(
  redis: RedisClient | undefined,
  prefix: string,
  onRedisError: (error: unknown) => void,
  now: () => number = Date.now,
): ProviderPauses {
  const local = new Map<ProviderId, Pause>();

  const activeLocally = (provider: ProviderId) => {
    const found = local.get(provider);
    if (found && found.until > now()) return found;
    if (found) local.delete(provider);
    return undefined;
  };
  const keep = (provider: ProviderId, pause: Pause) => {
    const current = activeLocally(provider);
    if (!current || current.until < pause.until) local.set(provider, pause);
  };

  return {
    activeLocally,
    async active(provider) {
      const mine = activeLocally(provider);
      if (mine || !redis) return mine;
      try {
        const raw = await redis.get(`${prefix}${provider}`);
        if (raw === null) return undefined;
        const shared = JSON.parse(raw) as Pause;
        if (shared.until <= now()) return undefined;
        keep(provider, shared);
        return shared;
      } catch (error) {
        onRedisError(error);
        return undefined;
      }
    },
    async pause(provider, pause) {
      keep(provider, pause);
      if (!redis) return;
      const ttlMs = Math.ceil(pause.until - now());
      if (ttlMs <= 0) return;
      try {
        const raw = await redis.get(`${prefix}${provider}`);
        const shared = raw === null ? undefined : (JSON.parse(raw) as Pause);
        if (shared && shared.until >= pause.until) return;
        await redis.set(`${prefix}${provider}`, JSON.stringify(pause), 'PX', ttlMs);
      } catch (error) {
        onRedisError(error);
      }
    },
  };
}
