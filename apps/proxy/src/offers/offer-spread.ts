import type { ErrorKind, Offer, OfferAttempt, ProviderId } from '@yuantou/core';
import { rateWindow } from '../upstream/rate-limiter.js';

// Issue 23, offers at scale: "one 200-ref request ran 124 s at default limits, with 73 results rate-limited and
// 554 calls" — every offer walked the providers in order, so all 200 queued at the first provider, whose rate
// (TMAPI: 60/min, 3 at once) paced the batch while the others idled, and the rate limiter's 2 s wait turned the
// queue into `rate_limited` fallbacks. Here the distinct offers of a batch are dealt out to every provider with
// details, each taking the next offer only while it has a free concurrency slot and its rate allows another call
// (the gateway's own window, `rateWindow`), so n offers take about n ÷ (the providers' combined rate).
// The walk's rules per offer stay: a provider is asked at most once per offer, the fallback kinds move the offer
// to a provider that has not been asked yet (the first free one in the configured order), other kinds end it, the
// not-found cap ends it, an older (stale) answer is kept until a fresh one turns up. A provider's failure moves
// only its share: its offers go back to the front of the queue for the others, and a provider out of quota or
// refusing our key is left alone for the rest of the batch (the ones left are not sent there to fail).

/** Kinds after which the next provider may still have the offer (issue 13); others end the walk. */
export const FALLBACK_KINDS: ReadonlySet<ErrorKind> = new Set([
  'not_found',
  'upstream',
  'timeout',
  'quota',
  'rate_limited',
]);

/** Kinds that say the provider, not the offer, cannot answer now: nothing more is sent there in this batch. */
const PROVIDER_DOWN: ReadonlySet<ErrorKind> = new Set(['quota', 'auth']);

/** How long a provider that answered `rate_limited` without a retry time gets nothing new (ms). */
const RATE_LIMITED_PAUSE_MS = 1_000;

/** What one provider said about one offer, with the offer when it served one. */
export type Asked = OfferAttempt & { offer?: Offer; fetchedAt?: number; staleReason?: string };

export interface SpreadProvider {
  id: ProviderId;
  /** At most this many of one batch's lookups are at this provider at once. */
  concurrency: number;
  /** The provider's configured rate: offers are handed to it no faster. Without it, only `concurrency` paces. */
  requestsPerMinute?: number;
}

/** How one offer's walk ended. */
export interface Walk {
  offerId: string;
  attempts: OfferAttempt[];
  /** The answer to serve: a fresh one, else the first older one (stale) any provider gave. */
  served?: { provider: ProviderId; asked: Asked };
  /** `deadline`: the batch's deadline passed first (`asking`: the providers still answering then). */
  end: 'served' | 'exhausted' | 'deadline';
  asking?: ProviderId[];
}

export interface SpreadOptions {
  /** In the configured order: the first free one takes the next offer. */
  providers: SpreadProvider[];
  ask(provider: ProviderId, offerId: string): Promise<Asked>;
  /**
   * Everything that answers an offer without a paid call (the not-found memory, every provider's cache): true
   * when it did, and the offer is not walked.
   */
  answeredFree(offerId: string): Promise<boolean>;
  /** Called once per walked offer, as soon as its walk ends (the deadline ends every walk still going). */
  onWalked(walk: Walk): void;
  /**
   * The provider another request of this process is asking for `offerId` right now, if any: the offer is dealt
   * there first (joining that call costs nothing), whatever the provider's pacing.
   */
  askingNow?: (offerId: string) => ProviderId | undefined;
  /** A walk stops after this many providers said "not found". */
  notFoundProviders?: number;
  /** One deadline for the whole batch (ms); undefined = none. */
  deadlineMs?: number;
  signal?: AbortSignal;
}

interface Lane {
  provider: SpreadProvider;
  /** ms between two offers handed to it (from the gateway's own rate window). */
  intervalMs: number;
  asking: number;
  /** performance.now() before which it is handed nothing new. */
  nextAt: number;
  timer?: ReturnType<typeof setTimeout>;
  /** Why it is left alone for the rest of the batch. */
  down?: OfferAttempt['error'];
}

interface OfferWalk {
  offerId: string;
  attempts: OfferAttempt[];
  tried: Set<ProviderId>;
  asking: Set<ProviderId>;
  notFound: number;
  older?: { provider: ProviderId; asked: Asked };
  ended: boolean;
}

function intervalOf(requestsPerMinute: number | undefined): number {
  if (requestsPerMinute === undefined) return 0;
  const { windowMs, perWindow } = rateWindow(requestsPerMinute);
  return windowMs / perWindow;
}

/** Looks up `offerIds` (distinct) spread over the providers; resolves when every offer's walk has ended. */
export function spreadLookups(options: SpreadOptions, offerIds: readonly string[]): Promise<void> {
  const lanes = options.providers.map(
    (provider): Lane => ({
      provider,
      intervalMs: intervalOf(provider.requestsPerMinute),
      asking: 0,
      nextAt: 0,
    }),
  );
  const cap = options.notFoundProviders ?? Number.POSITIVE_INFINITY;
  const walks = new Map<string, OfferWalk>();
  const queue: OfferWalk[] = [];
  let open = offerIds.length;
  let over = false;
  let finish: (error?: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = (error) => (error === undefined ? resolve() : reject(error));
  });

  const stop = (error?: unknown) => {
    if (over) return;
    over = true;
    for (const lane of lanes) clearTimeout(lane.timer);
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onAbort);
    finish(error);
  };
  const onAbort = () => stop(options.signal?.reason);
  const deadline =
    options.deadlineMs === undefined ? undefined : setTimeout(endAtDeadline, options.deadlineMs);

  function end(walk: OfferWalk, result: Omit<Walk, 'offerId' | 'attempts'>) {
    if (walk.ended || over) return;
    walk.ended = true;
    const index = queue.indexOf(walk);
    if (index >= 0) queue.splice(index, 1);
    options.onWalked({ offerId: walk.offerId, attempts: walk.attempts, ...result });
    if (--open === 0) stop();
  }

  /** The deadline: every offer not yet answered ends now, with what it has (an older answer counts). */
  function endAtDeadline() {
    for (const offerId of offerIds) {
      const walk = walks.get(offerId) ?? newWalk(offerId);
      if (walk.ended) continue;
      if (walk.older) end(walk, { served: walk.older, end: 'served' });
      else end(walk, { end: 'deadline', asking: [...walk.asking] });
    }
    stop();
  }

  function newWalk(offerId: string): OfferWalk {
    const walk: OfferWalk = {
      offerId,
      attempts: [],
      tried: new Set(),
      asking: new Set(),
      notFound: 0,
      ended: false,
    };
    walks.set(offerId, walk);
    return walk;
  }

  /** Nothing more can be asked: the older answer if any, else every provider's failure (down ones included). */
  function exhaust(walk: OfferWalk) {
    for (const lane of lanes) {
      if (lane.down && !walk.tried.has(lane.provider.id)) {
        walk.attempts.push({
          provider: lane.provider.id,
          outcome: 'error',
          fromCache: false,
          durationMs: 0,
          error: lane.down,
        });
      }
    }
    end(walk, walk.older ? { served: walk.older, end: 'served' } : { end: 'exhausted' });
  }

  const askable = (walk: OfferWalk, lane: Lane) => !lane.down && !walk.tried.has(lane.provider.id);

  function answered(walk: OfferWalk, lane: Lane, asked: Asked) {
    lane.asking--;
    walk.asking.delete(lane.provider.id);
    if (over || walk.ended) return;
    const { offer, fetchedAt, staleReason, ...attempt } = asked;
    walk.attempts.push(attempt);
    if (offer) {
      if (!staleReason) return end(walk, { served: { provider: lane.provider.id, asked }, end: 'served' });
      walk.older ??= { provider: lane.provider.id, asked };
    } else {
      const error = attempt.error!;
      if (PROVIDER_DOWN.has(error.kind)) lane.down = error;
      if (error.kind === 'rate_limited') {
        lane.nextAt = Math.max(
          lane.nextAt,
          performance.now() + (error.retryAfterMs ?? RATE_LIMITED_PAUSE_MS),
        );
      }
      if (!FALLBACK_KINDS.has(error.kind)) return exhaust(walk);
      if (error.kind === 'not_found' && ++walk.notFound >= cap) return exhaust(walk);
    }
    // Back to the front: it has waited longest.
    queue.unshift(walk);
  }

  function start(lane: Lane, walk: OfferWalk, now: number, paced: boolean) {
    queue.splice(queue.indexOf(walk), 1);
    lane.asking++;
    if (paced) lane.nextAt = Math.max(lane.nextAt, now) + lane.intervalMs;
    walk.tried.add(lane.provider.id);
    walk.asking.add(lane.provider.id);
    options.ask(lane.provider.id, walk.offerId).then(
      (asked) => {
        answered(walk, lane, asked);
        dispatch();
      },
      (error) => stop(error),
    );
  }

  function dispatch() {
    if (over) return;
    const now = performance.now();
    // An offer another request is asking a provider for right now goes to that provider: the gateway joins the
    // call in flight (single-flight), so it costs neither a paid call nor a slot of the provider's rate.
    for (const walk of [...queue]) {
      const provider = options.askingNow?.(walk.offerId);
      const lane = lanes.find((l) => l.provider.id === provider);
      if (lane && askable(walk, lane) && lane.asking < lane.provider.concurrency)
        start(lane, walk, now, false);
    }
    for (const lane of lanes) {
      while (!lane.down && lane.asking < lane.provider.concurrency) {
        const walk = queue.find((w) => askable(w, lane));
        if (!walk) break;
        if (lane.nextAt > now) {
          lane.timer ??= setTimeout(() => {
            lane.timer = undefined;
            dispatch();
          }, lane.nextAt - now);
          break;
        }
        start(lane, walk, now, true);
      }
    }
    // An offer no provider can take any more (every one left is down or asked) ends now.
    for (const walk of [...queue]) {
      if (walk.asking.size === 0 && !lanes.some((lane) => askable(walk, lane))) exhaust(walk);
    }
  }

  if (options.signal?.aborted) return Promise.reject(options.signal.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (open === 0) stop();
  for (const offerId of offerIds) {
    const walk = newWalk(offerId);
    options.answeredFree(offerId).then(
      (free) => {
        if (over || walk.ended) return;
        if (free) {
          walk.ended = true;
          if (--open === 0) stop();
          return;
        }
        queue.push(walk);
        dispatch();
      },
      (error) => stop(error),
    );
  }
  return done;
}
