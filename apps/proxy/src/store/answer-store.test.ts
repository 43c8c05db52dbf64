import type { Offer } from '@yuantou/core';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../../test/support/test-app.js';
import { TEST_DATABASES } from './__fixtures__/test-databases.js';
import { type AnswerStore, createAnswerStore } from './answer-store.js';
import { appliedMigrations } from './migrations.js';
import type { DatabaseTarget } from './open-database.js';
import { openDatabase } from './open-database.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-03T14:05:00Z');

function sampleOffer(id: string, price: number, stock: number | null = 100): Offer {
  return {
    provider: 'tmapi',
    id,
    url: `https://detail.1688.com/offer/${id}.html`,
    title: '毛绒玩具',
    titleTranslated: null,
    images: [],
    priceTiers: [
      { minQuantity: 2, price },
      { minQuantity: 100, price: price - 1, promotionPrice: null },
    ],
    priceMin: price - 1,
    priceMax: price,
    moq: 2,
    unit: '个',
    stock,
    skus: [
      {
        id: 'sku-red',
        attributes: [{ name: '颜色', value: '红色' }],
        price,
        stock,
        imageUrl: null,
        weightKg: null,
      },
    ],
    weightKg: null,
    sizeCm: null,
    shipsFrom: { province: null, city: null },
    mixedBatch: null,
    soldCount: null,
    supplier: null,
    sellerOpenId: null,
  } as unknown as Offer;
}

function capturingLogger() {
  const lines: { level: number; msg: string; detail?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const opened: AnswerStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function open(target: DatabaseTarget, now: () => number = () => T0, retentionDays = 365) {
  const { logger, lines } = capturingLogger();
  const store = await createAnswerStore({ target, retentionDays, logger, now, retryAfterMs: 50 });
  opened.push(store);
  return { store, lines };
}

describe.each(TEST_DATABASES)('answer store on $driver', { timeout: 90_000 }, ({ fresh }) => {
  it('keeps the last answer per key with its fetch time; an older answer never replaces a newer one', async () => {
    const { store } = await open(await fresh());
    const key = 'tmapi:searchProducts:abc';
    await store.record({
      key,
      provider: 'tmapi',
      operation: 'searchProducts',
      page: { n: 1 },
      fetchedAt: T0,
    });
    await store.record({
      key,
      provider: 'tmapi',
      operation: 'searchProducts',
      page: { n: 2 },
      fetchedAt: T0 + 1000,
    });
    await store.record({
      key,
      provider: 'tmapi',
      operation: 'searchProducts',
      page: { n: 0 },
      fetchedAt: T0 - 5,
    });
    expect(await store.lastAnswer(key)).toEqual({ page: { n: 2 }, fetchedAt: T0 + 1000, provider: 'tmapi' });
    expect(await store.lastAnswer('tmapi:searchProducts:other')).toBeUndefined();
    expect(store.health()).toEqual({ store: 'ok' });
  });

  it('keeps one snapshot per offer fetch and gives the history newest first', async () => {
    const { store } = await open(await fresh());
    const fetches = [
      { at: T0, price: 10, stock: 100 },
      { at: T0 + DAY, price: 9, stock: 80 },
      { at: T0 + 2 * DAY, price: 12, stock: null },
    ];
    for (const f of fetches) {
      await store.record({
        key: 'tmapi:getOffer:x',
        provider: 'tmapi',
        operation: 'getOffer',
        page: sampleOffer('628745190321', f.price, f.stock),
        fetchedAt: f.at,
      });
    }
    await store.record({
      key: 'tmapi:getOffer:y',
      provider: 'tmapi',
      operation: 'getOffer',
      page: sampleOffer('628745190322', 5),
      fetchedAt: T0,
    });
    const history = await store.offerHistory('628745190321', 100);
    expect(history?.map((s) => [s.fetchedAt, s.priceMax, s.stock])).toEqual([
      [new Date(T0 + 2 * DAY).toISOString(), 12, null],
      [new Date(T0 + DAY).toISOString(), 9, 80],
      [new Date(T0).toISOString(), 10, 100],
    ]);
    expect(history?.[0]).toEqual({
      fetchedAt: new Date(T0 + 2 * DAY).toISOString(),
      provider: 'tmapi',
      priceTiers: [
        { minQuantity: 2, price: 12 },
        { minQuantity: 100, price: 11 },
      ],
      priceMin: 11,
      priceMax: 12,
      moq: 2,
      stock: null,
      skus: [{ id: 'sku-red', price: 12, stock: null }],
    });
    expect(await store.offerHistory('628745190321', 1)).toHaveLength(1);
    // A search page is an answer, not a snapshot.
    await store.record({
      key: 's',
      provider: 'tmapi',
      operation: 'searchProducts',
      page: { items: [] },
      fetchedAt: T0,
    });
    expect(await store.offerHistory('628745190322', 100)).toHaveLength(1);
  });

  it('keeps everything across a restart; the migrations run once', async () => {
    const target = await fresh();
    const first = await open(target);
    await first.store.record({
      key: 'k',
      provider: 'onebound',
      operation: 'getOffer',
      page: sampleOffer('628745190321', 7),
      fetchedAt: T0,
    });
    await first.store.close();
    const second = await open(target);
    expect((await second.store.lastAnswer('k'))?.fetchedAt).toBe(T0);
    expect(await second.store.offerHistory('628745190321', 10)).toHaveLength(1);
    await second.store.close();
    const db = await openDatabase(target, () => undefined);
    expect(await appliedMigrations(db as never)).toEqual([
      '2026-12-05-001-paid-answers-and-offer-snapshots',
      '2026-12-05-002-paid-call-days',
    ]);
    await db.destroy();
  });

  it("keeps the day's paid calls per provider, never lowering them", async () => {
    const { store } = await open(await fresh());
    await store.recordPaidCalls('tmapi', '2026-12-03', 4);
    await store.recordPaidCalls('tmapi', '2026-12-03', 2);
    await store.recordPaidCalls('onebound', '2026-12-03', 1);
    await store.recordPaidCalls('tmapi', '2026-12-04', 1);
    expect(await store.paidCalls('2026-12-03')).toEqual(
      new Map([
        ['tmapi', 4],
        ['onebound', 1],
      ]),
    );
    await store.recordPaidCalls('tmapi', '2026-12-03', 5);
    expect((await store.paidCalls('2026-12-03')).get('tmapi')).toBe(5);
  });

  it('deletes snapshots and answers older than the retention, keeps the rest', async () => {
    let now = T0;
    const { store } = await open(await fresh(), () => now, 30);
    for (const [i, at] of [T0 - 40 * DAY, T0 - 10 * DAY, T0].entries()) {
      await store.record({
        key: `k${i}`,
        provider: 'tmapi',
        operation: 'getOffer',
        page: sampleOffer('628745190321', 10 + i),
        fetchedAt: at,
      });
    }
    await store.prune();
    expect((await store.offerHistory('628745190321', 10))?.map((s) => s.priceMax)).toEqual([12, 11]);
    expect(await store.lastAnswer('k0')).toBeUndefined();
    expect(await store.lastAnswer('k1')).toBeDefined();
    now = T0 + 25 * DAY;
    await store.prune();
    expect((await store.offerHistory('628745190321', 10))?.map((s) => s.priceMax)).toEqual([12]);
  });
});

describe('answer store with an unreachable database', () => {
  it('never throws: reads miss, writes are dropped, one log line and a readiness detail; it recovers', async () => {
    const port = await closedPort();
    const { store, lines } = await open({
      kind: 'postgres',
      databaseUrl: `postgres://yuantou:secret-pw@127.0.0.1:${port}/yuantou`,
    });
    await expect(
      store.record({ key: 'k', provider: 'tmapi', operation: 'searchProducts', page: {}, fetchedAt: T0 }),
    ).resolves.toBeUndefined();
    expect(await store.lastAnswer('k')).toBeUndefined();
    expect(await store.offerHistory('628745190321', 10)).toBeUndefined();
    expect(store.health()).toEqual({
      store: 'degraded',
      storeDetail: 'open failed: ECONNREFUSED connection refused',
    });
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/answer database unavailable .*serving from caches only/);
    expect(JSON.stringify(lines)).not.toContain('secret-pw');
  });
});
