import type { MappedQuery, Page, PrepareStep, ProviderResponse, Quota, SignedRequest } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { createSecretScrubber } from '../secret-scrubber.js';
import type { Sleep } from '../sleep.js';
import { createProviderCircuit } from '../upstream/circuit-breaker.js';
import { createConcurrencyLimiter } from '../upstream/concurrency-limiter.js';
import type { Pause, ProviderPauses } from '../upstream/provider-pause.js';
import { createRateLimiter, type RateWindowStore } from '../upstream/rate-limiter.js';
import { redactUrl } from '../upstream/redact-url.js';
import { markLocalRefusal, withRetries } from '../upstream/retry-policy.js';
import type { UpstreamMetrics } from '../upstream/upstream-metrics.js';
import { createUpstreamSender } from '../upstream/upstream-sender.js';
import { nextUtcMidnight, type UsageLedger } from '../upstream/usage-ledger.js';
import type { GatewayOperation, GatewayOptions, ProviderSettings } from './gateway-contract.js';
import { type ChainStep, composeUpstream, type Middleware, type UpstreamAttempt } from './upstream-chain.js';

/** Test seams; production uses real time, randomness and a keep-alive Agent per provider. */
export interface UpstreamHooks {
  dispatcher?: Dispatcher;
  sleep?: Sleep;
  random?: () => number;
  /** How long a call may wait for the provider's next rate-limit slot before `rate_limited` (default 2 s). */
  rateMaxWaitMs?: number;
  /** The clock pauses are judged by; tests whose `sleep` costs no time advance it instead. */
  now?: () => number;
}

/**
 * An adapter operation seen without its generic types: the gateway maps parsed queries, then signs params, and
 * hands back what the parser made (a page for searches, an offer for getOffer).
 */
export interface LooseOperation {
  map(query: unknown): MappedQuery<object>;
  sign(params: object, credentials: unknown): SignedRequest;
  /** `params` as sent: offer parsers read the language asked for from them (TMAPI's body does not say it). */
  parseResponse(response: ProviderResponse, params?: object): unknown;
  prepare?: PrepareStep<object, unknown>;
}

export function operationOf(settings: ProviderSettings, operation: GatewayOperation): LooseOperation {
  const found = settings.adapter[operation] as LooseOperation | undefined;
  if (!found) {
    throw new ProviderError({
      provider: settings.id,
      kind: 'bad_request',
      message: `${settings.adapter.name} does not offer ${operation}`,
    });
  }
  return found;
}

export interface ProviderCallerDeps {
  settings: ProviderSettings;
  retry: GatewayOptions['retry'];
  circuit: GatewayOptions['circuit'];
  /** One overall deadline per call: every attempt and wait shares it. */
  deadlineMs: number;
  /** How long a provider that answered "quota" is left alone when it gives no reset time. */
  quotaCoolDownMs: number;
  secrets?: GatewayOptions['secrets'];
  maxBodyBytes?: number;
  rateStore: RateWindowStore;
  pauses: ProviderPauses;
  ledger: UsageLedger;
  metrics: UpstreamMetrics;
  logger: Logger;
  hooks?: UpstreamHooks;
}

/**
 * One provider's protected upstream call on mapped params: UPSTREAM_CHAIN around one send, signed per attempt.
 * An operation with a prepare step (1688 image upload) makes that call first, through the same chain and within
 * the same deadline.
 */
export interface ProviderCaller {
  call(operation: GatewayOperation, params: object, signal: AbortSignal): Promise<unknown>;
  close(): Promise<void>;
}

/** How long a provider is paused after a rate-limit answer that named no Retry-After. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 1000;

const clock = (at: number) => new Date(at).toISOString().slice(11, 19);

export function createProviderCaller(deps: ProviderCallerDeps): ProviderCaller {
  const { settings, metrics, pauses, ledger, hooks = {} } = deps;
  const now = hooks.now ?? Date.now;
  const provider = settings.id;
  const log = deps.logger.child({ provider });
  const sender = createUpstreamSender({
    provider,
    adapter: settings.adapter,
    timeoutMs: settings.timeoutMs,
    dispatcher: hooks.dispatcher,
    maxBodyBytes: deps.maxBodyBytes,
    scrub: createSecretScrubber(deps.secrets ?? []),
  });
  const rateLimiter = createRateLimiter({
    provider,
    requestsPerMinute: settings.requestsPerMinute,
    store: deps.rateStore,
    maxWaitMs: hooks.rateMaxWaitMs,
    sleep: hooks.sleep,
  });
  const concurrency = createConcurrencyLimiter(settings.concurrency);
  metrics.circuitOpen.set({ provider }, 0);
  const circuit = createProviderCircuit(provider, deps.circuit, (state) => {
    metrics.circuitOpen.set({ provider }, state === 'closed' ? 0 : 1);
    log.warn({ circuit: state }, `${provider} circuit ${state}`);
    // Shared through Redis: the other instances do not each pay to find the provider failing (issue 23).
    const reason = `${provider} is failing`;
    if (state === 'open')
      void pauses.pause(provider, { kind: 'upstream', until: now() + deps.circuit.resetAfterMs, reason });
  });

  const pausedError = (pause: Pause) =>
    markLocalRefusal(
      new ProviderError({
        provider,
        kind: pause.kind,
        retryable: true,
        retryAfterMs: Math.max(1, pause.until - now()),
        // A breaker opened (here or on another instance): said as the breaker says it.
        message:
          pause.kind === 'upstream'
            ? `${provider} is failing; paused for ${Math.max(1, Math.ceil((pause.until - now()) / 1000))}s`
            : `${pause.reason}; no call until ${clock(pause.until)} UTC`,
      }),
    );

  async function pauseFor(quota: Quota) {
    const reset = quota.resetsAt ? Date.parse(quota.resetsAt) : Number.NaN;
    const until = Number.isFinite(reset) && reset > now() ? reset : now() + deps.quotaCoolDownMs;
    await pauses.pause(provider, {
      kind: 'quota',
      until,
      reason: `${provider} reports ${quota.used} of its ${quota.limit} calls used today`,
    });
  }

  /** A page's quota (Onebound's `api_info`); offers and prepared params carry none. */
  function noteQuota(result: unknown) {
    const quota = (result as Partial<Page<unknown>> | null)?.quota;
    if (!quota) return;
    metrics.quotaUsed.set({ provider }, quota.used);
    metrics.quotaLimit.set({ provider }, quota.limit);
    if (ledger.recordQuota(provider, quota)) {
      log.warn({ used: quota.used, limit: quota.limit }, `${provider} quota spent; pausing calls`);
    }
    if (quota.limit > 0 && quota.used >= quota.limit) void pauseFor(quota);
  }

  /** What an upstream refusal means for every later call; may return a sharper error for this one. */
  async function notePause(error: unknown): Promise<unknown> {
    // Only what the provider itself answered (it has an HTTP status); our own refusals say nothing about it.
    if (!ProviderError.isInstance(error) || error.status === null) return error;
    if (error.kind === 'quota') {
      const until = now() + deps.quotaCoolDownMs;
      await pauses.pause(provider, {
        kind: 'quota',
        until,
        reason: `${provider} answered that its quota is spent`,
      });
      log.warn(
        { providerCode: error.providerCode, until: new Date(until).toISOString() },
        `${provider} quota spent; pausing calls`,
      );
      return error;
    }
    if (error.kind === 'upstream' && error.retryAfterMs !== null && error.retryAfterMs > 0) {
      // A 503 with Retry-After: unavailable, and it said for how long (issue 23: it paused nothing).
      const until = now() + error.retryAfterMs;
      await pauses.pause(provider, { kind: 'rate_limited', until, reason: `${provider} asked to wait` });
      return error;
    }
    if (error.kind === 'rate_limited') {
      // Another call already paused the provider while this one was out: do not retry into the same wall.
      const already = pauses.activeLocally(provider);
      const waitMs = error.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS;
      await pauses.pause(provider, {
        kind: 'rate_limited',
        until: now() + waitMs,
        reason: `${provider} asked to slow down`,
      });
      if (already) return markLocalRefusal(error);
      // Without Retry-After the provider named no safe moment: this request answers at once (with the pause as
      // its Retry-After) rather than guessing; with one, the retry step waits it out if the deadline allows.
      if (error.retryAfterMs === null) {
        return markLocalRefusal(
          new ProviderError({ ...error.toJSON(), provider, retryAfterMs: waitMs, cause: error }),
        );
      }
    }
    return error;
  }

  const budgetError = (budget: number) =>
    markLocalRefusal(
      new ProviderError({
        provider,
        kind: 'quota',
        retryable: true,
        retryAfterMs: nextUtcMidnight(Date.now()) - Date.now(),
        message: `${provider} daily budget of ${budget} calls spent; resets 00:00 UTC`,
      }),
    );

  async function send(a: UpstreamAttempt): Promise<unknown> {
    // Signed per attempt: signed providers put a timestamp in the request that must be current (seeds/002).
    const request = a.sign();
    const started = performance.now();
    let status: number | undefined;
    let outcome = 'ok';
    metrics.inFlight.inc({ provider });
    try {
      const response = await sender.send(request, a.signal);
      status = response.status;
      return a.parse(response);
    } catch (error) {
      outcome = ProviderError.isInstance(error)
        ? error.kind
        : a.signal.aborted
          ? 'aborted'
          : 'invalid_response';
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.inFlight.dec({ provider });
      metrics.requests.inc({ provider, operation: a.operation, outcome });
      metrics.duration.observe({ provider, operation: a.operation }, seconds);
      const line = {
        operation: a.operation,
        ...(a.step === a.operation ? {} : { step: a.step }),
        attempt: a.attempt,
        status,
        kind: outcome === 'ok' ? undefined : outcome,
        durationMs: Math.round(seconds * 1000),
        url: redactUrl(request.url),
      };
      if (outcome === 'ok') log.debug(line, 'upstream call');
      else log.warn(line, 'upstream call failed');
    }
  }

  const steps: Record<ChainStep, Middleware> = {
    deadline: (next) => async (a) => {
      const controller = new AbortController();
      const seconds = Math.round(deps.deadlineMs / 100) / 10;
      // The deadline was fixed when the client's call began: a prepare step and the call after it share it.
      const timer = setTimeout(
        () => {
          controller.abort(
            markLocalRefusal(
              new ProviderError({
                provider,
                kind: 'timeout',
                message: `${provider} gave no answer within the ${seconds} s deadline`,
              }),
            ),
          );
        },
        Math.max(0, a.deadlineAt - Date.now()),
      );
      const follow = () => controller.abort(a.signal.reason);
      if (a.signal.aborted) follow();
      a.signal.addEventListener('abort', follow, { once: true });
      try {
        return await next({ ...a, signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted && !a.signal.aborted) throw controller.signal.reason;
        throw error;
      } finally {
        clearTimeout(timer);
        a.signal.removeEventListener('abort', follow);
      }
    },
    retry: (next) => (a) =>
      withRetries((attempt) => next({ ...a, attempt }), deps.retry, {
        signal: a.signal,
        deadlineAt: a.deadlineAt,
        sleep: hooks.sleep,
        random: hooks.random,
        onRetry: ({ attempt, delayMs, error }) =>
          log.info(
            { operation: a.operation, step: a.step, attempt, kind: error.kind, delayMs },
            'retrying upstream call',
          ),
      }),
    pause: (next) => async (a) => {
      const pause = await pauses.active(provider);
      if (pause) throw pausedError(pause);
      try {
        const page = await next(a);
        noteQuota(page);
        return page;
      } catch (error) {
        throw await notePause(error);
      }
    },
    breaker: (next) => (a) => circuit.execute((signal) => next({ ...a, signal }), a.signal),
    rateLimit: (next) => async (a) => {
      await rateLimiter.acquire(a.signal, a.deadlineAt);
      return next(a);
    },
    concurrency: (next) => (a) => concurrency.run(() => next(a), a.signal),
    paidCallGate: (next) => async (a) => {
      // The last look before money is spent: a pause may have been set while this call queued.
      const pause = pauses.activeLocally(provider);
      if (pause) throw pausedError(pause);
      const { spent, budget } = await ledger.spendCall(provider);
      if (!spent && budget !== null) throw budgetError(budget);
      return next(a);
    },
  };
  const protectedCall = composeUpstream(steps, send);

  return {
    async call(operation, params, signal) {
      const op = operationOf(settings, operation);
      const deadlineAt = Date.now() + deps.deadlineMs;
      let ready = params;
      const prepare = op.prepare;
      // The earlier paid call runs once per call, outside the main call's retries: a retried search must not
      // upload the same image again.
      let first = prepare?.sign(params, settings.credentials) ?? null;
      if (prepare && first !== null) {
        ready = (await protectedCall({
          operation,
          step: prepare.name,
          // The first attempt sends the request just signed; a retry signs again with a fresh timestamp.
          sign: () => {
            const request = first ?? prepare.sign(params, settings.credentials);
            first = null;
            if (request === null) throw new Error(`${prepare.name}: nothing to prepare on retry`);
            return request;
          },
          parse: (response) => prepare.complete(params, response),
          signal,
          deadlineAt,
          attempt: 1,
        })) as object;
      }
      return protectedCall({
        operation,
        step: operation,
        sign: () => op.sign(ready, settings.credentials),
        parse: (response) => op.parseResponse(response, ready),
        signal,
        deadlineAt,
        attempt: 1,
      });
    },
    close: () => sender.close(),
  };
}
