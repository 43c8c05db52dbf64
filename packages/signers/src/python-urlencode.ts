/**
 * Python's `urllib.parse.quote_plus` (what `urlencode` applies to keys and values): UTF-8 bytes, `A–Z a–z 0–9
 * _ . - ~` kept, space → `+`, everything else `%XX` in upper case. `encodeURIComponent` also keeps
 * `! ' ( ) *`, so those are escaped afterwards.
 */
export function quotePlus(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    throw new TypeError('cannot URL-encode a string with an unpaired surrogate');
  }
  return encoded
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Python's `urllib.parse.urlencode(pairs)` for a list of string pairs, order kept. */
export function pythonUrlencode(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([key, value]) => `${quotePlus(key)}=${quotePlus(value)}`).join('&');
}
