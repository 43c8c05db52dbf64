import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretScrubber } from './secret-scrubber.js';

// A secret containing `!()~* ` and JSON-special characters, spelled every way a provider may echo it.
const SECRET = 'pa!ss(wo)rd~* "k\\ey"/é';

/** RFC 3986 strict: encodeURIComponent leaves `!'()*~` alone; some servers escape them too. */
const strictEncode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** Python's quote_plus: `+` for a space, `~` kept, `!()*` escaped. */
const quotePlus = (text: string) => strictEncode(text).replace(/%7E/g, '~').replace(/%20/g, '+');
/** JSON with every non-ASCII character as `\uXXXX` (Python's json.dumps default). */
const asciiJson = (text: string) =>
  JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const SPELLINGS: Record<string, string> = {
  raw: SECRET,
  encodeURIComponent: encodeURIComponent(SECRET),
  'RFC 3986 (%21%28%29%7E%2A)': strictEncode(SECRET),
  'lower-case hex': strictEncode(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
  'URLSearchParams (+ for space)': new URLSearchParams({ s: SECRET }).toString().slice(2),
  'Python quote_plus': quotePlus(SECRET),
  'JSON-escaped': JSON.stringify(SECRET).slice(1, -1),
  'JSON \\u escapes': asciiJson(SECRET).slice(1, -1),
  'JSON-escaped twice (JSON text inside JSON)': JSON.stringify(JSON.stringify(SECRET).slice(1, -1)).slice(
    1,
    -1,
  ),
};

describe('createSecretScrubber', () => {
  const scrub = createSecretScrubber([SECRET, 'another-secret-value']);

  it.each(Object.entries(SPELLINGS))('removes the secret spelled %s', (_name, spelling) => {
    const text = `{"msg":"bad request ?key=abc&secret=${spelling}&x=1"}`;
    const scrubbed = scrub(text);
    expect(scrubbed).toBe('{"msg":"bad request ?key=abc&secret=[redacted]&x=1"}');
  });

  it('removes the secret inside any quoted text the body carries, in every encoding at once', () => {
    const body = JSON.stringify({ message: Object.values(SPELLINGS).join(' | ') });
    expect(Object.values(SPELLINGS).every((s) => !scrub(body).includes(s))).toBe(true);
    expect(scrub(body).split('[redacted]')).toHaveLength(Object.keys(SPELLINGS).length + 1);
  });

  it('never alters text that holds no secret (property)', () => {
    // Without `p`, `%` or `\\` no spelling of the first character (`p`, `%70`, `\\u0070`) can occur.
    const noSecret = fc.string({ unit: 'binary', maxLength: 200 }).filter((text) => !/[p%\\]/.test(text));
    fc.assert(
      fc.property(noSecret, (text) => {
        expect(scrub(text)).toBe(text);
      }),
    );
    // A product id that merely contains digits is data, not a secret.
    expect(createSecretScrubber(['secret-1234567'])('{"id":"612345678901"}')).toBe('{"id":"612345678901"}');
  });

  it('ignores values too short to be credentials', () => {
    expect(createSecretScrubber(['12345'])('id 612345678901')).toBe('id 612345678901');
  });
});

describe('createSecretScrubber: pieces of secrets in every encoding (issue 23)', () => {
  // Every character the issue names: ! ( ) ~ * ' + / % & = and spaces.
  const SECRET_23 = "tm!(a)~*'+/%&= tok en-77Qz";
  const scrub = createSecretScrubber([SECRET_23]);
  const html = (t: string) =>
    t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const base64 = (t: string) => Buffer.from(t).toString('base64');
  const base64url = (t: string) => Buffer.from(t).toString('base64url');
  const ENCODINGS: Record<string, (t: string) => string> = {
    raw: (t) => t,
    'JSON-escaped': (t) => JSON.stringify(t).slice(1, -1),
    'URL-encoded': encodeURIComponent,
    'URL-encoded twice': (t) => encodeURIComponent(encodeURIComponent(t)),
    'form-encoded twice': (t) => encodeURIComponent(new URLSearchParams({ t }).toString().slice(2)),
    'HTML entities': html,
    'HTML entities, numeric hex': (t) =>
      t.replace(/[^a-z0-9]/gi, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
    base64,
    base64url,
  };
  /** A request as a server quotes it, with the secret somewhere inside. */
  const request = (prefix: string) => `${prefix}GET /1688/item_detail?item_id=1&apiToken=${SECRET_23}&x=1`;

  it.each(Object.entries(ENCODINGS))('leaves no 8-character piece of the secret %s', (_name, encode) => {
    // Every alignment (base64 groups three bytes) and every cut of the quote, as a server may shorten it.
    for (const prefix of ['', 'a', 'ab']) {
      const quoted = encode(request(prefix));
      for (let cut = 0; cut < quoted.length; cut += 7) {
        const scrubbed = scrub(`{"msg":"${quoted.slice(cut, cut + 120)}"}`);
        expect(leakedPiece(scrubbed, SECRET_23, encode)).toBeUndefined();
      }
    }
  });

  it('keeps text around the secret readable', () => {
    expect(scrub(`token ${encodeURIComponent(encodeURIComponent(SECRET_23))} refused`)).toBe(
      'token [redacted] refused',
    );
    expect(scrub('a 1688 offer 612345678901 and an image O1CN01pEsVS41Bs2uny9oka')).toBe(
      'a 1688 offer 612345678901 and an image O1CN01pEsVS41Bs2uny9oka',
    );
  });
});

/** A piece of 8+ characters of `secret`, as `encode` spells it (or any base64 alignment of it), left in `text`. */
function leakedPiece(text: string, secret: string, encode: (t: string) => string): string | undefined {
  for (let at = 0; at + 8 <= secret.length; at++) {
    const piece = secret.slice(at, at + 8);
    for (const spelled of [piece, encode(piece)]) if (text.includes(spelled)) return piece;
  }
  // base64: decode every base64-looking run at each alignment and look for a piece in what it says.
  for (const run of text.match(/[A-Za-z0-9+/_-]{12,}/g) ?? []) {
    for (let skip = 0; skip < 4; skip++) {
      const decoded = Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString(
        'latin1',
      );
      for (let at = 0; at + 8 <= secret.length; at++)
        if (decoded.includes(secret.slice(at, at + 8))) return secret;
    }
  }
  return undefined;
}

describe('createSecretScrubber: data that shares digits with a numeric secret', () => {
  it('leaves offer ids and prices alone, and still removes the secret quoted between separators', () => {
    const scrub = createSecretScrubber(['k1234567890123456']);
    const page =
      '{"num_iid":"612345678901","price":"13.50","sold":"91234567890123","pic":"a1234567890123b.jpg"}';
    expect(scrub(page)).toBe(page);
    expect(scrub('?key=k1234567890123456&x=1')).toBe('?key=[redacted]&x=1');
    // Cut inside the digits: the piece stands at the start of the quote.
    expect(scrub('"90123456&x=1"')).toBe('"[redacted]&x=1"');
  });
});
