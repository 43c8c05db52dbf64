import {
  AS_OF_DESCRIPTION,
  asOfRich,
  asOfSerial,
  DEFAULT_STALE_AFTER_DAYS,
  richWithAsOf,
  STALE_DESCRIPTION,
  type StalePolicy,
  staleCell,
} from '../cells/as-of.js';
import type { OfferColumn, OfferView } from './offer-row.js';

// The closing `as of` and `stale` columns of every offer row (cells/as-of.ts): when the provider gave the offer
// shown, and whether that is older than the stale-after setting. They come after all the others, the picked
// fields, the currency twins and the change columns alike, so no formula's columns move because of them.

/** The closing `as of` and `stale` columns of every offer row (cells/as-of.ts), after all the others. */
export function withAsOfColumns(columns: readonly OfferColumn[], policy: StalePolicy): OfferColumn[] {
  // The title's card says "as of" too (cells/as-of.ts).
  const carded = columns.map((c) => {
    const rich = richWithAsOf(c.rich, (v: OfferView) => v.age, policy);
    return rich ? { ...c, rich } : c;
  });
  return [...carded, ...closingColumns(policy)];
}

function closingColumns(policy: StalePolicy): OfferColumn[] {
  return [
    {
      field: 'asOf',
      header: 'as of',
      description: AS_OF_DESCRIPTION,
      format: 'datetime',
      value: (v) => asOfSerial(v.age?.fetchedAt),
      rich: (v, capabilities) => asOfRich(asOfSerial(v.age?.fetchedAt), capabilities),
    },
    {
      field: 'stale',
      header: 'stale',
      description: STALE_DESCRIPTION,
      format: 'text',
      value: (v) => staleCell(v.age, policy),
    },
  ];
}

/** The closing columns, as =FIELDS describes them (not `fields` names: every row has them). */
export const CLOSING_OFFER_COLUMNS: readonly OfferColumn[] = closingColumns({
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
});
