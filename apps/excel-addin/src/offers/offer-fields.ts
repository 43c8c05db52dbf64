import { InputError } from '../cells/input-error.js';
import { OFFER_COLUMNS } from './offer-columns.js';
import type { OfferColumn } from './offer-row.js';

// The `fields` argument of =OFFER and =OFFERS (and the pane's Links mode): which columns of offer-columns.ts a
// row shows, in the order written ("title,price,moq,stock,supplier"), under their names or the aliases below.

export const DEFAULT_OFFER_FIELDS = 'title,price,tiers,moq,stock,supplier,shipsFrom';

const BY_FIELD = new Map(OFFER_COLUMNS.map((c) => [c.field.toLowerCase(), c]));
const ALIASES: Readonly<Record<string, string>> = {
  url: 'link',
  offerid: 'id',
  titleen: 'translated',
  titletranslated: 'translated',
  minorder: 'moq',
  skus: 'variants',
  weightkg: 'weight',
  location: 'shipsFrom',
  soldcount: 'sold',
  seller: 'supplier',
  imageurl: 'image',
};

/** The default set, with `title (translated)` after the title when a language other than Chinese was asked. */
function defaultFields(language: string | undefined): string {
  return language && language !== 'zh'
    ? DEFAULT_OFFER_FIELDS.replace(/^title,/, 'title,translated,')
    : DEFAULT_OFFER_FIELDS;
}

/** `"title, price,MOQ"` → those columns in that order; blank → the default set for the asked `language`. */
export function parseFields(fields: string | null | undefined, language?: string): OfferColumn[] {
  const text = String(fields ?? '').trim() || defaultFields(language);
  const columns: OfferColumn[] = [];
  for (const written of text.split(/[,，;；\s]+/).filter(Boolean)) {
    const key = written.toLowerCase().replace(/[_-]/g, '');
    const column = BY_FIELD.get(key) ?? BY_FIELD.get((ALIASES[key] ?? '').toLowerCase());
    if (!column) {
      throw new InputError(
        'argument',
        `fields: unknown field "${written}" (use ${OFFER_COLUMNS.map((c) => c.field).join(', ')})`,
      );
    }
    columns.push(column);
  }
  return columns;
}
