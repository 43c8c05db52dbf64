import type { AnyProviderAdapter, ProviderId, ProviderResponse, SignedRequest } from '@yuantou/core';
import { ProviderError } from '@yuantou/core';
import { Agent, type Dispatcher, request as undiciRequest } from 'undici';
import { BodyTooLargeError, describeBytes, readCappedBody } from './capped-body.js';
import { markNotRepeated } from './retry-policy.js';

export interface UpstreamSenderOptions {
  provider: ProviderId;
  adapter: Pick<AnyProviderAdapter, 'respond'>;
  /** Connect, headers, body and whole-call deadline. TMAPI's docs advise 60 s (seeds/000). */
  timeoutMs: number;
  /** Replaces the provider's own keep-alive Agent (tests pass an undici MockAgent). */
  dispatcher?: Dispatcher;
  /** A longer body fails the call (issue 23: nothing bounded a provider's body). Default 8 MB. */
  maxBodyBytes?: number;
  /**
   * Applied to the whole body before the adapter reads it: an error quoting our request back is scrubbed before
   * any adapter cuts it to a snippet (a cut secret was no longer recognised), so every provider text a client
   * may see has been scrubbed first.
   */
  scrub?: (text: string) => string;
}

/** 1688 detail and search pages are tens to hundreds of kB; 8 MB leaves room and bounds memory per call. */
export const DEFAULT_MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

/** The proxy's one HTTP sender: one keep-alive Agent per provider, core request in, core response out. */
export interface UpstreamSender {
  send(request: SignedRequest, signal?: AbortSignal): Promise<ProviderResponse>;
  close(): Promise<void>;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
/** Connection-level failures where the same request may well succeed on a fresh socket. */
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ECONNABORTED',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

export function createUpstreamSender(options: UpstreamSenderOptions): UpstreamSender {
  const { provider, adapter, timeoutMs } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_UPSTREAM_BODY_BYTES;
  const scrub = options.scrub ?? ((text: string) => text);
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ??
    new Agent({
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 60_000,
      connectTimeout: timeoutMs,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  // Non-fatal: bytes that are not UTF-8 become U+FFFD instead of failing the call (contract of ProviderResponse).
  const decoder = new TextDecoder('utf-8');

  return {
    async send(request, signal) {
      signal?.throwIfAborted();
      // The bundled demo answers in-process and holds no secret to quote.
      if (adapter.respond) return adapter.respond(request);
      const deadline = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
      try {
        const response = await undiciRequest(request.url, {
          dispatcher,
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: combined,
        });
        const bytes = await readCappedBody(response, maxBodyBytes);
        return {
          status: response.statusCode,
          body: scrub(decoder.decode(bytes)),
          headers: lowerCased(response.headers),
        };
      } catch (error) {
        signal?.throwIfAborted();
        throw networkError(provider, error, deadline.aborted, timeoutMs);
      }
    },
    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

function lowerCased(headers: Record<string, string | string[] | undefined>): ProviderResponse['headers'] {
  const result: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turns an undici/socket failure into the provider layer's error; the message never contains the URL. */
export function networkError(
  provider: ProviderId,
  error: unknown,
  deadlinePassed: boolean,
  timeoutMs: number,
): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  if (error instanceof BodyTooLargeError) {
    // Asking again would fetch the same flood and may be billed again.
    return markNotRepeated(
      new ProviderError({
        provider,
        kind: 'invalid_response',
        message: `${provider} answered with more than ${describeBytes(error.maxBytes)}; the answer was dropped`,
      }),
    );
  }
  const code = errorCode(error);
  if (deadlinePassed || (code && TIMEOUT_CODES.has(code))) {
    const timeout = new ProviderError({
      provider,
      kind: 'timeout',
      providerCode: code ?? null,
      message: `${provider} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`,
      cause: error,
    });
    // The request reached the provider (only a connect timeout means it did not) and may have been billed:
    // sending it again inside the same client request could pay twice for nothing.
    return code === 'UND_ERR_CONNECT_TIMEOUT' ? timeout : markNotRepeated(timeout);
  }
  const retryable = code !== undefined && CONNECTION_CODES.has(code);
  return new ProviderError({
    provider,
    kind: 'upstream',
    retryable,
    providerCode: code ?? null,
    message: `${provider} could not be reached${code ? ` (${code})` : ''}`,
    cause: error,
  });
}
