import { parseOfferRef } from '@yuantou/core';
import { type FormulaCall, lookupKey, refersToCells, stringLiteral } from '../excel/formula-calls.js';
import type { FormulaCell } from '../excel/yuantou-cells.js';

// What a refresh may cost, told before anything is paid: how many yuantou formulas, how many distinct lookups
// (the same function with the same arguments counts once, wherever it is written), and the paid calls at most.
//
// Paid calls, per kind of function (the proxy pays per provider answer):
//   searches (SUPPLIERS, PRODUCTS, PRODUCTSBYIMAGE) — the proxy asks every provider it serves unless the
//     formula names one, so each distinct search costs up to one call per paid provider;
//   offers (OFFER, OFFERS, PRICEAT) — one call per distinct offer id, however many formulas and fields
//     show it (the proxy coalesces identical offers); links are read from the cells the formulas refer to;
//   suppliers (SUPPLIER) — one call per distinct supplier id or link;
//   FIELDS — free (it describes the functions, the proxy is not asked);
//   anything else the catalog adds later — one call per lookup, until its own rule is written here.
// A proxy serving only its bundled demo data pays nothing at all.
// A link or id the formula refers to through something the pane cannot read (a name, an expression) counts
// as one call per lookup: the estimate stays an upper bound of what one refresh can cost.

export type CostKind = 'search' | 'offer' | 'supplier' | 'free' | 'other';

const COST_KIND: Readonly<Record<string, CostKind>> = {
  SUPPLIERS: 'search',
  PRODUCTS: 'search',
  PRODUCTSBYIMAGE: 'search',
  OFFER: 'offer',
  OFFERS: 'offer',
  PRICEAT: 'offer',
  SUPPLIER: 'supplier',
  FIELDS: 'free',
};

export const costKind = (name: string): CostKind => COST_KIND[name] ?? 'other';

/** A range a lookup reads its links or ids from: `A7:A56` on `Sheet1`. */
export interface SourceRange {
  sheet: string;
  reference: string;
}

export const sourceKey = (source: SourceRange) =>
  `${source.sheet.toUpperCase()}!${source.reference.toUpperCase()}`;

export interface Lookup {
  key: string;
  call: FormulaCall;
  kind: CostKind;
  /** Where its links or ids are, when they are in cells (offers and suppliers). */
  source: SourceRange | null;
}

/** The distinct lookups of these cells, in the order first written. */
export function lookupsOf(cells: readonly Pick<FormulaCell, 'sheet' | 'calls'>[]): Lookup[] {
  const lookups = new Map<string, Lookup>();
  for (const cell of cells) {
    for (const call of cell.calls) {
      const key = lookupKey(call, cell.sheet);
      if (lookups.has(key)) continue;
      const kind = costKind(call.name);
      const first = call.args[0] ?? '';
      const paidPerId = kind === 'offer' || kind === 'supplier';
      const source = paidPerId && refersToCells(first) ? { sheet: cell.sheet, reference: first } : null;
      lookups.set(key, { key, call, kind, source });
    }
  }
  return [...lookups.values()];
}

/** The cell ranges whose values the estimate needs (read by the Excel side). */
export function sourcesOf(lookups: readonly Lookup[]): SourceRange[] {
  const sources = new Map<string, SourceRange>();
  for (const { source } of lookups) if (source) sources.set(sourceKey(source), source);
  return [...sources.values()];
}

export interface RefreshEstimate {
  formulas: number;
  lookups: number;
  /** The most paid calls this refresh can cost. */
  paidCalls: number;
  searches: number;
  offers: number;
  suppliers: number;
  /** Lookups of other functions, counted one call each. */
  others: number;
}

export interface EstimateInputs {
  cells: readonly Pick<FormulaCell, 'sheet' | 'calls'>[];
  /** Values of each source range by `sourceKey`; missing or null when it could not be read. */
  sourceValues: ReadonlyMap<string, readonly (readonly unknown[])[] | null>;
  /**
   * Paid providers a search goes to (the proxy's providers other than the free demo one): 0 when the proxy
   * serves only demo data (nothing is paid), null when it did not say (each search then counts once).
   */
  paidProviders: number | null;
}

export function estimateRefresh({ cells, sourceValues, paidProviders }: EstimateInputs): RefreshEstimate {
  const lookups = lookupsOf(cells);
  const offers = new Set<string>();
  const suppliers = new Set<string>();
  let searches = 0;
  let others = 0;
  for (const lookup of lookups) {
    if (lookup.kind === 'search') searches += 1;
    else if (lookup.kind === 'other') others += 1;
    else if (lookup.kind !== 'free') {
      const ids = lookup.kind === 'offer' ? offers : suppliers;
      const texts = idTexts(lookup, sourceValues);
      if (texts === null) ids.add(`lookup:${lookup.key}`);
      for (const text of texts ?? []) {
        const id = lookup.kind === 'offer' ? offerId(text) : text.trim().toLowerCase();
        if (id) ids.add(id);
      }
    }
  }
  return {
    formulas: cells.length,
    lookups: lookups.length,
    paidCalls:
      paidProviders === 0 ? 0 : searches * (paidProviders ?? 1) + offers.size + suppliers.size + others,
    searches,
    offers: offers.size,
    suppliers: suppliers.size,
    others,
  };
}

/** The link or id texts a lookup asks for, or null when they cannot be known before running it. */
function idTexts(lookup: Lookup, sourceValues: EstimateInputs['sourceValues']): string[] | null {
  const first = lookup.call.args[0] ?? '';
  if (!lookup.source) {
    const literal = stringLiteral(first);
    return literal === null ? (first === '' ? [] : null) : [literal];
  }
  const values = sourceValues.get(sourceKey(lookup.source));
  if (!values) return null;
  return values
    .flat()
    .map((v) => String(v ?? ''))
    .filter((t) => t.trim() !== '');
}

/** The offer id a link names, or null for text the functions refuse without a call (a Taobao link, a note). */
function offerId(text: string): string | null {
  try {
    return parseOfferRef(text);
  } catch {
    return null;
  }
}
