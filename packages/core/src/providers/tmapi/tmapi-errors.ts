import type { ProviderError } from '../../models/provider-error.js';
import { asRecord, toText } from '../../normalize/values.js';
import type { ProviderResponse } from '../provider-contract.js';
import { type ErrorTable, errorFromTable, httpStatusError } from '../response-body.js';

/**
 * TMAPI's documented failures (seed 000, "Response Example" tabs). They come as the HTTP status and/or a body
 * `code`; the body's shape is undocumented, so `code`/`msg` are read when present.
 */
export const TMAPI_ERRORS: ErrorTable = {
  '417': {
    kind: 'upstream',
    retryable: true,
    message: 'TMAPI failed to retrieve the data from 1688; try again',
  },
  '422': { kind: 'bad_request', message: 'TMAPI rejected a request parameter' },
  '439': { kind: 'quota', message: 'TMAPI subscription expired or balance insufficient' },
  '499': {
    kind: 'timeout',
    retryable: true,
    message: 'TMAPI timed out; try again (its docs advise a 60 s client timeout)',
  },
  // "Unexpected error, please contact customer service": sending it again is not the documented remedy.
  '500': { kind: 'upstream', retryable: false, message: 'TMAPI reported an unexpected error' },
  '503': {
    kind: 'rate_limited',
    retryable: true,
    message: 'TMAPI concurrency limit exceeded; reduce concurrency',
  },
};

const SUCCESS_CODE = '200';

/** The error an HTTP status means, by TMAPI's table first (439 and 499 are not standard statuses). */
export function tmapiStatusError(response: ProviderResponse, providerMessage?: unknown): ProviderError {
  const status = String(response.status);
  if (TMAPI_ERRORS[status]) return errorFromTable('tmapi', TMAPI_ERRORS, status, response, providerMessage);
  return httpStatusError('tmapi', response, toText(providerMessage) ?? undefined);
}

/** The failure a parsed TMAPI body and status describe, or `null` when both say success. */
export function tmapiErrorFor(response: ProviderResponse, body: unknown): ProviderError | null {
  const envelope = asRecord(body);
  const code = toText(envelope.code);
  const message = envelope.msg ?? envelope.message;
  if (code !== null && code !== SUCCESS_CODE)
    return errorFromTable('tmapi', TMAPI_ERRORS, code, response, message);
  if (response.status < 200 || response.status >= 300) return tmapiStatusError(response, message);
  return null;
}
