import { ProductSearchResponse } from '@yuantou/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/test-app.js';

const start = useTestApp();

describe('GET /v1/products', () => {
  it('ranks demo products for a keyword, best score first', async () => {
    const current = await start();
    const response = await current.inject(`/v1/products?q=${encodeURIComponent('玩具')}&pageSize=10`);
    expect(response.statusCode).toBe(200);
    const body = ProductSearchResponse.parse(response.json());
    expect(body.sampleData).toBe(true);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThanOrEqual(10);
    const scores = body.items.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(current.calls).toEqual(['demo.searchProducts']);
  });

  it('scores relevance from the keyword', async () => {
    const current = await start();
    const response = await current.inject(`/v1/products?q=${encodeURIComponent('丝绸 连衣裙')}&pageSize=10`);
    const [first] = ProductSearchResponse.parse(response.json()).items;
    expect(first?.breakdown.find((f) => f.factor === 'relevance')?.note).toMatch(/^matched /);
  });

  it('passes the price filter to the provider and orders by price when asked', async () => {
    const current = await start();
    const response = await current.inject('/v1/products?q=toy&priceMin=5&priceMax=20&sort=price_asc');
    expect(response.statusCode).toBe(200);
    const items = ProductSearchResponse.parse(response.json()).items.filter((p) => p.price !== null);
    expect(items.length).toBeGreaterThan(1);
    // A listing matches when its price range overlaps the asked one.
    for (const p of items) {
      expect(p.price!).toBeLessThanOrEqual(20);
      expect(p.priceMax ?? p.price!).toBeGreaterThanOrEqual(5);
    }
    const prices = items.map((p) => p.price!);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });
});

describe('POST /v1/products/by-image', () => {
  it('finds demo products for an image URL', async () => {
    const current = await start();
    const response = await current.inject({
      method: 'POST',
      url: '/v1/products/by-image',
      payload: { imageUrl: 'https://cbu01.alicdn.com/img/ibank/toy.jpg', pageSize: 5 },
    });
    expect(response.statusCode).toBe(200);
    const body = ProductSearchResponse.parse(response.json());
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.sampleData).toBe(true);
    expect(current.calls).toEqual(['demo.searchProductsByImage']);
  });

  it('accepts base64 with a data: header', async () => {
    const current = await start();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c04020' } })
      .png()
      .toBuffer();
    const imageBase64 = `data:image/png;base64,${png.toString('base64')}`;
    const response = await current.inject({
      method: 'POST',
      url: '/v1/products/by-image',
      payload: { imageBase64 },
    });
    expect(response.statusCode).toBe(200);
  });

  it('answers 413 with a problem body for an oversized body', async () => {
    const current = await start();
    const response = await current.inject({
      method: 'POST',
      url: '/v1/products/by-image',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ imageBase64: 'A'.repeat(6 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, field: 'body' });
    expect(current.calls).toEqual([]);
  });
});
