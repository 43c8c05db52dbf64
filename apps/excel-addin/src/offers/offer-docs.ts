import { type FieldDoc, type FunctionDoc, fieldDocs, optionDocs } from '../cells/function-docs.js';
import { CLOSING_OFFER_COLUMNS } from './offer-as-of-columns.js';
import { OFFER_COLUMNS } from './offer-columns.js';
import { DEFAULT_OFFER_FIELDS } from './offer-fields.js';
import { OFFER_OPTION_DOCS } from './offer-options.js';

// =OFFER, =OFFERS and =PRICEAT as =FIELDS, the pane's field list and the builder describe them: the `fields`
// names are OFFER_COLUMNS' own (the table parseFields reads) and the options the table the option reader's
// names come from, so docs and code cannot drift.

/** The `fields` names, then the two columns every row ends with whatever `fields` says (cells/as-of.ts). */
const FIELDS = fieldDocs(
  [...OFFER_COLUMNS, ...CLOSING_OFFER_COLUMNS],
  (c) => c.field,
  (c) => c.description,
);
const OPTIONS = optionDocs(OFFER_OPTION_DOCS);
const fields: FieldDoc = {
  name: 'fields',
  description: `Columns in order, comma-separated (default ${DEFAULT_OFFER_FIELDS}); the columns below. Every row ends with "as of" and "stale", whatever the fields.`,
};
const options: FieldDoc = {
  name: 'options',
  description: 'Text such as "language=en; quantity=500" or a 2-column range (see the options below).',
};

export const OFFER_DOC: FunctionDoc = {
  name: 'OFFER',
  syntax: 'OFFER(link, [fields], [options])',
  summary: 'Details of one 1688 offer in one row, to fill down a column beside the links.',
  helpAnchor: 'offers-by-link',
  arguments: [{ name: 'link', description: 'A 1688 link or offer id.' }, fields, options],
  columns: FIELDS,
  options: OPTIONS,
};

export const OFFERS_DOC: FunctionDoc = {
  name: 'OFFERS',
  syntax: 'OFFERS(links, [fields], [options])',
  summary: 'Details of every 1688 offer in a range of links: a header, then one row per link.',
  helpAnchor: 'offers-by-link',
  arguments: [{ name: 'links', description: 'A range of 1688 links or offer ids.' }, fields, options],
  columns: FIELDS,
  options: OPTIONS,
};

export const PRICEAT_DOC: FunctionDoc = {
  name: 'PRICEAT',
  syntax: 'PRICEAT(link, quantity, [sku], [currency])',
  summary: 'The unit price of a 1688 offer at a quantity, by its price tiers or its variant’s price.',
  helpAnchor: 'offers-by-link',
  arguments: [
    { name: 'link', description: 'A 1688 link or offer id.' },
    { name: 'quantity', description: 'How many pieces you would order.' },
    { name: 'sku', description: 'A variant id, when variants are priced apart.' },
    { name: 'currency', description: 'The price in this ISO currency instead of CNY, e.g. USD.' },
  ],
  columns: [],
  options: [],
};

/** The offers family's functions, in the order the pane lists them. */
export const OFFER_DOCS: readonly FunctionDoc[] = [OFFER_DOC, OFFERS_DOC, PRICEAT_DOC];
