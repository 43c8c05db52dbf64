import type {
  MappedQuery,
  PrepareStep,
  ProviderResponse,
  SignedRequest,
  SupplierDetail,
  SupplierFollowUp,
} from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { createSecretScrubber } from '../secret-scrubber.js';
import type { Sleep } from '../sleep.js';
import { createProviderCircuit } from '../upstream/circuit-breaker.js';
import { createConcurrencyLimiter } from '../upstream/concurrency-limiter.js';
import type { ProviderPauses } from '../upstream/provider-pause.js';
import { createRateLimiter, type RateWindowStore } from '../upstream/rate-limiter.js';
import type { UpstreamMetrics } from '../upstream/upstream-metrics.js';
import { createUpstreamSender } from '../upstream/upstream-sender.js';
import type { UsageLedger } from '../upstream/usage-ledger.js';
import { type Deadline, deadlineFrom } from './deadline.js';
import type { GatewayOperation, GatewayOptions, ProviderSettings } from './gateway-contract.js';
import { cachedPrepare, type PrepareCacheDeps } from './prepare-cache.js';
import { breakerStep } from './steps/breaker.js';
import { concurrencyStep } from './steps/concurrency.js';
import { deadlineStep } from './steps/deadline.js';
import { paidCallGateStep } from './steps/paid-call-gate.js';
import { pauseStep } from './steps/pause.js';
import { rateLimitStep } from './steps/rate-limit.js';
import { retryStep } from './steps/retry.js';
import { sendStep } from './steps/send.js';
import { type ChainStep, composeUpstream, type Middleware, type UpstreamCall } from './upstream-chain.js';

export { DEFAULT_RATE_LIMIT_PAUSE_MS } from './steps/pause.js';

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
  /** A second call completing a supplier's detail (TMAPI's `shop/items` for the catalogue size). */
  followUp?: SupplierFollowUp<object, unknown>;
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

/** `cache` and `flight` (PrepareCacheDeps): the shared stores a prepare step's answer is kept and coalesced in. */
export interface ProviderCallerDeps extends PrepareCacheDeps {
  settings: ProviderSettings;
  retry: GatewayOptions['retry'];
  circuit: GatewayOptions['circuit'];
  /** One overall deadline per call: every attempt and wait shares it. */
  deadlineMs: number;
  /** How long a provider that answered "quota" is left alone when it gives no reset time. */
  quotaCoolDownMs: number;
  /** Every secret of this proxy: scrubbed from each upstream body, whole, before anything reads or cuts it. */
  secrets?: GatewayOptions['secrets'];
  /** The cap on one upstream body (bytes): a larger one fails the call, not the process. */
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
  /** `deadline`: the client's call's, when it began before this one (a wait on the cache); else from now. */
  call(
    operation: GatewayOperation,
    params: object,
    signal: AbortSignal,
    deadline?: Deadline,
  ): Promise<unknown>;
  close(): Promise<void>;
}

export function createProviderCaller(deps: ProviderCallerDeps): ProviderCaller {
  const { settings } = deps;
  const sender = createUpstreamSender({
    provider: settings.id,
    adapter: settings.adapter,
    timeoutMs: settings.timeoutMs,
    dispatcher: deps.hooks?.dispatcher,
    maxBodyBytes: deps.maxBodyBytes,
    scrub: createSecretScrubber(deps.secrets ?? []),
  });
  const log = deps.logger.child({ provider: settings.id });
  const protectedCall = composeUpstream(
    chainSteps(deps, log),
    sendStep({ ...deps, provider: settings.id, sender, log }),
  );

  return {
    async call(operation, params, signal, deadline = deadlineFrom(deps.deadlineMs)) {
      const op = operationOf(settings, operation);
      const ready = op.prepare
        ? await cachedPrepare(deps, protectedCall, op.prepare, operation, params, signal, deadline)
        : params;
      const result = await protectedCall({
        operation,
        step: operation,
        sign: () => op.sign(ready, settings.credentials),
        parse: (response) => op.parseResponse(response, ready),
        signal,
        deadline,
        attempt: 1,
      });
      return op.followUp
        ? followedUp(protectedCall, settings, op.followUp, operation, ready, result, signal, deadline, log)
        : result;
    },
    close: () => sender.close(),
  };
}

/** Every step of UPSTREAM_CHAIN over this provider's own limiter, breaker and the shared stores. */
function chainSteps(deps: ProviderCallerDeps, log: Logger): Record<ChainStep, Middleware> {
  const { settings, metrics, hooks = {} } = deps;
  const provider = settings.id;
  const now = hooks.now ?? Date.now;
  metrics.circuitOpen.set({ provider }, 0);
  const circuit = createProviderCircuit(provider, deps.circuit, (state) => {
    metrics.circuitOpen.set({ provider }, state === 'closed' ? 0 : 1);
    log.warn({ circuit: state }, `${provider} circuit ${state}`);
    // Shared through Redis: the other instances do not each pay to find the provider failing (issue 23).
    const reason = `${provider} is failing`;
    if (state === 'open')
      void deps.pauses.pause(provider, {
        kind: 'upstream',
        until: now() + deps.circuit.resetAfterMs,
        reason,
      });
  });
  const rateLimiter = createRateLimiter({
    provider,
    requestsPerMinute: settings.requestsPerMinute,
    store: deps.rateStore,
    maxWaitMs: hooks.rateMaxWaitMs,
    sleep: hooks.sleep,
  });
  return {
    deadline: deadlineStep(provider),
    retry: retryStep({ retry: deps.retry, log, sleep: hooks.sleep, random: hooks.random }),
    pause: pauseStep({ ...deps, provider, log, now }),
    breaker: breakerStep(circuit),
    rateLimit: rateLimitStep(rateLimiter),
    concurrency: concurrencyStep(createConcurrencyLimiter(settings.concurrency)),
    paidCallGate: paidCallGateStep({ ...deps, provider, now }),
  };
}

/**
 * The call that completes a supplier's detail, through the same chain (budget, limits, breaker) and deadline.
 * The first answer was paid for: when the follow-up fails the detail is kept without what it would have added.
 */
async function followedUp(
  protectedCall: UpstreamCall,
  settings: ProviderSettings,
  followUp: SupplierFollowUp<object, unknown>,
  operation: GatewayOperation,
  params: object,
  result: unknown,
  signal: AbortSignal,
  deadline: Deadline,
  log: Logger,
): Promise<unknown> {
  const detail = result as SupplierDetail;
  if (followUp.sign(params, detail, settings.credentials) === null) return detail;
  try {
    return await protectedCall({
      operation,
      step: followUp.name,
      sign: () => followUp.sign(params, detail, settings.credentials)!,
      parse: (response) => followUp.complete(detail, response),
      signal,
      deadline,
      attempt: 1,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    log.warn(
      { step: followUp.name, kind: ProviderError.isInstance(error) ? error.kind : undefined },
      'follow-up call failed; detail kept without it',
    );
    return detail;
  }
}
