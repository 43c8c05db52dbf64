import { compareCodeUnits, presentEntries } from './canonical.js';
import { hmacSha1HexUpper } from './hash.js';
import type { Params, SignatureResult } from './types.js';

/** Input of {@link aopSignature}: the 1688 Open Platform request to sign and the app secret. */
export interface AopSignatureInput {
  /** The URL part from `param2` up to `?`, e.g. `param2/1/system/currentTime/1000000`. */
  urlPath: string;
  /** Every parameter sent, system ones (`access_token`, `_aop_timestamp`) included. */
  params: Params;
  /** The app secret: the HMAC key, so it never appears in `stringToSign`. */
  secret: string;
}

/**
 * The 1688 Open Platform `_aop_signature`: each parameter except `_aop_signature` becomes `key + value`
 * (no separator, raw value before URL encoding); those strings — not the keys — are sorted and
 * concatenated, prefixed with `urlPath`, and signed with HMAC-SHA1 keyed by the app secret, upper-case hex.
 *
 * `null`/`undefined` parameters are dropped, as the platform's SDK does not send them.
 * Verified against the platform's published example (see the test vectors).
 *
 * @example
 * aopSignature({ urlPath: 'param2/1/system/currentTime/1000000', params: { b: '2', a: '1' }, secret: 'test123' })
 * // → { signature: '33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88', stringToSign: 'param2/1/system/currentTime/1000000a1b2' }
 */
export function aopSignature({ urlPath, params, secret }: AopSignatureInput): SignatureResult {
  const pieces = presentEntries(params, ['_aop_signature']).map(([key, value]) => key + value);
  const stringToSign = urlPath + pieces.sort(compareCodeUnits).join('');
  return { signature: hmacSha1HexUpper(secret, stringToSign), stringToSign };
}
