import type {
  ProductResult,
  ProductSearchResponse,
  RankedSupplier,
  RedFlag,
  ScoreFactor,
  SupplierResult,
  SupplierSearchResponse,
} from '@yuantou/core';

import { cardPreview, PREVIEW_CAPABILITIES } from '../data-types/card-preview.js';
import { productCard, supplierCard } from '../data-types/entity-cards.js';
import { el } from '../dom/element.js';
import { convertedText, priceAtQuantityText, searchedAsText } from './buyer-facts.js';

// The results list: each item with its score and, folded under it, the breakdown that explains the rank and
// the card a cell would show (the same JSON the functions return, rendered when opened).
// Built with textContent only: names and titles come from third parties and must never become markup.

/** The buttons a result gets for the supplier it names (supplier-view.ts), or null. */
export type SupplierActions = (supplier: { id: string; name: string | null }) => HTMLElement | null;

export type ResultsResponse =
  | { kind: 'suppliers'; response: SupplierSearchResponse }
  | { kind: 'products'; response: ProductSearchResponse };

function percent(rate: number | null | undefined): string | null {
  return rate === null || rate === undefined ? null : `${Math.round(rate * 100)}%`;
}

/**
 * "Repurchase rate: 0.42 · 21.2 / 25 pts". A null value earned the neutral share (ranked.ts). `note` says how
 * the value was read: the keyword parts matched and the provider position for relevance, "inferred" for a
 * factory guessed from the company name, the reasons for the red-flag line.
 */
export function describeFactor(factor: ScoreFactor): {
  label: string;
  value: string;
  note: string | null;
  points: string;
} {
  const value =
    factor.value === null
      ? 'no data'
      : typeof factor.value === 'boolean'
        ? factor.value
          ? 'yes'
          : 'no'
        : String(factor.value);
  return {
    label: factor.label,
    value,
    note: factor.note ?? null,
    points: `${factor.points.toFixed(1)} / ${factor.weight}`,
  };
}

/** "⚑ 诚信等级 C: … — score capped at 30": each red flag with its reason, above the factor table. */
function redFlags(doc: Document, flags: readonly RedFlag[]): HTMLElement {
  const list = el(doc, 'ul', 'red-flags');
  for (const flag of flags)
    list.append(el(doc, 'li', undefined, `⚑ ${flag.reason} — score capped at ${flag.cap}`));
  return list;
}

function breakdown(doc: Document, factors: readonly ScoreFactor[], flags: readonly RedFlag[]): HTMLElement {
  const details = el(doc, 'details', 'breakdown');
  details.append(el(doc, 'summary', undefined, 'Why it ranks here'));
  if (flags.length > 0) details.append(redFlags(doc, flags));
  const table = el(doc, 'table');
  for (const factor of factors) {
    const { label, value, note, points } = describeFactor(factor);
    const row = el(doc, 'tr');
    const valueCell = el(doc, 'td', undefined, value);
    if (note) valueCell.append(el(doc, 'small', 'note', note));
    if (factor.factor === 'redFlags') row.className = 'red-flag-line';
    row.append(el(doc, 'th', undefined, label), valueCell, el(doc, 'td', 'points', points));
    table.append(row);
  }
  details.append(table);
  return details;
}

function link(doc: Document, url: string | null, text: string): HTMLElement {
  if (!url || !/^https?:\/\//i.test(url)) return el(doc, 'span', 'name', text);
  const a = el(doc, 'a', 'name', text);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function item(
  doc: Document,
  rank: number,
  score: number,
  title: HTMLElement,
  facts: (string | null)[],
  ranked: { breakdown: readonly ScoreFactor[]; flags: readonly RedFlag[] },
  card: () => Excel.EntityCellValue,
  actions: HTMLElement | null = null,
) {
  const li = el(doc, 'li', 'result');
  li.dataset.rank = String(rank);
  const head = el(doc, 'div', 'result-head');
  head.append(el(doc, 'span', 'rank', `#${rank}`), title);
  // Visible without opening the breakdown: a buyer must not miss why a big supplier sits low.
  if (ranked.flags.length > 0) {
    const badge = el(doc, 'span', 'flag-badge', `⚑ ${ranked.flags.length}`);
    badge.title = ranked.flags.map((f) => f.reason).join('\n');
    head.append(badge);
  }
  head.append(el(doc, 'span', 'score', score.toFixed(1)));
  const line = el(doc, 'div', 'facts', facts.filter(Boolean).join(' · '));
  li.append(head, line);
  if (actions) li.append(actions);
  li.append(breakdown(doc, ranked.breakdown, ranked.flags), cardPreview(doc, card));
  return li;
}

function supplierItem(
  doc: Document,
  s: RankedSupplier & Partial<SupplierResult>,
  rank: number,
  actions?: SupplierActions,
) {
  return item(
    doc,
    rank,
    s.score,
    link(doc, s.url, s.name ?? s.nick ?? s.id),
    [
      s.location.city ?? s.location.province,
      s.isFactory ? 'factory' : null,
      s.creditLevel ? `credit ${s.creditLevel}` : null,
      s.factoryLevel,
      s.yearsOnPlatform !== null ? `${s.yearsOnPlatform} yrs` : null,
      s.repurchaseRate !== null ? `repurchase ${percent(s.repurchaseRate)}` : null,
      s.priceMinConverted ? `from ${convertedText(s.priceMinConverted)}` : null,
      `via ${s.sources.join(', ')}`,
    ],
    s,
    () => supplierCard(s, PREVIEW_CAPABILITIES),
    actions?.({ id: s.id, name: s.name ?? s.nick }) ?? null,
  );
}

function productItem(doc: Document, p: ProductResult, rank: number, actions?: SupplierActions) {
  return item(
    doc,
    rank,
    p.score,
    link(doc, p.url, p.titleTranslated ?? p.title),
    [
      p.titleTranslated ? p.title : null,
      p.price !== null ? `¥${p.price.toFixed(2)}` : null,
      convertedText(p.priceConverted),
      p.moq !== null ? `MOQ ${p.moq}` : null,
      priceAtQuantityText(p),
      p.monthSold !== null ? `${p.monthSold} sold/month` : null,
      p.supplier?.name ?? null,
      `via ${p.provider}`,
    ],
    p,
    () => productCard(p, PREVIEW_CAPABILITIES),
    p.supplier ? (actions?.({ id: p.supplier.id, name: p.supplier.name }) ?? null) : null,
  );
}

/** The note above bundled sample answers, in both the results and the links list. */
export function demoLabel(doc: Document): HTMLElement {
  return el(
    doc,
    'p',
    'demo-label',
    'Demo data — the proxy has no provider credentials, these are bundled samples.',
  );
}

/** "12 suppliers found", "1 product found", "No suppliers found": the results heading and the announcement. */
export function resultsCount(results: ResultsResponse): string {
  const n = results.response.items.length;
  const noun = results.kind === 'suppliers' ? 'supplier' : 'product';
  return n === 0 ? `No ${noun}s found.` : `${n} ${noun}${n === 1 ? '' : 's'} found`;
}

/**
 * Replaces the container's content with the ranked list (or a "nothing found" note), under a heading with the
 * count. Returns that count for the pane's live region: a screen reader hears "12 suppliers found", not the list.
 */
export function renderResults(
  container: HTMLElement,
  results: ResultsResponse,
  actions?: SupplierActions,
): string {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const { response } = results;
  const count = resultsCount(results);
  container.append(el(doc, 'h2', 'results-count', count));
  if (response.sampleData) {
    container.append(demoLabel(doc));
  }
  const searched = searchedAsText(response.searchedAs, response.translation);
  if (searched) {
    const untranslated = (response.translation?.untranslated.length ?? 0) > 0;
    container.append(el(doc, 'p', untranslated ? 'searched-as warning' : 'searched-as', searched));
  }
  if (response.currency) {
    const c = response.currency;
    const text =
      'error' in c
        ? `No ${c.currency} prices: ${c.error}`
        : `Prices in ${c.currency} at ${c.rate.toFixed(4)} CNY per ${c.currency} (${c.source}${c.rateDate ? `, ${c.rateDate}` : ''}${c.stale ? ', stale' : ''})`;
    container.append(el(doc, 'p', 'error' in c || c.stale ? 'warning' : 'rate-note', text));
  }
  const failed = response.providers.filter((p) => p.outcome === 'error');
  if (failed.length > 0) {
    container.append(
      el(
        doc,
        'p',
        'warning',
        `Not included: ${failed.map((p) => `${p.provider} (${p.error?.kind ?? 'error'})`).join(', ')}`,
      ),
    );
  }
  if (response.items.length === 0) return count;
  const list = el(doc, 'ol', 'results');
  const items =
    results.kind === 'suppliers'
      ? results.response.items.map((s, i) => supplierItem(doc, s, i + 1, actions))
      : results.response.items.map((p, i) => productItem(doc, p, i + 1, actions));
  list.append(...items);
  container.append(list);
  return count;
}
