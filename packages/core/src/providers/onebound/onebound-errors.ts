import type { ProviderError } from '../../models/provider-error.js';
import { asRecord, toText } from '../../normalize/values.js';
import type { ProviderResponse } from '../provider-contract.js';
import { type ErrorTable, errorFromTable, httpStatusError } from '../response-body.js';

/**
 * Onebound's codes: the real `error_code` values (providers.md §2) and the seed's HTTP-like `code`s
 * (seed 001 §8). `0000`/`200` mean success and `2000` "no result", which is an empty page, not an error.
 */
export const ONEBOUND_ERRORS: ErrorTable = {
  '4000': { kind: 'upstream', retryable: false, message: 'Onebound internal error' },
  '4001': { kind: 'upstream', retryable: true, message: 'Onebound network error; try again' },
  '4002': { kind: 'upstream', retryable: true, message: 'Onebound could not reach 1688; try again' },
  '4003': { kind: 'bad_request', message: 'Onebound rejected a request parameter' },
  '4004': { kind: 'auth', message: 'Onebound account not found; check the key' },
  '4005': { kind: 'auth', message: 'Onebound rejected the key or secret' },
  '4006': { kind: 'upstream', retryable: false, message: 'Onebound has stopped this API' },
  '4013': { kind: 'quota', message: 'Onebound call quota exceeded' },
  '400': {
    kind: 'bad_request',
    message: 'Onebound rejected a request parameter (empty q or page out of range)',
  },
  '401': { kind: 'auth', message: 'Onebound refused the key (unauthorized)' },
  '429': { kind: 'rate_limited', message: 'Onebound rate limit exceeded; lower the request rate' },
  // Seed 001: "联系平台技术支持" (contact support), unlike 503's "稍后重试" (retry later).
  '500': { kind: 'upstream', retryable: false, message: 'Onebound internal server error' },
  '503': { kind: 'upstream', retryable: true, message: 'Onebound temporarily unavailable; try again later' },
};

export const ONEBOUND_EMPTY_CODE = '2000';

// Recorded: `4005` is sent both for bad credentials and for an exhausted quota, told apart only by `reason`
// ("…已超量…", over quota). Retrying or re-keying would not help an exhausted quota.
const QUOTA_TEXT = /超量|quota|limit/i;
const QUOTA_4005 = { kind: 'quota', message: 'Onebound call quota exhausted' } as const;

/** The table to read `code` with: a `4005` whose text says the quota is used up is `quota`, not `auth`. */
function tableFor(code: string, message: string | null): ErrorTable {
  return code === '4005' && message !== null && QUOTA_TEXT.test(message)
    ? { ...ONEBOUND_ERRORS, '4005': QUOTA_4005 }
    : ONEBOUND_ERRORS;
}
const isSuccessCode = (code: string) => /^0+$/.test(code) || code === '200';

export type OneboundOutcome = 'ok' | 'empty';

function statusError(response: ProviderResponse, providerMessage?: string | null): ProviderError {
  const status = String(response.status);
  if (ONEBOUND_ERRORS[status])
    return errorFromTable('onebound', ONEBOUND_ERRORS, status, response, providerMessage);
  return httpStatusError('onebound', response, providerMessage ?? undefined);
}

/**
 * `ok`, `empty`, or throws the error a parsed body describes. Reads the real envelope's `error_code`/`reason`/
 * `error`, then the seed's `code`/`msg`/`error:{code,message}`, then the HTTP status.
 */
export function checkOneboundBody(response: ProviderResponse, body: unknown): OneboundOutcome {
  const envelope = asRecord(body);
  const nested = asRecord(envelope.error);
  const code = toText(envelope.error_code) ?? toText(envelope.code) ?? toText(nested.code);
  // `reason` carries the human text (授权已过期); `error` is often a bare word (`"key"`), so it comes last.
  // toText drops text with U+FFFD, so GBK-mangled messages fall back to the table's own words.
  const message =
    toText(nested.message) ?? toText(envelope.reason) ?? toText(envelope.msg) ?? toText(envelope.error);
  if (code !== null && !isSuccessCode(code) && code !== ONEBOUND_EMPTY_CODE)
    throw errorFromTable('onebound', tableFor(code, message), code, response, message);
  if (response.status < 200 || response.status >= 300) throw statusError(response, message);
  return code === ONEBOUND_EMPTY_CODE ? 'empty' : 'ok';
}

// Error bodies are sometimes GBK bytes read as UTF-8 (providers.md §2); a mangled byte can swallow a quote
// and break the JSON, but the ASCII code field survives.
const CODE_IN_TEXT = [/"error_code"\s*:\s*"?(\d+)/, /"code"\s*:\s*"?(\d+)/];

/** The error a body that is not JSON describes: its code when one can be read, else its HTTP status. */
export function errorFromUnparsableBody(response: ProviderResponse): ProviderError | null {
  for (const pattern of CODE_IN_TEXT) {
    const code = pattern.exec(response.body)?.[1];
    if (code !== undefined && !isSuccessCode(code) && code !== ONEBOUND_EMPTY_CODE)
      return errorFromTable('onebound', ONEBOUND_ERRORS, code, response);
  }
  return response.status >= 300 ? statusError(response) : null;
}
