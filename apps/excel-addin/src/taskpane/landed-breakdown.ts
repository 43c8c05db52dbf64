import type { AddinRuntime } from '../app/addin-runtime.js';
import { isRangeAddress, topLeftOf } from '../cells/cell-address.js';
import { cellErrorFor } from '../cells/cell-error.js';
import { InputError } from '../cells/input-error.js';
import { el } from '../dom/element.js';
import { type LandedView, LINE_NAMES, ratesText } from '../landed/landed-columns.js';
import type { LinkLookup } from '../offers/offer-links.js';
import type { OfferColumn } from '../offers/offer-row.js';

// The Links view's landed cost: per found offer, what a piece costs delivered by the workbook's rate card (a
// range such as Rates!F2:N4, read from the workbook, or the text form), and its breakdown — each line with its
// source. The figures are =LANDED's (runtime.landed.lookup: the same batcher, so a list of links is one
// POST /v1/landed-cost/batch, and the same cache as the cells).

/** One offer's landed cost, or why there is none. */
export type LandedResult = { view: LandedView } | { error: string };

/**
 * The landed cost of every found offer at its priced quantity, keyed by offer id. `rates` is the field's text;
 * a range address is read with `readRange` (Excel only). A rate-card mistake throws (it applies to every
 * offer); a per-offer failure is that offer's `error`.
 */
export async function landedForLinks(
  runtime: AddinRuntime,
  found: readonly LinkLookup[],
  rates: string,
  readRange: ((address: string) => Promise<unknown[][]>) | null,
): Promise<Map<string, LandedResult>> {
  const text = rates.trim();
  let argument: unknown = text;
  let address: string | undefined;
  if (isRangeAddress(text)) {
    if (!readRange) throw new InputError('rates', 'Open this pane in Excel to read a rate card range.');
    argument = await readRange(text);
    address = topLeftOf(text) ? text : undefined;
  }
  const results = new Map<string, LandedResult>();
  await Promise.all(
    found.map(async (f) => {
      if (!f.offer || results.has(f.offer.id)) return;
      const quantity = f.price?.quantity ?? f.offer.moq ?? 1;
      try {
        const { view } = await runtime.landed.lookup(
          f.offer.id,
          quantity,
          argument,
          undefined,
          undefined,
          address,
        );
        results.set(f.offer.id, { view });
      } catch (error) {
        if (error instanceof InputError && error.field === 'rates') throw error;
        results.set(f.offer.id, { error: cellErrorFor(error, runtime.errorContext()).message });
      }
    }),
  );
  return results;
}

const amount = (n: number, currency: string) =>
  `${n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 4 })} ${currency}`;

/** "Landed cost: 3.61 EUR per piece, 1,806.65 EUR for 500" and a Cost breakdown with each line's source. */
export function landedBreakdown(doc: Document, result: LandedResult): HTMLElement {
  const box = el(doc, 'div', 'landed');
  if ('error' in result) {
    box.append(el(doc, 'p', 'error', `Landed cost: ${result.error}`));
    return box;
  }
  const { answer } = result.view;
  const { currency } = answer;
  box.append(
    el(
      doc,
      'p',
      'landed-total',
      `Landed cost: ${amount(answer.perUnit.amount, currency)} per piece, ${amount(answer.total.amount, currency)} for ${answer.quantity} (estimate)`,
    ),
  );
  const details = el(doc, 'details', 'landed-breakdown');
  details.append(el(doc, 'summary', undefined, 'Cost breakdown'));
  const table = el(doc, 'table', 'breakdown');
  const head = el(doc, 'tr');
  head.append(...['line', `amount (${currency})`, 'source'].map((h) => el(doc, 'th', undefined, h)));
  table.append(head);
  for (const line of answer.lines) {
    const tr = el(doc, 'tr');
    tr.append(
      el(doc, 'td', undefined, LINE_NAMES[line.kind]),
      el(doc, 'td', undefined, amount(line.amount, currency).replace(` ${currency}`, '')),
      el(doc, 'td', undefined, line.source),
    );
    table.append(tr);
  }
  details.append(table);
  const rates = ratesText(result.view);
  if (rates) details.append(el(doc, 'p', 'hint', `Exchange rates: ${rates}`));
  if (answer.warnings.length > 0) {
    const list = el(doc, 'ul', 'warnings');
    list.append(...answer.warnings.map((w) => el(doc, 'li', undefined, w)));
    details.append(list);
  }
  box.append(details);
  return box;
}

/**
 * The Links table's landed-cost columns (per piece, total, in the answer's currency; an offer without one says
 * why in the per-piece cell), for "Insert as table" after a lookup with a rate card.
 */
export function landedColumns(landed: ReadonlyMap<string, LandedResult>): OfferColumn[] {
  const first = [...landed.values()].find((r): r is { view: LandedView } => 'view' in r);
  const currency = first?.view.answer.currency ?? '';
  const of = (id: string) => landed.get(id);
  const label = currency ? ` (${currency})` : '';
  return [
    {
      field: 'landedPerPiece',
      header: `landed cost per piece${label}`,
      description: 'Landed cost of one piece by the rate card.',
      format: 'amount',
      value: (v) => {
        const r = of(v.offer.id);
        if (!r) return null;
        return 'view' in r ? r.view.answer.perUnit.amount : `no landed cost: ${r.error}`;
      },
    },
    {
      field: 'landedTotal',
      header: `landed cost total${label}`,
      description: 'Landed cost of the quantity by the rate card.',
      format: 'amount',
      value: (v) => {
        const r = of(v.offer.id);
        return r && 'view' in r ? r.view.answer.total.amount : null;
      },
    },
  ];
}
