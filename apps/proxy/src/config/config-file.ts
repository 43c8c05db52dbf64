import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './config-error.js';

/** `YUANTOU_CONFIG` (or `yuantou.config.json` in the working directory), parsed; undefined when there is none. */
export function readConfigFile(env: Record<string, string | undefined>, cwd: string): unknown {
  const explicit = env.YUANTOU_CONFIG?.trim();
  const path = explicit
    ? isAbsolute(explicit)
      ? explicit
      : resolve(cwd, explicit)
    : resolve(cwd, 'yuantou.config.json');
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError([`YUANTOU_CONFIG: file not found (${path})`]);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // JSON.parse messages quote the text around the error, which may be a credential.
    throw new ConfigError([`${path}: not valid JSON`]);
  }
}
