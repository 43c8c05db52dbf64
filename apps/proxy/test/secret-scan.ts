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
