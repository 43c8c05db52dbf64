import { Writable } from 'node:stream';

/**
 * Collects every log line and response body a test produces, then checks that no configured secret appears
 * in any of them — raw, JSON-escaped or URL-encoded.
 */
export class SecretScan {
  readonly lines: string[] = [];
  readonly bodies: string[] = [];
  /** Give this to buildApp as `logStream`. */
  readonly stream = new Writable({
    write: (chunk: Buffer | string, _encoding, callback) => {
      this.lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });

  constructor(private readonly secrets: string[]) {
    if (secrets.some((s) => s.length < 8))
      throw new Error('use secrets of 8+ characters so matches are meaningful');
  }

  /** Records a response body (or anything else sent to a client) for the final check. */
  record(body: string): string {
    this.bodies.push(body);
    return body;
  }

  /** Parsed JSON log lines, for assertions on what was logged. */
  logs(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Each place a secret leaked, as `log #3 contains secret #1`; empty when clean. */
  leaks(): string[] {
    const found: string[] = [];
    const sources = [
      ...this.lines.map((text, i) => ({ text, where: `log line #${i}` })),
      ...this.bodies.map((text, i) => ({ text, where: `response body #${i}` })),
    ];
    this.secrets.forEach((secret, index) => {
      const spellings = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
      for (const { text, where } of sources) {
        if (spellings.some((s) => text.includes(s))) found.push(`${where} contains secret #${index}`);
      }
    });
    return found;
  }
}

const PIECE = 8;
const html = (t: string) =>
  t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const PIECE_SPELLINGS: ((t: string) => string)[] = [
  (t) => t,
  (t) => JSON.stringify(t).slice(1, -1),
  encodeURIComponent,
  (t) => encodeURIComponent(encodeURIComponent(t)),
  (t) => new URLSearchParams({ t }).toString().slice(2),
  html,
  (t) => t.replace(/[^A-Za-z0-9 ]/g, (c) => `&#${c.codePointAt(0)};`),
];

/**
 * The first piece of 8+ characters of any secret found in `text` — raw, JSON-escaped, URL-encoded once or
 * twice, form-encoded, as HTML entities, or inside any base64 / base64url run (decoded at every alignment) —
 * as `secret #i piece "…"`; undefined when clean. Issue 23's standard: no encoding, no cut, shows any of it.
 */
export function findSecretPiece(text: string, secrets: readonly string[]): string | undefined {
  const decodedRuns = (text.match(/[A-Za-z0-9+/_-]{11,}/g) ?? []).flatMap((run) =>
    [0, 1, 2, 3].map((skip) =>
      Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'),
    ),
  );
  for (const [index, secret] of secrets.entries()) {
    for (let at = 0; at + PIECE <= secret.length; at++) {
      const piece = secret.slice(at, at + PIECE);
      if (
        PIECE_SPELLINGS.some((spell) => text.includes(spell(piece))) ||
        decodedRuns.some((d) => d.includes(piece))
      )
        return `secret #${index} piece "${piece}"`;
    }
  }
  return undefined;
}
