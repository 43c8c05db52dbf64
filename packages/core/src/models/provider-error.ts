import * as z from 'zod';
import type { ProviderId } from './provider-id.js';

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
export const ErrorKind = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKind>;

export interface ProviderErrorInit {
  provider: ProviderId | 'proxy';
  kind: ErrorKind;
  message: string;
  /** Whether the same request may succeed if sent again later. Defaults by kind. */
  retryable?: boolean;
  status?: number | null;
  /** The provider's own code (`439`, `4013`, `isv.invalid-signature`…), as text. */
  providerCode?: string | null;
  /** From `Retry-After` or the provider's own hint. */
  retryAfterMs?: number | null;
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
  override readonly name = 'ProviderError';
  readonly provider: ProviderId | 'proxy';
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly status: number | null;
  readonly providerCode: string | null;
  readonly retryAfterMs: number | null;
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

export const ProviderErrorJson = z.object({
  provider: z.string(),
  kind: ErrorKind,
  retryable: z.boolean(),
  status: z.number().nullable(),
  providerCode: z.string().nullable(),
  retryAfterMs: z.number().nullable(),
  message: z.string(),
});
export type ProviderErrorJson = z.infer<typeof ProviderErrorJson>;
