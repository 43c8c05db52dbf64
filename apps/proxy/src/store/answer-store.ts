import type { Offer, OfferSnapshot, ProviderId } from '@yuantou/core';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { type DatabaseTarget, openDatabase } from './open-database.js';
import type { StoreSchema } from './store-schema.js';

// The database of what was paid for (issue 22): every provider answer, the last one per cache key, and one
// snapshot per offer fetch. Redis stays the shared hot cache; this is what survives restarts and makes history.
// It never fails a search: any database error (unreachable, disk full, …) is logged once, reported by /readyz,
// and the proxy carries on as it did without a store until the database answers again.

/** A provider answer just paid for. */
export interface PaidAnswer {
  /** The response cache's key: provider + operation + hash of the mapped params. */
  key: string;
  provider: ProviderId;
  operation: string;
  /** What the adapter parsed: a search page, or an Offer for `getOffer`. */
  page: unknown;
  /** Epoch ms when the provider answered. */
  fetchedAt: number;
}

/** The last answer kept for a key. */
export interface ArchivedAnswer {
  page: unknown;
  fetchedAt: number;
  provider: string;
}

export interface StoreHealth {
  /** `degraded` while the database fails: searches are served as without a store. */
  store: 'ok' | 'degraded' | 'off';
  /** What failed, e.g. `write failed: 53100 disk full` (never a connection string). */
  storeDetail?: string;
}

export interface AnswerStore {
  /** Keeps the answer (and a snapshot when it is an offer) before the request is answered; never throws. */
  record(answer: PaidAnswer): Promise<void>;
  /** The last answer kept for a cache key; undefined when none or while the database fails. */
  lastAnswer(key: string): Promise<ArchivedAnswer | undefined>;
  /** An offer's snapshots, newest first; undefined while the database fails (or the store is off). */
  offerHistory(offerId: string, limit: number): Promise<OfferSnapshot[] | undefined>;
  /** Raises the provider's paid calls of `day` to `calls` (never lowers them); never throws. */
  recordPaidCalls(provider: ProviderId, day: string, calls: number): Promise<void>;
  /** Paid calls per provider on `day` as recorded; empty while the database fails. */
  paidCalls(day: string): Promise<Map<string, number>>;
  /** Deletes snapshots and answers older than the retention. */
  prune(): Promise<void>;
  health(): StoreHealth;
  close(): Promise<void>;
}

export interface AnswerStoreOptions {
  target: DatabaseTarget;
  /** Snapshots (and answers not replaced since) older than this many days are deleted. */
  retentionDays: number;
  logger: Logger;
  now?: () => number;
  /** While failing, the database is tried again after this long (ms); meanwhile nothing waits on it. */
  retryAfterMs?: number;
  /** How often retention runs (ms); default 6 h. */
  pruneEveryMs?: number;
  /** Told of every failed database operation (the `yuantou_store_errors_total` counter). */
  onFailure?: () => void;
}

/** The store when YUANTOU_STORE=off: keeps nothing, as the proxy was before it. */
export const storeOff: AnswerStore = {
  record: async () => undefined,
  lastAnswer: async () => undefined,
  offerHistory: async () => undefined,
  recordPaidCalls: async () => undefined,
  paidCalls: async () => new Map(),
  prune: async () => undefined,
  health: () => ({ store: 'off' }),
  close: async () => undefined,
};

/** SQLSTATE and errno codes worth a word in a log line and /readyz. */
const KNOWN_CODES: Record<string, string> = {
  '53100': 'disk full',
  ENOSPC: 'disk full',
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  ETIMEDOUT: 'timed out',
  '57P01': 'server shut down',
  '28P01': 'authentication failed',
  '3D000': 'database does not exist',
};

function describe(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code) return `${code}${KNOWN_CODES[code] ? ` ${KNOWN_CODES[code]}` : ''}`;
  if (typeof e?.message === 'string' && /timeout/i.test(e.message)) return 'timed out';
  return typeof e?.name === 'string' ? e.name : 'unknown error';
}

/** One snapshot row of an offer fetch: tiers, price range, MOQ, stock, each SKU's price and stock. */
function snapshotOf(offer: Offer, provider: string, fetchedAt: number) {
  return {
    offer_id: offer.id,
    provider,
    fetched_at: new Date(fetchedAt),
    price_tiers: JSON.stringify(
      offer.priceTiers.map((t) => ({ minQuantity: t.minQuantity, price: t.price })),
    ),
    price_min: offer.priceMin,
    price_max: offer.priceMax,
    moq: offer.moq,
    stock: offer.stock,
    skus: JSON.stringify(offer.skus.map((s) => ({ id: s.id, price: s.price, stock: s.stock }))),
  };
}

const isOffer = (page: unknown): page is Offer =>
  typeof page === 'object' && page !== null && typeof (page as Offer).id === 'string' && 'skus' in page;

/**
 * Opens the database (running the migrations) and returns the store. Opening failures do not throw: the store
 * starts degraded and tries again on use.
 */
export async function createAnswerStore(options: AnswerStoreOptions): Promise<AnswerStore> {
  const now = options.now ?? Date.now;
  const retryAfterMs = options.retryAfterMs ?? 10_000;
  const logger = options.logger.child({ component: 'answer-store' });
  const where = options.target.kind === 'pglite' ? `PGlite in ${options.target.dataDir}` : 'DATABASE_URL';
  let db: Kysely<StoreSchema> | undefined;
  let opening: Promise<Kysely<StoreSchema>> | undefined;
  let failure: { detail: string; retryAt: number } | undefined;
  let closed = false;

  function fail(what: string, error: unknown) {
    options.onFailure?.();
    const detail = `${what} failed: ${describe(error)}`;
    if (!failure)
      logger.error(
        { where, detail },
        `answer database unavailable (${detail}); serving from caches only, as without a store`,
      );
    failure = { detail, retryAt: now() + retryAfterMs };
  }

  function database(): Promise<Kysely<StoreSchema>> {
    if (db) return Promise.resolve(db);
    opening ??= openDatabase(options.target, (error) => fail('connection', error)).then(
      (opened) => {
        db = opened;
        logger.info({ where }, 'answer database open');
        return opened;
      },
      (error: unknown) => {
        opening = undefined;
        throw error;
      },
    );
    return opening;
  }

  /** Runs `work` unless the database failed moments ago; any error degrades instead of failing the caller. */
  async function use<T>(what: string, work: (db: Kysely<StoreSchema>) => Promise<T>): Promise<T | undefined> {
    if (closed || (failure && now() < failure.retryAt)) return undefined;
    try {
      const result = await work(await database());
      if (failure) {
        logger.info({ where }, 'answer database is back');
        failure = undefined;
      }
      return result;
    } catch (error) {
      fail(what, error);
      return undefined;
    }
  }

  const store: AnswerStore = {
    async record(answer) {
      await use('write', (d) =>
        d.transaction().execute(async (tx) => {
          const page = JSON.stringify(answer.page);
          const fetchedAt = new Date(answer.fetchedAt);
          await tx
            .insertInto('paid_answer')
            .values({
              key: answer.key,
              provider: answer.provider,
              operation: answer.operation,
              fetched_at: fetchedAt,
              page,
            })
            // The last answer per key; an older one finishing late never replaces a newer one.
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet({ fetched_at: fetchedAt, page })
                .where('paid_answer.fetched_at', '<=', fetchedAt),
            )
            .execute();
          if (answer.operation === 'getOffer' && isOffer(answer.page)) {
            await tx
              .insertInto('offer_snapshot')
              .values(snapshotOf(answer.page, answer.provider, answer.fetchedAt))
              .execute();
          }
        }),
      );
    },

    async lastAnswer(key) {
      const row = await use('read', (d) =>
        d
          .selectFrom('paid_answer')
          .select(['page', 'fetched_at', 'provider'])
          .where('key', '=', key)
          .executeTakeFirst(),
      );
      return row
        ? { page: row.page, fetchedAt: row.fetched_at.getTime(), provider: row.provider }
        : undefined;
    },

    async offerHistory(offerId, limit) {
      const rows = await use('read', (d) =>
        d
          .selectFrom('offer_snapshot')
          .selectAll()
          .where('offer_id', '=', offerId)
          .orderBy('fetched_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute(),
      );
      return rows?.map((r) => ({
        fetchedAt: r.fetched_at.toISOString(),
        provider: r.provider as ProviderId,
        priceTiers: r.price_tiers,
        priceMin: r.price_min,
        priceMax: r.price_max,
        moq: r.moq,
        stock: r.stock,
        skus: r.skus,
      }));
    },

    async recordPaidCalls(provider, day, calls) {
      await use('write', (d) =>
        d
          .insertInto('paid_call_day')
          .values({ provider, day, calls })
          .onConflict((oc) =>
            oc
              .columns(['provider', 'day'])
              .doUpdateSet({ calls: sql<number>`greatest(paid_call_day.calls, excluded.calls)` }),
          )
          .execute(),
      );
    },

    async paidCalls(day) {
      const rows = await use('read', (d) =>
        d.selectFrom('paid_call_day').select(['provider', 'calls']).where('day', '=', day).execute(),
      );
      return new Map((rows ?? []).map((r) => [r.provider, r.calls]));
    },

    async prune() {
      const before = new Date(now() - options.retentionDays * 86_400_000);
      await use('retention', async (d) => {
        await d.deleteFrom('offer_snapshot').where('fetched_at', '<', before).execute();
        await d.deleteFrom('paid_answer').where('fetched_at', '<', before).execute();
        await d.deleteFrom('paid_call_day').where('day', '<', before.toISOString().slice(0, 10)).execute();
      });
    },

    health: () => (failure ? { store: 'degraded', storeDetail: failure.detail } : { store: 'ok' }),

    async close() {
      closed = true;
      clearInterval(pruning);
      const open = db ?? (await opening?.catch(() => undefined));
      await open?.destroy().catch(() => undefined);
    },
  };

  // Migrations at start; retention now and every few hours (not keeping the process alive).
  await use('open', async (d) => {
    await sql`select 1`.execute(d);
  });
  await store.prune();
  const pruning = setInterval(() => void store.prune(), options.pruneEveryMs ?? 6 * 3_600_000);
  pruning.unref();
  return store;
}
