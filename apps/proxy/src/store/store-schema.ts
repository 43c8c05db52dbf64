import type { ColumnType, Generated } from 'kysely';

// The tables of the answer store, as Kysely types them. Postgres (embedded PGlite or a team's server) holds
// them; `migrations.ts` creates them. Times are `timestamptz`, JSON is `jsonb`.

/** Every provider answer the proxy paid for: the last one per cache key (the same key as the response cache). */
export interface PaidAnswerTable {
  /** `provider:operation:<sha256 of the mapped params>`, exactly the response cache's key. */
  key: string;
  provider: string;
  operation: string;
  /** When the provider answered. */
  fetched_at: ColumnType<Date, Date, Date>;
  /** What the adapter parsed (a search page or an offer), as JSON text on insert. */
  page: ColumnType<unknown, string, string>;
}

/** One row per paid offer fetch: what history is made of (1688 has no price-history API). */
export interface OfferSnapshotTable {
  id: Generated<string>;
  offer_id: string;
  provider: string;
  fetched_at: ColumnType<Date, Date, never>;
  price_tiers: ColumnType<{ minQuantity: number; price: number }[], string, never>;
  price_min: number | null;
  price_max: number | null;
  moq: number | null;
  stock: number | null;
  skus: ColumnType<{ id: string; price: number | null; stock: number | null }[], string, never>;
}

/** Paid calls per provider and UTC day (issue 23): only ever raised, so a Redis restart cannot lower a budget. */
export interface PaidCallDayTable {
  provider: string;
  /** `2026-12-01` (UTC). */
  day: string;
  calls: number;
}

export interface StoreSchema {
  paid_answer: PaidAnswerTable;
  offer_snapshot: OfferSnapshotTable;
  paid_call_day: PaidCallDayTable;
}
