import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';
import type { StoreSchema } from './store-schema.js';

/** Where the answers live: the embedded PGlite in a folder, or a team's Postgres. */
export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; databaseUrl: string };

/** Bounds on a team's Postgres, so an unreachable or stuck server costs a search little (then degrades). */
const POSTGRES_POOL = {
  max: 4,
  connectionTimeoutMillis: 2_000,
  statement_timeout: 5_000,
  query_timeout: 6_000,
  idleTimeoutMillis: 30_000,
} as const;

/**
 * Opens the database and runs the migrations. PGlite (Postgres compiled to WebAssembly) keeps its files in
 * `dataDir`, created here; it is single-process: one proxy per data folder (several instances share a team's
 * Postgres through `DATABASE_URL`). Throws when it cannot open or migrate; the caller degrades.
 */
export async function openDatabase(
  target: DatabaseTarget,
  onPoolError: (error: unknown) => void,
): Promise<Kysely<StoreSchema>> {
  let db: Kysely<StoreSchema>;
  if (target.kind === 'pglite') {
    mkdirSync(target.dataDir, { recursive: true });
    const client = await PGlite.create(target.dataDir);
    db = new Kysely<StoreSchema>({ dialect: new PGliteDialect(client) });
  } else {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, ...POSTGRES_POOL });
    // An idle client losing its server emits here; unhandled it would end the process.
    pool.on('error', onPoolError);
    db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  }
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return db;
}
