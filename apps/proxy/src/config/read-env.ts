import { credentialShape, getProvider, PROVIDER_IDS } from '@yuantou/core';
import { BOOLEAN_SETTINGS, GLOBAL_ENV, LIST_SETTINGS, providerEnvName } from './env-names.js';

const LIMIT_FIELDS = ['requestsPerMinute', 'concurrency', 'timeoutMs', 'dailyCalls'] as const;

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function envValue(setting: string, raw: string): unknown {
  if (LIST_SETTINGS.has(setting)) {
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (BOOLEAN_SETTINGS.has(setting)) {
    const text = raw.trim().toLowerCase();
    return text === 'true' || text === '1' || text === 'yes'
      ? true
      : text === 'false' || text === '0' || text === 'no'
        ? false
        : raw;
  }
  return raw;
}

/**
 * The settings present in the environment, shaped like the config file so the two merge field by field.
 * Provider variables follow one rule: `YUANTOU_<PROVIDER>_<FIELD>` with the adapter's credential field in
 * UPPER_SNAKE (apiToken → API_TOKEN); limits use the same rule (YUANTOU_TMAPI_TIMEOUT_MS).
 */
export function readEnv(env: Record<string, string | undefined>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(GLOBAL_ENV)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    setPath(input, setting.split('.'), envValue(setting, raw));
  }
  for (const id of PROVIDER_IDS) {
    const shape = credentialShape(getProvider(id));
    for (const field of Object.keys(shape)) {
      const raw = env[providerEnvName(id, field)];
      if (raw !== undefined && raw.trim() !== '')
        setPath(input, ['providers', id, 'credentials', field], raw.trim());
    }
    for (const field of LIMIT_FIELDS) {
      const raw = env[providerEnvName(id, field)];
      if (raw !== undefined && raw.trim() !== '') setPath(input, ['providers', id, field], raw.trim());
    }
  }
  return input;
}

/** Env wins over the file, key by key; arrays are replaced, not concatenated. */
export function mergeSettings(file: unknown, env: Record<string, unknown>): unknown {
  if (!isPlainObject(file)) return Object.keys(env).length > 0 || file === undefined ? env : file;
  const merged: Record<string, unknown> = { ...file };
  for (const [key, value] of Object.entries(env)) {
    merged[key] =
      isPlainObject(value) && isPlainObject(merged[key]) ? mergeSettings(merged[key], value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
