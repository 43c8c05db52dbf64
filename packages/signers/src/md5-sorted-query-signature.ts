import { presentEntries, sortByKey } from './canonical.js';
import { md5HexUpper } from './hash.js';
import { pythonUrlencode } from './python-urlencode.js';
import type { Params, SignatureResult } from './types.js';

/** Input of {@link md5SortedQuerySignature} (Onebound). */
export interface Md5SortedQuerySignatureInput {
  /** Every query parameter sent; `sign` itself is ignored. */
  params: Params;
  /** The API secret: appended to the hashed text, never in `stringToSign`. */
  secret: string;
}

/**
 * Onebound's optional `sign` (seed 001): parameters sorted by key, URL-encoded exactly like Python's
 * `urllib.parse.urlencode` (space → `+`, `*~!'()` differ from `URLSearchParams`), the secret appended,
 * MD5, upper-case hex. The hashed text is `stringToSign + secret`.
 *
 * `sign` itself and `null`/`undefined` parameters are dropped (the seed signs before adding `sign`, and a
 * missing value is never sent).
 *
 * @example
 * md5SortedQuerySignature({ params: { q: '玩具厂', key: 'k' }, secret: 's' })
 * // stringToSign: 'key=k&q=%E7%8E%A9%E5%85%B7%E5%8E%82'
 */
export function md5SortedQuerySignature({ params, secret }: Md5SortedQuerySignatureInput): SignatureResult {
  const stringToSign = pythonUrlencode(sortByKey(presentEntries(params, ['sign'])));
  return { signature: md5HexUpper(stringToSign + secret), stringToSign };
}
