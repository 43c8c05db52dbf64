import type { FunctionDoc } from '../cells/function-docs.js';
import { HISTORY_DOCS } from '../history/history-docs.js';
import { LANDED_DOCS } from '../landed/landed-docs.js';
import { OFFER_DOCS } from '../offers/offer-docs.js';
import { SEARCH_DOCS } from '../search/search-docs.js';
import { SUPPLIER_DOCS } from '../supplier/supplier-docs.js';

// Every Excel function the add-in declares, one entry each, from the families' own tables (see
// cells/function-docs.ts). A new family (landed/, supplier/, history/…) exports its entries and adds them
// here; functions.ts declares its Excel functions. A test checks this list against the built functions.json.

export const FIELDS_DOC: FunctionDoc = {
  name: 'FIELDS',
  syntax: 'FIELDS([name])',
  summary: 'The arguments, columns and options a function accepts, each with a short description.',
  helpAnchor: 'fields-what-each-function-accepts',
  arguments: [{ name: 'name', description: 'A function name such as "OFFERS"; blank lists every function.' }],
  columns: [
    { name: 'kind', description: 'argument, column or option (function when listing all).' },
    { name: 'name', description: 'The name to write.' },
    { name: 'description', description: 'What it is.' },
  ],
  options: [],
};

export const FUNCTION_CATALOG: readonly FunctionDoc[] = [
  ...SEARCH_DOCS,
  ...OFFER_DOCS,
  FIELDS_DOC,
  ...SUPPLIER_DOCS,
  ...LANDED_DOCS,
  ...HISTORY_DOCS,
];
