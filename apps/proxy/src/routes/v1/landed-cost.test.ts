import {
  LANDED_ROUTES,
  LandedCostBatchResponse,
  LandedCostResponse,
  ProductSearchResponse,
} from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { type TestApp, useTestApp } from '../../../test/support/test-app.js';

// `POST /v1/landed-cost` against the demo provider (no credentials): the labelled sample China leg, the bundled
// demo rates, and errors that fail one link only.

const start = useTestApp();

async function demoId(current: TestApp): Promise<string> {
  const response = await current.inject(`/v1/products?q=${encodeURIComponent('毛绒玩具')}&pageSize=5`);
  const id = ProductSearchResponse.parse(response.json()).items[0]!.id;
  current.calls.length = 0;
  return id;
}

const freight = { method: 'sea', perCbm: 180, minimum: 60, currency: 'EUR' };

describe('POST /v1/landed-cost (demo)', () => {
  it('answers the demo offer in EUR with the demo China leg, labelled as sample data', async () => {
    const current = await start();
    const id = await demoId(current);
    const response = await current.inject({
      method: 'POST',
      url: LANDED_ROUTES.landedCost,
      payload: {
        ref: `https://detail.1688.com/offer/${id}.html`,
        quantity: 500,
        freight,
        dutyPercent: 4.7,
        vatPercent: 19,
      },
    });
    expect(response.statusCode).toBe(200);
    const body = LandedCostResponse.parse(response.json());
    expect(body.currency).toBe('EUR');
    expect(body.lines.map((l) => [l.kind, l.source])).toEqual(
      expect.arrayContaining([
        ['goods', 'demo'],
        ['china_freight', 'demo'],
        ['duty', 'you'],
        ['vat', 'you'],
      ]),
    );
    expect(body.lines.find((l) => l.kind === 'goods')!.rate).toBeGreaterThan(1);
    expect(body.warnings).toContain('sample data from the demo provider: not a real offer or freight price');
    expect(body.total.amount).toBeCloseTo(
      body.lines.reduce((sum, l) => sum + l.amount, 0),
      6,
    );
    expect(current.calls).toEqual(['demo.getOffer', 'demo.estimateFreight']);
  });

  it('names the variant at fault, and in a batch fails only the bad link', async () => {
    const current = await start();
    const id = await demoId(current);
    const sku = await current.inject({
      method: 'POST',
      url: LANDED_ROUTES.landedCost,
      payload: { ref: id, quantity: 10, sku: 'no-such-variant', chinaFreight: 'none', freight },
    });
    expect(sku.statusCode).toBe(400);
    expect(sku.json()).toMatchObject({ field: 'sku', kind: 'validation' });

    const batch = await current.inject({
      method: 'POST',
      url: LANDED_ROUTES.landedCostBatch,
      payload: { refs: [id, 'https://www.aliexpress.com/item/1005001234567890.html'], quantity: 10, freight },
    });
    expect(batch.statusCode).toBe(200);
    const { results } = LandedCostBatchResponse.parse(batch.json());
    expect(results[0]!.result?.offerId).toBe(id);
    expect(results[1]!.error?.kind).toBe('invalid_ref');
  });

  it('answers 404 for an offer no provider has', async () => {
    const current = await start();
    const response = await current.inject({
      method: 'POST',
      url: LANDED_ROUTES.landedCost,
      payload: { ref: '999999999999', quantity: 10, freight },
    });
    expect(response.statusCode).toBe(404);
    expect(current.calls).toEqual(['demo.getOffer']);
  });
});
