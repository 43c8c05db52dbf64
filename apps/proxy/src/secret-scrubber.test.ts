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
