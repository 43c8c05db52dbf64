import type { z } from 'zod';

/** A configuration the proxy refuses to start with; each problem names a field, never a value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }

  /** zod issues → `path: message`; zod 4 messages describe the expectation, not the received value. */
  static fromZod(error: z.ZodError, prefix = ''): ConfigError {
    return new ConfigError(
      error.issues.map((issue) => {
        const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
        return `${path || '(root)'}: ${issue.message}`;
      }),
    );
  }
}
