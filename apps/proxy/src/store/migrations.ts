import { type Kysely, type Migration, Migrator, sql } from 'kysely';

// Migrations run at start through Kysely's Migrator (its own lock and bookkeeping table, the same on PGlite
// and Postgres). Add a migration, never edit one that has shipped: databases out there have run it.

const MIGRATIONS: Record<string, Migration> = {
  '2026-12-05-001-paid-answers-and-offer-snapshots': {
    async up(db) {
      await db.schema
        .createTable('paid_answer')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
        .addColumn('page', 'jsonb', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('offer_snapshot')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('offer_id', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
        .addColumn('price_tiers', 'jsonb', (c) => c.notNull())
        .addColumn('price_min', 'double precision')
        .addColumn('price_max', 'double precision')
        .addColumn('moq', 'integer')
        .addColumn('stock', 'integer')
        .addColumn('skus', 'jsonb', (c) => c.notNull())
        .execute();
      // History reads one offer newest first; retention deletes by age.
      await db.schema
        .createIndex('offer_snapshot_offer_time')
        .on('offer_snapshot')
        .columns(['offer_id', 'fetched_at desc'])
        .execute();
      await db.schema.createIndex('offer_snapshot_time').on('offer_snapshot').column('fetched_at').execute();
    },
    async down(db) {
      await db.schema.dropTable('offer_snapshot').execute();
      await db.schema.dropTable('paid_answer').execute();
    },
  },
  '2026-12-05-002-paid-call-days': {
    async up(db) {
      await db.schema
        .createTable('paid_call_day')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('calls', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('paid_call_day_pk', ['provider', 'day'])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('paid_call_day').execute();
    },
  },
};

/** Brings the schema up to date; throws the first migration error (the store then runs degraded). */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'yuantou_migration',
    migrationLockTableName: 'yuantou_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** Names of the applied migrations, oldest first (tests check both drivers end up alike). */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from yuantou_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}
