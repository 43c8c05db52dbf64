import { type ErrorKind, ProviderError } from '../models/provider-error.js';
import type { ProviderId } from '../models/provider-id.js';
import { asArray, asRecord } from '../normalize/values.js';
import type { ProviderResponse } from './provider-contract.js';

/** What an adapter's table says about one provider error code. */
export interface ErrorRule {
  kind: ErrorKind;
  retryable?: boolean;
  /** A human explanation shown to users; the provider's own text is appended when it has one. */
  message: string;
}

export type ErrorTable = Readonly<Record<string, ErrorRule>>;

/** The kind an HTTP status means when the body says nothing better. */
export function kindForHttpStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402) return 'quota';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'upstream';
}

export function retryAfterMs(response: ProviderResponse): number | null {
  const raw = response.headers?.['retry-after'] ?? response.headers?.['Retry-After'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** Short, single-line, free of anything that looks like markup, for inclusion in error messages. */
export function snippet(text: unknown, max = 160): string {
  if (typeof text !== 'string') return '';
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

/**
 * Parses a provider body as JSON, or throws `invalid_response` (HTML error pages, truncated bodies) — or,
 * when the HTTP status already says what went wrong, the error that status means.
 */
export function parseJsonBody(provider: ProviderId, response: ProviderResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    if (response.status >= 400) throw httpStatusError(provider, response);
    throw new ProviderError({
      provider,
      kind: 'invalid_response',
      status: response.status,
      message: `${provider} answered with a body that is not JSON: "${snippet(response.body, 80)}"`,
    });
  }
}

export function httpStatusError(
  provider: ProviderId,
  response: ProviderResponse,
  detail?: string,
): ProviderError {
  const kind = kindForHttpStatus(response.status);
  return new ProviderError({
    provider,
    kind,
    status: response.status,
    providerCode: String(response.status),
    retryAfterMs: retryAfterMs(response),
    retryable: kind === 'upstream' ? response.status >= 500 : undefined,
    message: `${provider} answered HTTP ${response.status}${detail ? `: ${snippet(detail)}` : ''}`,
  });
}

/**
 * The error an adapter's table assigns to a provider code. Unknown codes take the kind their HTTP status
 * means when it is an error status (a body `code:401` sent with HTTP 401 is `auth`, not a retryable
 * `upstream`), else `upstream`.
 */
export function errorFromTable(
  provider: ProviderId,
  table: ErrorTable,
  code: string | number,
  response: ProviderResponse,
  providerMessage?: unknown,
): ProviderError {
  const rule = table[String(code)];
  const text = snippet(providerMessage);
  const base = rule?.message ?? `${provider} returned error code ${code}`;
  return new ProviderError({
    provider,
    kind: rule?.kind ?? (response.status >= 400 ? kindForHttpStatus(response.status) : 'upstream'),
    retryable: rule?.retryable,
    status: response.status,
    providerCode: String(code),
    retryAfterMs: retryAfterMs(response),
    message: text && text !== base ? `${base} (${text})` : base,
  });
}

/** Wraps a parser so that only `ProviderError` escapes: any other throw becomes `invalid_response`. */
export function guardParse<T>(provider: ProviderId, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (ProviderError.isInstance(error)) throw error;
    throw new ProviderError({
      provider,
      kind: 'invalid_response',
      message: `${provider} answered with data of an unexpected shape`,
      cause: error,
    });
  }
}

/** `invalid_response` for a body without the shape the provider documents: "<provider> answered with <what>". */
export function invalidResponse(
  provider: ProviderId,
  response: ProviderResponse,
  what: string,
): ProviderError {
  return new ProviderError({
    provider,
    kind: 'invalid_response',
    status: response.status,
    message: `${provider} answered with ${what}`,
  });
}

/**
 * The entries of a page's item list (`where` names it in the error, e.g. `` `data.items` ``): missing or `null` is
 * an empty list, anything but a list is `invalid_response`; entries that are not objects, or that `toItem`
 * rejects, are dropped. `listed` counts every entry, read or not: each took a place on the provider's page.
 */
export function readItemList<T>(
  provider: ProviderId,
  response: ProviderResponse,
  list: unknown,
  where: string,
  toItem: (raw: Record<string, unknown>) => T | null,
): { items: T[]; listed: number } {
  if (list !== undefined && list !== null && !Array.isArray(list))
    throw invalidResponse(provider, response, `${where} that is not a list`);
  const raw = asArray(list);
  const items = raw
    .map((entry) =>
      typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? toItem(asRecord(entry)) : null,
    )
    .filter((item): item is T => item !== null);
  return { items, listed: raw.length };
}
