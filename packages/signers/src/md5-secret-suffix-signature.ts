import { presentEntries, sortByKey } from './canonical.js';
import { md5HexUpper } from './hash.js';
import type { Params, SignatureResult } from './types.js';

/** Input of {@link md5SecretSuffixSignature} (DajiSaaS). */
export interface Md5SecretSuffixSignatureInput {
  /** Every parameter sent; `sign` itself is ignored. */
  params: Params;
  /** The app secret: appended as `secret=<secret>` to the hashed text, never in `stringToSign`. */
  secret: string;
}

/**
 * DajiSaaS `sign` (seed 003, `getSignString`): drop `sign` and `null`/`undefined` values, sort keys, join
 * `k=v&` with raw values (no URL encoding), append `secret=<secret>`, MD5, upper-case hex.
 * The hashed text is `stringToSign + secret`, so `stringToSign` ends in `secret=`.
 *
 * @example
 * md5SecretSuffixSignature({ params: { keyword: 'T恤', appKey: 'ak' }, secret: 's' })
 * // stringToSign: 'appKey=ak&keyword=T恤&secret='
 */
export function md5SecretSuffixSignature({ params, secret }: Md5SecretSuffixSignatureInput): SignatureResult {
  const joined = sortByKey(presentEntries(params, ['sign']))
    .map(([key, value]) => `${key}=${value}&`)
    .join('');
  const stringToSign = `${joined}secret=`;
  return { signature: md5HexUpper(stringToSign + secret), stringToSign };
}
