// @vitest-environment happy-dom
import type { OfferSnapshot } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, chartLabel, chartPoints, priceChart, stepPath } from './price-chart.js';

// Snapshots as GET /v1/offers/:ref/history answers them: newest first, tiers, range, MOQ, stock, SKUs.
const snap = (fetchedAt: string, priceMin: number | null, tiers: [number, number][] = []): OfferSnapshot => ({
  fetchedAt,
  provider: 'demo',
  priceTiers: tiers.map(([minQuantity, price]) => ({ minQuantity, price })),
  priceMin,
  priceMax: priceMin === null ? null : priceMin + 2,
  moq: 2,
  stock: 500,
  skus: [{ id: '4000000000101', price: priceMin, stock: 500 }],
});
const history = [
  snap('2026-12-05T00:00:00.000Z', 11.8, [
    [2, 13.8],
    [100, 11.8],
  ]),
  snap('2026-12-04T00:00:00.000Z', null),
  snap('2026-12-03T00:00:00.000Z', 13, [
    [2, 15],
    [100, 13],
  ]),
  snap('2026-12-01T00:00:00.000Z', 12.5, [
    [2, 14.5],
    [100, 12.5],
  ]),
];

describe('price chart', () => {
  it('plots oldest first, x by time, lowest at the bottom, highest at the top; fetches without a price left out', () => {
    const points = chartPoints(history);
    expect(points.map((p) => [p.fetchedAt.slice(0, 10), p.price])).toEqual([
      ['2026-12-01', 12.5],
      ['2026-12-03', 13],
      ['2026-12-05', 11.8],
    ]);
    // 1 Dec → 5 Dec over 4..236: 3 Dec is half-way.
    expect(points.map((p) => p.x)).toEqual([4, 120, CHART_WIDTH - 4]);
    expect(points[1]!.y).toBe(4); // highest
    expect(points[2]!.y).toBe(CHART_HEIGHT - 4); // lowest
    expect(stepPath(points)).toBe(`M4 ${points[0]!.y} H120 V4 H236 V52`);
  });

  it('at the buyer’s quantity, the tier price; a price that never moved is a flat middle line', () => {
    expect(chartPoints(history, 1).map((p) => p.price)).toEqual([14.5, 15, 13.8]);
    const flatHistory = [snap('2026-12-02T00:00:00.000Z', 9), snap('2026-12-01T00:00:00.000Z', 9)];
    expect(chartPoints(flatHistory).map((p) => p.y)).toEqual([CHART_HEIGHT / 2, CHART_HEIGHT / 2]);
    expect(priceChart(document, flatHistory).querySelector('.chart-range')?.textContent).toBe(
      'lowest price ¥9.00 at every fetch, 1 Dec 2026 00:00 UTC → 2 Dec 2026 00:00 UTC',
    );
    expect(priceChart(document, history).querySelector('.chart-range')?.textContent).toMatch(
      /^lowest price ¥11\.80–¥13\.00, 1 Dec/,
    );
  });

  it('its text alternative: what it plots, fetches, dates, first, last, lowest, highest', () => {
    expect(chartLabel(chartPoints(history))).toBe(
      'Price history (lowest price, CNY), 3 fetches from 1 Dec 2026 00:00 UTC to 5 Dec 2026 00:00 UTC: ' +
        'first ¥12.50, last ¥11.80, lowest ¥11.80 (5 Dec 2026 00:00 UTC), highest ¥13.00 (3 Dec 2026 00:00 UTC).',
    );
    const chart = priceChart(document, history, 100);
    const svg = chart.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/^Price history \(price at 100 pcs, CNY\), 3 fetches/);
    expect(svg.querySelectorAll('circle')).toHaveLength(3);
    // Every value, as a table in a <details>.
    const rows = [...chart.querySelectorAll('details table tr')].map((tr) => tr.textContent);
    expect(rows).toEqual([
      'fetchedprice at 100 pcs (CNY)',
      '1 Dec 2026 00:00 UTC¥12.50',
      '3 Dec 2026 00:00 UTC¥13.00',
      '5 Dec 2026 00:00 UTC¥11.80',
    ]);
  });

  it('fewer than two priced fetches: a sentence, no chart', () => {
    const one = priceChart(document, [
      snap('2026-12-01T00:00:00.000Z', 12.5),
      snap('2026-12-02T00:00:00.000Z', null),
    ]);
    expect(one.querySelector('svg')).toBeNull();
    expect(one.textContent).toBe('Price history: one fetch so far (¥12.50); a chart needs two.');
    expect(priceChart(document, []).textContent).toBe('Price history: no priced fetch kept yet.');
  });
});
