import type { Problem } from '../api/routes.js';
import type { ProviderStatus } from '../api/search-responses.js';
import { kindForHttpStatus } from '../providers/response-body.js';

/**
 * Why a call to the proxy failed: the proxy's own kinds (`validation`, `unauthorized`, `too_many_requests`,
 * `internal`), any ProviderError kind the proxy passed on (`quota`, `upstream`, `timeout`,
 * `invalid_response`…), or `unreachable` when no HTTP answer arrived at all.
 */
export type ProxyErrorKind = NonNullable<Problem['kind']> | 'unreachable';

/** What a {@link ProxyRequestError} is built from; only `kind`, `message` and `url` are required. */
export interface ProxyRequestErrorInit {
  /** Why the call failed. */
  kind: ProxyErrorKind;
  /** For humans; must not contain the token. */
  message: string;
  /** The URL called (the token travels in a header, never in the URL). */
  url: string;
  /** The proxy's HTTP status; omit when no answer arrived. */
  status?: number | null;
  /** The request field at fault, for validation errors. */
  field?: string | null;
  /** Seconds to wait before retrying, from the problem body or `Retry-After`. */
  retryAfterSeconds?: number | null;
  /** Per-provider outcomes the proxy reported. */
  providers?: ProviderStatus[];
  /** The underlying error, kept as the standard `Error.cause`. */
  cause?: unknown;
}

const RETRYABLE_KINDS: ReadonlySet<ProxyErrorKind> = new Set([
  'unreachable',
  'timeout',
  'too_many_requests',
  'rate_limited',
  'upstream',
]);

const MARKER = Symbol.for('yuantou.ProxyRequestError');

/** The one error type of createClient. `message` is for humans and never contains the token. */
export class ProxyRequestError extends Error {
  /** Always `ProxyRequestError`. */
  override readonly name = 'ProxyRequestError';
  /** Why the call failed (see {@link ProxyErrorKind}). */
  readonly kind: ProxyErrorKind;
  /** The URL called (the token travels in a header, never in the URL). */
  readonly url: string;
  /** HTTP status, or null when no answer arrived (unreachable, timeout, bad input caught before sending). */
  readonly status: number | null;
  /** The request field at fault (`q`, `pageSize`, `imageUrl`…) for validation errors. */
  readonly field: string | null;
  /** Seconds to wait before retrying, when the proxy said (problem body or `Retry-After`); else null. */
  readonly retryAfterSeconds: number | null;
  /** Per-provider outcomes when the proxy reported them (e.g. every provider failed). */
  readonly providers: ProviderStatus[];
  /** Whether sending the same request later may succeed (by kind: a 503 for spent quotas will not). */
  readonly retryable: boolean;
  /** Brand read by {@link ProxyRequestError.isInstance}; a registered symbol, so it works across package copies. */
  readonly [MARKER] = true;

  constructor(init: ProxyRequestErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.url = init.url;
    this.status = init.status ?? null;
    this.field = init.field ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.providers = init.providers ?? [];
    this.retryable = RETRYABLE_KINDS.has(init.kind);
  }

  /** `instanceof` that survives two copies of this package (e.g. the add-in bundle and a test). */
  static isInstance(error: unknown): error is ProxyRequestError {
    return typeof error === 'object' && error !== null && MARKER in error;
  }
}

/** The kind an HTTP status means when the proxy's error body is not a problem document (e.g. a load balancer's page). */
export function proxyKindForStatus(status: number): ProxyErrorKind {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'too_many_requests';
  if (status === 500) return 'internal';
  return kindForHttpStatus(status);
}
