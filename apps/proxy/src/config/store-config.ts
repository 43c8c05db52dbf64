import { isAbsolute, resolve } from 'node:path';
import { DEFAULTS, type ProxyConfigInput } from './config-schema.js';

// The database of what was paid for (issue 22): off, a team's Postgres (DATABASE_URL), or PGlite in a data folder.

export type StoreConfig =
  | { kind: 'off' }
  | { kind: 'postgres'; databaseUrl: string; snapshotRetentionDays: number }
  | { kind: 'pglite'; dataDir: string; snapshotRetentionDays: number };

/** The store settings resolved: a relative data folder is taken from the working directory. */
export function storeConfig(input: ProxyConfigInput['store'], cwd: string): StoreConfig {
  const settings = { ...DEFAULTS.store, ...input };
  if (!settings.enabled) return { kind: 'off' };
  const { snapshotRetentionDays } = settings;
  if (settings.databaseUrl)
    return { kind: 'postgres', databaseUrl: settings.databaseUrl, snapshotRetentionDays };
  const dataDir = isAbsolute(settings.dataDir) ? settings.dataDir : resolve(cwd, settings.dataDir);
  return { kind: 'pglite', dataDir, snapshotRetentionDays };
}
