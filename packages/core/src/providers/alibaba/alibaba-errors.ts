import type { ErrorKind, ProviderError } from '../../models/provider-error.js';
import type { ProviderResponse } from '../provider-contract.js';
import { type ErrorRule, type ErrorTable, errorFromTable } from '../response-body.js';

// Seed 002's table (101, 110, 200, 400, 429, 500), plus the gateway's own string codes. The gateway answers
// `{error_code, error_message, exception, request_id}` (SDK), the seed shows `error_response{code,msg}`, and
// crossborder APIs wrap business failures as `result{success:false, code, message}`.
export const ALIBABA_ERRORS: ErrorTable = {
  '101': { kind: 'auth', message: '1688 Open Platform rejected the signature: check the app key and secret' },
  '110': { kind: 'auth', message: "this server's IP address is not on the 1688 app's whitelist" },
  '200': { kind: 'bad_request', message: 'the keyword is empty or longer than 60 characters' },
  '400': {
    kind: 'bad_request',
    message: '1688 Open Platform rejected a parameter (page size 1–50, numeric prices)',
  },
  '401': {
    kind: 'auth',
    message: 'the 1688 access token is missing, expired or not authorised for this API',
  },
  '403': { kind: 'auth', message: 'the 1688 app is not allowed to call this API' },
  '429': {
    kind: 'rate_limited',
    message: '1688 Open Platform call limit exceeded (100 calls/min by default)',
  },
  '500': { kind: 'upstream', message: '1688 Open Platform had an internal error' },
  'gw.QpsOverLimit': { kind: 'rate_limited', message: '1688 Open Platform call limit exceeded' },
  // Recorded gateway answers (README): mapped by code, whatever HTTP status came with them.
  'gw.NoUsageLeftError': {
    kind: 'quota',
    message: "the 1688 app's paid call allowance is used up (SLA bill has no usage left)",
  },
  'gw.QosAppFrequencyLimit': { kind: 'rate_limited', message: '1688 Open Platform call frequency limit' },
  'gw.APIACLDecline': { kind: 'auth', message: 'the 1688 app is not authorised for this API' },
  'gw.ParamMissing': { kind: 'bad_request', message: '1688 Open Platform: a required parameter is missing' },
  'gw.SignatureInvalid': { kind: 'auth', message: '1688 Open Platform rejected the signature' },
  'isv.invalid-signature': { kind: 'auth', message: '1688 Open Platform rejected the signature' },
};

// Gateway (`gw.`) and app (`isv.`/`isp.`) codes are open-ended names; those not in the table are classified by
// what they say, so a new `gw.…TokenExpired` is still `auth`. Order matters: the first match wins.
const NAMED_CODE_KINDS: ReadonlyArray<readonly [RegExp, ErrorKind]> = [
  [/qps|overlimit|limited|calllimit|frequen|flowcontrol|ratelimit/i, 'rate_limited'],
  [/quota|balance|arrear|usageleft|nousage/i, 'quota'],
  [/sign|token|auth|appkey|permission|acl|whitelist|ipnot|ipdeny|forbid|denied/i, 'auth'],
  [/timeout/i, 'timeout'],
  [/notfound|not-found|nonexist|not-exist/i, 'not_found'],
  [/param|missing|invalid|illegal|required/i, 'bad_request'],
];

/** The table's rule for `code`, or one inferred from a `gw.`/`isv.`/`isp.` code's name; `undefined` if neither. */
export function alibabaErrorRule(code: string): ErrorRule | undefined {
  const known = ALIBABA_ERRORS[code];
  if (known || !/^(gw|isv|isp)\./i.test(code)) return known;
  const kind = NAMED_CODE_KINDS.find(([pattern]) => pattern.test(code.slice(code.indexOf('.') + 1)))?.[1];
  return kind && { kind, message: `1688 Open Platform returned ${code}` };
}

/** The `ProviderError` for one of the platform's codes; unknown codes are `upstream`. */
export function alibabaError(
  code: string,
  response: ProviderResponse,
  providerMessage?: unknown,
): ProviderError {
  const rule = alibabaErrorRule(code);
  const table = rule && !ALIBABA_ERRORS[code] ? { ...ALIBABA_ERRORS, [code]: rule } : ALIBABA_ERRORS;
  return errorFromTable('alibaba', table, code, response, providerMessage);
}
