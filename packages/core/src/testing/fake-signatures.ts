import { createHash, createHmac } from 'node:crypto';

// The fakes' own reading of each provider's signature, written from the seeds and providers.md without
// looking at @yuantou/signers, so a signer bug cannot be mirrored by its verifier.

const UNRESERVED = /^[A-Za-z0-9_.\-~]$/;

/** Python's `urllib.parse.quote_plus`, byte by byte over UTF-8. */
export function quotePlusBytes(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && UNRESERVED.test(char)) out += char;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Python's `urllib.parse.urlencode(list_of_pairs)`. */
export function pythonUrlencode(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${quotePlusBytes(k)}=${quotePlusBytes(v)}`).join('&');
}

const md5Upper = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

function sortedPairs(params: Record<string, string>, drop: string[]): Array<[string, string]> {
  return Object.entries(params)
    .filter(([key]) => !drop.includes(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Onebound (seed 001 `generate_sign`): MD5(urlencode(sorted(params)) + secret), upper hex. */
export function oneboundSign(params: Record<string, string>, secret: string): string {
  return md5Upper(pythonUrlencode(sortedPairs(params, ['sign'])) + secret);
}

/**
 * 1688 Open Platform `_aop_signature`: HMAC-SHA1(secret, urlPath + sorted(key+value).join('')), upper hex.
 * `urlPath` runs from `param2` to the end of the path.
 */
export function aopSign(urlPath: string, params: Record<string, string>, secret: string): string {
  const pieces = Object.entries(params)
    .filter(([key]) => key !== '_aop_signature')
    .map(([key, value]) => key + value)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHmac('sha1', secret)
    .update(urlPath + pieces.join(''), 'utf8')
    .digest('hex')
    .toUpperCase();
}

/**
 * DajiSaaS (seed 003 `getSignString`): sorted `k=v&` of every parameter but `sign`, then `secret=<secret>`,
 * MD5 upper. The seed's Java drops only nulls; a query string has none, so empty values are signed.
 */
export function dajisaasSign(params: Record<string, string>, secret: string): string {
  const joined = sortedPairs(params, ['sign'])
    .map(([k, v]) => `${k}=${v}&`)
    .join('');
  return md5Upper(`${joined}secret=${secret}`);
}

/**
 * PandaPon `signature` header — UNVERIFIED reading (seed 004 names the signed headers only):
 * MD5(`access-key=…&nonce-str=…&timestamp=…&secret=<secret>`) upper.
 */
export function pandaponSign(accessKey: string, nonce: string, timestamp: string, secret: string): string {
  return md5Upper(`access-key=${accessKey}&nonce-str=${nonce}&timestamp=${timestamp}&secret=${secret}`);
}
