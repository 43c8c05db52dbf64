import type { LandedCostResponse, LandedLine, LandedLineKind } from '@yuantou/core';
import type { Column } from '../cells/rows.js';

// The row =LANDED(…, "detail") spills, in this order (tested): the totals first, then one column per line of the
// calculation, the weights it charged, where each figure came from and the rates used. Amounts are numbers in
// the answer's currency (the `currency` column); a line the proxy left out (no weight, no China estimate) is a
// blank cell, never 0, and the warnings column says why.

/** One answer and the rate card's currency (the international line's own currency, for the rates column). */
export interface LandedView {
  answer: LandedCostResponse;
  freightCurrency: string;
}

/** How each line is named in the sources and rates columns. */
export const LINE_NAMES: Readonly<Record<LandedLineKind, string>> = {
  goods: 'goods',
  china_freight: 'China freight',
  international_freight: 'international freight',
  agent_fee: 'agent fee',
  duty: 'duty',
  vat: 'VAT',
};

const line = (view: LandedView, kind: LandedLineKind): LandedLine | undefined =>
  view.answer.lines.find((l) => l.kind === kind);

const lineColumn = (kind: LandedLineKind, description: string): Column<LandedView> => ({
  header: LINE_NAMES[kind],
  description,
  format: 'amount',
  value: (view) => line(view, kind)?.amount ?? null,
});

/** `1 EUR = 7.8312 CNY (2026-12-04)` for each currency converted from; blank when nothing was converted. */
export function ratesText(view: LandedView): string | null {
  const { answer } = view;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const l of answer.lines) {
    if (l.rate === undefined) continue;
    const own = l.kind === 'international_freight' ? view.freightCurrency : 'CNY';
    if (seen.has(own)) continue;
    seen.add(own);
    parts.push(`1 ${answer.currency} = ${l.rate} ${own}${l.rateDate ? ` (${l.rateDate})` : ''}`);
  }
  return parts.join('; ') || null;
}

/** Every detail column, keyed by its name in =FIELDS("LANDED"), in the order the row has them. */
export const LANDED_COLUMNS: Readonly<Record<string, Column<LandedView>>> = {
  perPiece: {
    header: 'per piece',
    description: 'Landed cost of one piece: total ÷ quantity (the number =LANDED shows without detail).',
    format: 'amount',
    value: (v) => v.answer.perUnit.amount,
  },
  total: {
    header: 'total',
    description: 'Landed cost of the whole quantity: the sum of the lines.',
    format: 'amount',
    value: (v) => v.answer.total.amount,
  },
  currency: {
    header: 'currency',
    description: 'The currency of every amount in the row.',
    format: 'text',
    value: (v) => v.answer.currency,
  },
  quantity: {
    header: 'quantity',
    description: 'Pieces priced.',
    format: 'integer',
    value: (v) => v.answer.quantity,
  },
  goods: lineColumn('goods', 'The goods at the quantity’s price tier (from the offer’s provider).'),
  chinaFreight: lineColumn(
    'china_freight',
    "Seller to your agent's warehouse in China: a provider's estimate or your amount.",
  ),
  internationalFreight: lineColumn(
    'international_freight',
    'China to you, from your rate card (blank when weight and size are unknown).',
  ),
  agentFee: lineColumn('agent_fee', "Your agent's fee (agent % of the goods)."),
  duty: lineColumn('duty', 'Import duty (duty % of the customs value).'),
  vat: lineColumn('vat', 'Import VAT (VAT % of customs value + duty).'),
  chargeableKg: {
    header: 'chargeable kg',
    description: 'The weight the international leg was charged on (blank when charged by volume).',
    format: 'text',
    value: (v) => v.answer.chargeableWeightKg,
  },
  actualKg: {
    header: 'actual kg',
    description: 'Unit weight × quantity (blank when the offer gives no weight).',
    format: 'text',
    value: (v) => v.answer.actualWeightKg,
  },
  cbm: {
    header: 'CBM',
    description: 'Package volume × quantity, in m³ (blank when the offer gives no size).',
    format: 'text',
    value: (v) => v.answer.volumeCbm,
  },
  sources: {
    header: 'sources',
    description: 'Where each line came from: the provider, "rate card" or "you".',
    format: 'text',
    value: (v) => v.answer.lines.map((l) => `${LINE_NAMES[l.kind]}: ${l.source}`).join('; '),
  },
  rates: {
    header: 'exchange rates',
    description: 'The exchange rates used and their dates.',
    format: 'text',
    value: ratesText,
  },
  warnings: {
    header: 'warnings',
    description: 'What was assumed or left out, below the MOQ, a cheaper next tier; one per line.',
    format: 'text',
    value: (v) => v.answer.warnings.join('\n') || null,
  },
};
