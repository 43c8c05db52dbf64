import type { ProviderId } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import type { Logger } from 'pino';
import { redactUrl } from '../../upstream/redact-url.js';
import type { UpstreamMetrics } from '../../upstream/upstream-metrics.js';
import type { UpstreamSender } from '../../upstream/upstream-sender.js';
import type { UpstreamAttempt, UpstreamCall } from '../upstream-chain.js';

export interface SendDeps {
  provider: ProviderId;
  sender: UpstreamSender;
  metrics: UpstreamMetrics;
  log: Logger;
}

const outcomeOf = (error: unknown, signal: AbortSignal) =>
  ProviderError.isInstance(error) ? error.kind : signal.aborted ? 'aborted' : 'invalid_response';

/** The innermost call the chain wraps: one signed send, its metrics and its log line (URL redacted). */
export function sendStep({ provider, sender, metrics, log }: SendDeps): UpstreamCall {
  return async (a: UpstreamAttempt) => {
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
      outcome = outcomeOf(error, a.signal);
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
  };
}
