import type { ProviderRequest, ProviderResponse } from '@yuantou/core';
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
import type { GatewayOperation, GatewayOptions, ProviderSettings } from './gateway-contract.js';

/** Test seams; production uses real time, randomness and a keep-alive Agent per provider. */
export interface UpstreamHooks {
  dispatcher?: Dispatcher;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** How long a call may wait for the provider's next rate-limit slot before `rate_limited` (default 2 s). */
  rateMaxWaitMs?: number;
}

/**
 * An adapter operation seen without its generic types: the gateway passes parsed queries straight through and
 * hands back what the parser made (a page for searches, an offer for getOffer).
 */
export interface LooseOperation {
  buildRequest(query: unknown, credentials: unknown): ProviderRequest;
  parseResponse(response: ProviderResponse): unknown;
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
  rateStore: RateWindowStore;
  metrics: UpstreamMetrics;
  logger: Logger;
  hooks?: UpstreamHooks;
}

/** One provider's protected upstream call: retries around rate limit → concurrency → breaker → send → parse. */
export interface ProviderCaller {
  call(operation: GatewayOperation, query: unknown, signal: AbortSignal): Promise<unknown>;
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

  async function attemptOnce(
    op: LooseOperation,
    operation: GatewayOperation,
    query: unknown,
    attempt: number,
    signal: AbortSignal,
  ) {
    // Built per attempt: signed providers put a timestamp in the request that must be current (seeds/002).
    const request = op.buildRequest(query, settings.credentials);
    const started = performance.now();
    let status: number | undefined;
    let outcome = 'ok';
    metrics.inFlight.inc({ provider });
    try {
      const response = await sender.send(request, signal);
      status = response.status;
      return op.parseResponse(response);
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

  return {
    call(operation, query, signal) {
      const op = operationOf(settings, operation);
      return withRetries(
        async (attempt) => {
          await rateLimiter.acquire(signal);
          return concurrency.run(
            () => circuit.execute(() => attemptOnce(op, operation, query, attempt, signal), signal),
            signal,
          );
        },
        deps.retry,
        {
          signal,
          sleep: hooks.sleep,
          random: hooks.random,
          onRetry: ({ attempt, delayMs, error }) =>
            log.info({ operation, attempt, kind: error.kind, delayMs }, 'retrying upstream call'),
        },
      );
    },
    close: () => sender.close(),
  };
}
