import { PROVIDER_IDS } from '@yuantou/core';

// Finds pieces of secrets in a text however a server spelled them (issue 23: a provider error quoting our request
// leaked the TMAPI token and the Onebound key when the quote was HTML-escaped, URL-encoded twice or base64, and
// partly when the text was cut before scrubbing). The text is read once, left to right, as a sequence of logical
// characters — each possibly spelled `%XX`, `%25XX`, `&#NN;`, `&#xHH;`, `&amp;`-style, `\uXXXX` or `\"`-style
// JSON escapes at any depth, or raw — and any run of RUN or more logical characters that also occurs in a secret
// (or in the base64 / base64url spelling of one) is replaced in the original text. Linear in the text: one
// lookup of a RUN-character window per position.

/** The shortest piece of a secret that is removed (the issue: "any run of 8+ characters of a secret"). */
export const RUN = 8;

/**
 * Words every answer carries in the clear — the provider ids — are never a secret's piece on their own: a key
 * such as `fake-onebound-key-7d21` must not turn `"provider":"onebound"` into `[redacted]`. Only a run that is
 * nothing but such a word is kept; a longer run around it is still removed.
 */
export const PUBLIC_WORDS: ReadonlySet<string> = new Set(PROVIDER_IDS);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

// One logical character, its spellings tried longest first. `+` and a space are the same character here:
// form encoding spells a space `+`, so neither can tell the two apart.
const TOKEN =
  /%25([0-9a-f]{2})|%([0-9a-f]{2})|&#x([0-9a-f]{1,6});|&#(\d{1,7});|&(amp|lt|gt|quot|apos|nbsp);|\\+u([0-9a-f]{4})|\\+(["\\/bfnrt])/iy;

const canonical = (char: string) => (char === ' ' ? '+' : char);

interface Decoded {
  /** The logical characters, canonical. */
  text: string;
  /** Where each logical character starts in the original text; one more entry: the text's length. */
  starts: Int32Array;
}

function decode(original: string): Decoded {
  const parts: string[] = [];
  const starts = new Int32Array(original.length + 1);
  let length = 0;
  let copiedFrom = 0;
  const copyRaw = (until: number) => {
    if (until <= copiedFrom) return;
    parts.push(original.slice(copiedFrom, until));
    for (let at = copiedFrom; at < until; at++) starts[length++] = at;
  };
  for (let at = 0; at < original.length; at++) {
    const code = original.charCodeAt(at);
    // Only `%`, `&` and `\` start an encoded spelling: everything else is copied as it is.
    if (code !== 0x25 && code !== 0x26 && code !== 0x5c) continue;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(original);
    if (!m) continue;
    copyRaw(at);
    parts.push(tokenChar(m));
    starts[length++] = at;
    at += m[0].length - 1;
    copiedFrom = at + 1;
  }
  copyRaw(original.length);
  starts[length] = original.length;
  // `+` and a space are one character here (see TOKEN).
  return { text: parts.join('').replace(/ /g, '+'), starts: starts.subarray(0, length + 1) };
}

function tokenChar(m: RegExpExecArray): string {
  const [, doubleHex, hex, entityHex, entityDec, named, unicode, jsonEscape] = m;
  const code = doubleHex ?? hex ?? entityHex;
  let char: string;
  if (code !== undefined) char = safeCodePoint(Number.parseInt(code, 16));
  else if (entityDec !== undefined) char = safeCodePoint(Number(entityDec));
  else if (named !== undefined) char = NAMED_ENTITIES[named.toLowerCase()]!;
  else if (unicode !== undefined) char = String.fromCharCode(Number.parseInt(unicode, 16));
  else char = JSON_ESCAPES[jsonEscape!]!;
  // One logical character must stay one UTF-16 unit so positions line up.
  return char.length === 1 ? char : '\uFFFD';
}

const safeCodePoint = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD');

/** The base64 characters that depend on the secret alone, at each of the three byte alignments it may sit at. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

const HEX_RUN = /^[0-9a-f]+$/i;
const ALPHANUMERIC = /[0-9a-z]/i;

/**
 * A run of digits (or hex digits) of a secret inside a longer alphanumeric token of the text — an offer id, a
 * price, an image hash — is data that happens to share 8 characters with the secret (1 in 10^8 per place for
 * digits: often enough across large answers to corrupt them). The secret itself, quoted, stands between
 * separators (`=`, `&`, `"`, `%`, the cut), and its run extends as far as it matches, so it is still removed.
 */
function embeddedHexRun(text: string, at: number, length: number): boolean {
  if (!HEX_RUN.test(text.slice(at, at + length))) return false;
  return ALPHANUMERIC.test(text[at - 1] ?? '') || ALPHANUMERIC.test(text[at + length] ?? '');
}

/**
 * A function that replaces every run of {@link RUN}+ characters of any of `secrets` (whole secrets shorter than
 * that but at least `minLength` long) in any spelling, raw or base64, with `[redacted]`.
 */
export function createSecretRunScrubber(
  secrets: readonly string[],
  minLength: number,
): (text: string) => string {
  const pieces = [...new Set(secrets)]
    .filter((s) => s.length >= minLength)
    .flatMap((s) => [s, ...base64Cores(s)])
    .filter((s) => s.length >= minLength)
    .map((s) => [...s].map(canonical).join(''));
  if (pieces.length === 0) return (text) => text;
  // Window → the places it starts in each piece; short pieces are their own (only) window.
  const windows = new Map<string, { piece: string; at: number }[]>();
  const sizes = new Set<number>();
  for (const piece of pieces) {
    const size = Math.min(RUN, piece.length);
    sizes.add(size);
    for (let at = 0; at + size <= piece.length; at++) {
      const key = piece.slice(at, at + size);
      windows.set(key, [...(windows.get(key) ?? []), { piece, at }]);
    }
  }
  // Three characters at a time (exact in a double: 48 bits) rule out nearly every position before any window
  // is cut out of the text.
  const triple = (t: string, i: number) =>
    (t.charCodeAt(i) * 65_536 + t.charCodeAt(i + 1)) * 65_536 + t.charCodeAt(i + 2);
  const firstTriples = new Set([...windows.keys()].map((k) => triple(k, 0)));

  return (original) => {
    const { text, starts } = decode(original);
    const ranges: [number, number][] = [];
    for (let i = 0; i < text.length; i++) {
      if (!firstTriples.has(triple(text, i))) continue;
      let longest = 0;
      for (const size of sizes) {
        for (const { piece, at } of windows.get(text.slice(i, i + size)) ?? []) {
          let length = size;
          while (
            i + length < text.length &&
            at + length < piece.length &&
            text[i + length] === piece[at + length]
          )
            length++;
          longest = Math.max(longest, length);
        }
      }
      if (longest === 0 || PUBLIC_WORDS.has(text.slice(i, i + longest).toLowerCase())) continue;
      if (embeddedHexRun(text, i, longest)) continue;
      const last = ranges.at(-1);
      // Runs that touch or overlap become one `[redacted]`.
      if (last && starts[i]! <= last[1]) last[1] = Math.max(last[1], starts[i + longest]!);
      else ranges.push([starts[i]!, starts[i + longest]!]);
    }
    if (ranges.length === 0) return original;
    let out = '';
    let copied = 0;
    for (const [start, end] of ranges) {
      out += `${original.slice(copied, start)}[redacted]`;
      copied = end;
    }
    return out + original.slice(copied);
  };
}
