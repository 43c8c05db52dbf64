import type {
  MappedQuery,
  OperationName,
  Page,
  PrepareStep,
  ProviderResponse,
  SignedRequest,
} from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { createProviderCircuit } from '../upstream/circuit-breaker.js';
import { createConcurrencyLimiter } from '../upstream/concurrency-limiter.js';
import { createRateLimiter, type RateWindowStore } from '../upstream/rate-limiter.js';
import { redactUrl } from '../upstream/redact-url.js';
import { withRetries } from '../upstream/retry-policy.js';
import type { UpstreamMetrics } from '../upstream/upstream-metrics.js';
import { createUpstreamSender } from '../upstream/upstream-sender.js';
import type { GatewayOptions, ProviderSettings } from './gateway-contract.js';

/** Test seams; production uses real time, randomness and a keep-alive Agent per provider. */
export interface UpstreamHooks {
  dispatcher?: Dispatcher;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** How long a call may wait for the provider's next rate-limit slot before `rate_limited` (default 2 s). */
  rateMaxWaitMs?: number;
}

/** An adapter operation seen without its generic types: the gateway maps parsed queries, then signs params. */
export interface LooseOperation {
  map(query: unknown): MappedQuery<object>;
  sign(params: object, credentials: unknown): SignedRequest;
  parseResponse(response: ProviderResponse): Page<unknown>;
  prepare?: PrepareStep<object, unknown>;
}

export function operationOf(settings: ProviderSettings, operation: OperationName): LooseOperation {
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
  rateStore: RateWindowStore;
  metrics: UpstreamMetrics;
  logger: Logger;
  hooks?: UpstreamHooks;
}

/**
 * One provider's protected upstream call on mapped params: retries around rate limit → concurrency → breaker →
 * sign → send → parse. An operation with a prepare step (1688 image upload) makes that call first, the same way.
 */
export interface ProviderCaller {
  call(operation: OperationName, params: object, signal: AbortSignal): Promise<Page<unknown>>;
  close(): Promise<void>;
}

export function createProviderCaller(deps: ProviderCallerDeps): ProviderCaller {
  const { settings, metrics, hooks = {} } = deps;
  const provider = settings.id;
  const log = deps.logger.child({ provider });
  const sender = createUpstreamSender({
    provider,
    adapter: settings.adapter,
    timeoutMs: settings.timeoutMs,
    dispatcher: hooks.dispatcher,
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
  });

  async function attemptOnce<T>(
    step: string,
    operation: OperationName,
    sign: () => SignedRequest,
    parse: (response: ProviderResponse) => T,
    attempt: number,
    signal: AbortSignal,
  ): Promise<T> {
    // Signed per attempt: signed providers put a timestamp in the request that must be current (seeds/002).
    const request = sign();
    const started = performance.now();
    let status: number | undefined;
    let outcome = 'ok';
    metrics.inFlight.inc({ provider });
    try {
      const response = await sender.send(request, signal);
      status = response.status;
      return parse(response);
    } catch (error) {
      outcome = ProviderError.isInstance(error)
        ? error.kind
        : signal.aborted
          ? 'aborted'
          : 'invalid_response';
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.inFlight.dec({ provider });
      metrics.requests.inc({ provider, operation, outcome });
      metrics.duration.observe({ provider, operation }, seconds);
      const line = {
        operation,
        ...(step === operation ? {} : { step }),
        attempt,
        status,
        kind: outcome === 'ok' ? undefined : outcome,
        durationMs: Math.round(seconds * 1000),
        url: redactUrl(request.url),
      };
      if (outcome === 'ok') log.debug(line, 'upstream call');
      else log.warn(line, 'upstream call failed');
    }
  }

  function protectedCall<T>(
    step: string,
    operation: OperationName,
    sign: () => SignedRequest,
    parse: (response: ProviderResponse) => T,
    signal: AbortSignal,
  ): Promise<T> {
    return withRetries(
      async (attempt) => {
        await rateLimiter.acquire(signal);
        return concurrency.run(
          () => circuit.execute(() => attemptOnce(step, operation, sign, parse, attempt, signal), signal),
          signal,
        );
      },
      deps.retry,
      {
        signal,
        sleep: hooks.sleep,
        random: hooks.random,
        onRetry: ({ attempt, delayMs, error }) =>
          log.info({ operation, step, attempt, kind: error.kind, delayMs }, 'retrying upstream call'),
      },
    );
  }

  return {
    async call(operation, params, signal) {
      const op = operationOf(settings, operation);
      let ready = params;
      const prepare = op.prepare;
      // The earlier paid call runs once per call, outside the main call's retries: a retried search must not
      // upload the same image again.
      let first = prepare?.sign(params, settings.credentials) ?? null;
      if (prepare && first !== null) {
        ready = await protectedCall(
          prepare.name,
          operation,
          // The first attempt sends the request just signed; a retry signs again with a fresh timestamp.
          () => {
            const request = first ?? prepare.sign(params, settings.credentials)!;
            first = null;
            return request;
          },
          (response) => prepare.complete(params, response),
          signal,
        );
      }
      return protectedCall(
        operation,
        operation,
        () => op.sign(ready, settings.credentials),
        (response) => op.parseResponse(response),
        signal,
      );
    },
    close: () => sender.close(),
  };
}
