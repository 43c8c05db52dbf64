import { createSecretRunScrubber } from './secret-runs.js';

/**
 * Replaces every configured secret in a text with `[redacted]`, in every spelling a provider may echo it back
 * in: raw; URL-encoded by any encoder (`encodeURIComponent`, RFC 3986 `%21%28%29%7E%2A`, forms and Python's
 * `quote_plus` with `+` for a space, upper- or lower-case hex); JSON-escaped (`\"`, `\\`, `\/`, `\u00XX`).
 * Each character of a secret may appear in any of its spellings, so mixed encoders are caught too.
 *
 * Used on finished log lines and response bodies: a provider's error text may quote our request back (URL,
 * headers, body), and adapters pass that text on as the error message. Only declared secrets are given here
 * (each adapter's `secretFields`), so identifiers such as a numeric `appKey` never alter unrelated data.
 *
 * Then any piece of 8 or more characters of a secret, in those spellings and also URL-encoded twice, as HTML
 * entities, or inside base64 / base64url text (see secret-runs.ts): a quote cut in the middle of a secret, or
 * encoded the way some server happened to, shows none of it either.
 */
export function createSecretScrubber(secrets: readonly string[]): (text: string) => string {
  const runs = createSecretRunScrubber(secrets, MIN_SECRET_LENGTH);
  const patterns = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length)
    .map(secretPattern);
  if (patterns.length === 0) return (text) => text;
  const anySecret = new RegExp(patterns.join('|'), 'g');
  return (text) => runs(text.replace(anySecret, '[redacted]'));
}

/** Too short to be a real credential, and replacing it would mangle ordinary text. */
const MIN_SECRET_LENGTH = 6;

const hexDigit = (digit: string) =>
  /[a-f]/i.test(digit) ? `[${digit.toUpperCase()}${digit.toLowerCase()}]` : digit;
const hex = (value: number, width: number) =>
  [...value.toString(16).padStart(width, '0')].map(hexDigit).join('');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

// JSON escapes, at any depth: a provider may quote a JSON text inside its JSON error (`\\\"` for `"`), so a
// run of backslashes stands for one escape level or several.
const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\\\*"',
  '\\': '\\\\+',
  '/': '\\\\*\\/',
  '\b': '\\\\+b',
  '\f': '\\\\+f',
  '\n': '\\\\+n',
  '\r': '\\\\+r',
  '\t': '\\\\+t',
};

/** Every spelling of one character: raw, `%XX` per UTF-8 byte, `+` for a space, and its JSON escapes. */
function characterSpellings(char: string): string[] {
  const bytes = new TextEncoder().encode(char);
  const spellings = [escapeRegExp(char), [...bytes].map((byte) => `%${hex(byte, 2)}`).join('')];
  if (char === ' ') spellings.push('\\+');
  const escaped = JSON_SHORT_ESCAPES[char];
  if (escaped) spellings.push(escaped);
  // `\uXXXX`, one escape per UTF-16 unit (a character outside the BMP is a surrogate pair).
  const units = Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));
  spellings.push(units.map((unit) => `\\\\+u${hex(unit, 4)}`).join(''));
  return spellings;
}

function secretPattern(secret: string): string {
  return [...secret].map((char) => `(?:${characterSpellings(char).join('|')})`).join('');
}
