import type { OfferSnapshot } from '@yuantou/core';
import { snapshotPrice } from '../cells/snapshot-changes.js';
import { el } from '../dom/element.js';
import { historyDate, yuan } from './offer-history-text.js';

// Each offer's price over the snapshots the proxy kept, as a small step chart in the Links view (issue 22: "draws
// each offer's price history as a small chart"). A step, not a slope: a price holds from one fetch until the
// next shows another (nothing is known in between). Inline SVG built with DOM APIs (no chart library for one
// line); its colours are the theme's (theme.css: --link 5.4:1 on white and 7.3:1 on the dark panel, --control-border
// ≥ 3:1 on both: WCAG 1.4.11 for graphics). The text alternative: role="img" with an aria-label that says first,
// last, lowest and highest with their dates, and every value in a <details> table.

const SVG = 'http://www.w3.org/2000/svg';
/** The chart's own units (the viewBox); it scales to the pane's width. */
export const CHART_WIDTH = 240;
export const CHART_HEIGHT = 56;
const PAD = 4;

/** One plotted fetch: where it is drawn, and what it was. */
export interface ChartPoint {
  x: number;
  y: number;
  price: number;
  fetchedAt: string;
}

/** What the chart plots: the price at `quantity` when the buyer gave one, else the lowest price. */
export const chartMeasure = (quantity?: number) =>
  quantity === undefined ? 'lowest price' : `price at ${quantity} pcs`;

/**
 * The points of the chart, oldest first, from the history's newest-first snapshots: x by time (evenly when all
 * fetches share one instant), y from the lowest price at the bottom to the highest at the top (a flat middle line
 * when the price never moved). Fetches without a price are left out.
 */
export function chartPoints(snapshots: readonly OfferSnapshot[], quantity?: number): ChartPoint[] {
  const priced = [...snapshots]
    .map((s) => ({ at: Date.parse(s.fetchedAt), fetchedAt: s.fetchedAt, price: snapshotPrice(s, quantity) }))
    .filter(
      (p): p is { at: number; fetchedAt: string; price: number } => p.price !== null && !Number.isNaN(p.at),
    )
    .sort((a, b) => a.at - b.at);
  if (priced.length === 0) return [];
  const first = priced[0]!.at;
  const span = priced.at(-1)!.at - first;
  const prices = priced.map((p) => p.price);
  const low = Math.min(...prices);
  const range = Math.max(...prices) - low;
  const round = (n: number) => Math.round(n * 10) / 10;
  return priced.map((p, i) => ({
    x: round(
      PAD + (CHART_WIDTH - 2 * PAD) * (span > 0 ? (p.at - first) / span : i / Math.max(1, priced.length - 1)),
    ),
    y: round(
      range > 0
        ? CHART_HEIGHT - PAD - ((p.price - low) / range) * (CHART_HEIGHT - 2 * PAD)
        : CHART_HEIGHT / 2,
    ),
    price: p.price,
    fetchedAt: p.fetchedAt,
  }));
}

/** The step line through the points: across at the old price, then up or down to the new one. */
export function stepPath(points: readonly ChartPoint[]): string {
  return points.map((p, i) => (i === 0 ? `M${p.x} ${p.y}` : `H${p.x} V${p.y}`)).join(' ');
}

/** The chart's aria-label: what it plots, how many fetches over which dates, first, last, lowest and highest. */
export function chartLabel(points: readonly ChartPoint[], quantity?: number): string {
  const first = points[0]!;
  const last = points.at(-1)!;
  const lowest = points.reduce((a, b) => (b.price < a.price ? b : a));
  const highest = points.reduce((a, b) => (b.price > a.price ? b : a));
  return (
    `Price history (${chartMeasure(quantity)}, CNY), ${points.length} fetches from ${historyDate(first.fetchedAt)} ` +
    `to ${historyDate(last.fetchedAt)}: first ${yuan(first.price)}, last ${yuan(last.price)}, ` +
    `lowest ${yuan(lowest.price)} (${historyDate(lowest.fetchedAt)}), ` +
    `highest ${yuan(highest.price)} (${historyDate(highest.fetchedAt)}).`
  );
}

function svg<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * The price chart of one offer with its text alternative, or a sentence when fewer than two fetches had a price
 * (one point is no history).
 */
export function priceChart(
  doc: Document,
  snapshots: readonly OfferSnapshot[],
  quantity?: number,
): HTMLElement {
  const points = chartPoints(snapshots, quantity);
  if (points.length < 2) {
    return el(
      doc,
      'p',
      'hint price-history-none',
      points.length === 1
        ? `Price history: one fetch so far (${yuan(points[0]!.price)}); a chart needs two.`
        : 'Price history: no priced fetch kept yet.',
    );
  }
  const box = el(doc, 'div', 'price-history');
  const chart = svg(doc, 'svg', {
    class: 'price-chart',
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    role: 'img',
    'aria-label': chartLabel(points, quantity),
    focusable: 'false',
  });
  chart.append(
    svg(doc, 'line', {
      class: 'baseline',
      x1: 0,
      x2: CHART_WIDTH,
      y1: CHART_HEIGHT - 0.5,
      y2: CHART_HEIGHT - 0.5,
    }),
    svg(doc, 'path', { class: 'line', d: stepPath(points) }),
    ...points.map((p) => svg(doc, 'circle', { class: 'point', cx: p.x, cy: p.y, r: 2.5 })),
  );
  const prices = points.map((p) => p.price);
  // The range beside the chart in text (muted, 4.5:1 in both themes), for sighted readers.
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const range = el(
    doc,
    'p',
    'hint chart-range',
    `${chartMeasure(quantity)} ${low === high ? `${yuan(low)} at every fetch` : `${yuan(low)}–${yuan(high)}`}, ` +
      `${historyDate(points[0]!.fetchedAt)} → ${historyDate(points.at(-1)!.fetchedAt)}`,
  );
  const details = el(doc, 'details', 'price-values');
  details.append(el(doc, 'summary', undefined, `Price at each fetch (${points.length})`));
  const table = el(doc, 'table', 'price-values');
  const head = el(doc, 'tr');
  head.append(
    el(doc, 'th', undefined, 'fetched'),
    el(doc, 'th', undefined, `${chartMeasure(quantity)} (CNY)`),
  );
  table.append(head);
  for (const p of points) {
    const row = el(doc, 'tr');
    row.append(el(doc, 'td', undefined, historyDate(p.fetchedAt)), el(doc, 'td', undefined, yuan(p.price)));
    table.append(row);
  }
  details.append(table);
  box.append(chart, range, details);
  return box;
}
