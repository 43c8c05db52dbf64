import * as z from 'zod';
import type { ProviderId } from './provider-id.js';

/**
 * What went wrong with a provider call: `auth` (bad or missing credentials), `quota` (allowance used up),
 * `rate_limited`, `bad_request`, `not_found`, `upstream` (provider down or 5xx), `timeout`, `invalid_response`.
 */
export const ERROR_KINDS = [
  'auth',
  'quota',
  'rate_limited',
  'bad_request',
  'not_found',
  'upstream',
  'timeout',
  'invalid_response',
] as const;
/** A {@link ProviderError} kind, one of {@link ERROR_KINDS}. */
export const ErrorKind = z.enum(ERROR_KINDS);
/** A {@link ProviderError} kind, one of {@link ERROR_KINDS}. */
export type ErrorKind = z.infer<typeof ErrorKind>;

/** What a {@link ProviderError} is built from; `retryable`, `status`, `providerCode` and `retryAfterMs` are optional. */
export interface ProviderErrorInit {
  /** The provider that failed, or `proxy` for a failure of the proxy itself. */
  provider: ProviderId | 'proxy';
  /** What went wrong. */
  kind: ErrorKind;
  /** For humans; must not contain a secret (build it from the provider's code and text, not the request). */
  message: string;
  /** Whether the same request may succeed if sent again later. Defaults by kind. */
  retryable?: boolean;
  /** The HTTP status of the provider's answer, if there was one. */
  status?: number | null;
  /** The provider's own code (`439`, `4013`, `isv.invalid-signature`…), as text. */
  providerCode?: string | null;
  /** From `Retry-After` or the provider's own hint. */
  retryAfterMs?: number | null;
  /** The underlying error, kept as the standard `Error.cause`. */
  cause?: unknown;
}

const RETRYABLE_BY_DEFAULT: Readonly<Record<ErrorKind, boolean>> = {
  auth: false,
  quota: false,
  rate_limited: true,
  bad_request: false,
  not_found: false,
  upstream: true,
  timeout: true,
  invalid_response: false,
};

const MARKER = Symbol.for('yuantou.ProviderError');

/**
 * The one error type of the provider layer. `message` is for humans and never contains a secret:
 * adapters build it from the provider's code and text, not from the request.
 */
export class ProviderError extends Error {
  /** Always `ProviderError`. */
  override readonly name = 'ProviderError';
  /** The provider that failed, or `proxy`. */
  readonly provider: ProviderId | 'proxy';
  /** What went wrong (see {@link ERROR_KINDS}). */
  readonly kind: ErrorKind;
  /** Whether the same request may succeed if sent again later (given, else the default for `kind`). */
  readonly retryable: boolean;
  /** The HTTP status of the provider's answer; `null` when there was none. */
  readonly status: number | null;
  /** The provider's own error code as text (`439`, `isv.invalid-signature`…); `null` when it gave none. */
  readonly providerCode: string | null;
  /** How long to wait before retrying, in milliseconds; `null` when nobody said. */
  readonly retryAfterMs: number | null;
  /** Brand read by {@link ProviderError.isInstance}; a registered symbol, so it works across package copies. */
  readonly [MARKER] = true;

  constructor(init: ProviderErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.provider = init.provider;
    this.kind = init.kind;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT[init.kind];
    this.status = init.status ?? null;
    this.providerCode = init.providerCode ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** `instanceof` that survives two copies of this package (e.g. the add-in bundle and a test). */
  static isInstance(error: unknown): error is ProviderError {
    return typeof error === 'object' && error !== null && MARKER in error;
  }

  /** The error as plain JSON ({@link ProviderErrorJson}): its fields and message, without `cause` or the stack. */
  toJSON(): ProviderErrorJson {
    return {
      provider: this.provider,
      kind: this.kind,
      retryable: this.retryable,
      status: this.status,
      providerCode: this.providerCode,
      retryAfterMs: this.retryAfterMs,
      message: this.message,
    };
  }
}

/** A {@link ProviderError} as JSON, e.g. in a proxy answer's per-provider outcome. */
export const ProviderErrorJson = z.object({
  provider: z.string(),
  kind: ErrorKind,
  retryable: z.boolean(),
  status: z.number().nullable(),
  providerCode: z.string().nullable(),
  retryAfterMs: z.number().nullable(),
  message: z.string(),
});
/** A {@link ProviderError} as JSON: see the {@link ProviderErrorJson} schema. */
export type ProviderErrorJson = z.infer<typeof ProviderErrorJson>;
