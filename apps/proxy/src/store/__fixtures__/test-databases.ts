import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { DatabaseTarget } from '../open-database.js';

// Test support: the two databases every store test runs against. PGlite in a fresh folder, and a fresh database
// on the throw-away Postgres `pnpm verify` starts (its URL in TEST_DATABASE_URL). Without that URL the
// Postgres tests fail, never skip: a green run must mean both drivers were tested.

export const TEST_DATABASE_URL_VARIABLE = 'TEST_DATABASE_URL';

export interface TestDatabase {
  driver: 'pglite' | 'postgres';
  /** A new, empty database each call. */
  fresh(): Promise<DatabaseTarget>;
}

let counter = 0;

async function freshPostgres(): Promise<DatabaseTarget> {
  const adminUrl = process.env[TEST_DATABASE_URL_VARIABLE];
  if (!adminUrl) {
    throw new Error(
      `${TEST_DATABASE_URL_VARIABLE} is not set: the store's Postgres tests need a server (pnpm verify starts one; or initdb + pg_ctl and export ${TEST_DATABASE_URL_VARIABLE}=postgres://user@127.0.0.1:port/postgres)`,
    );
  }
  const name = `yuantou_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { kind: 'postgres', databaseUrl: url.toString() };
}

/**
 * Creating a PGlite folder runs initdb in WebAssembly (seconds on a quiet machine, half a minute on a loaded
 * one); each test copies one initialised folder instead.
 */
let template: Promise<string> | undefined;
// Each folder is tens of MB: removed after the test file that made them (modules are loaded per test file).
const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dirname(dir), { recursive: true, force: true });
  template = undefined;
});
function track(dir: string): void {
  created.push(dir);
}

function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'yuantou-store-template-')), 'data');
    track(dir);
    const db = await PGlite.create(dir);
    await db.close();
    return dir;
  })();
  return template;
}

/** A new PGlite data folder, initialised (not migrated: the store runs its migrations). */
export async function freshPgliteDir(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'yuantou-store-')), 'data');
  track(dir);
  cpSync(await pgliteTemplate(), dir, { recursive: true });
  return dir;
}

export const TEST_DATABASES: TestDatabase[] = [
  {
    driver: 'pglite',
    fresh: async () => ({ kind: 'pglite', dataDir: await freshPgliteDir() }),
  },
  { driver: 'postgres', fresh: freshPostgres },
];
