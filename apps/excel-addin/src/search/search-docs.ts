import { type FieldDoc, type FunctionDoc, fieldDocs, optionDocs } from '../cells/function-docs.js';
import { productColumns, supplierColumns } from '../cells/result-rows.js';
import { SEARCH_OPTION_DOCS } from './search-options.js';

// =SUPPLIERS, =PRODUCTS and =PRODUCTSBYIMAGE as =FIELDS, the pane's field list and the builder describe them:
// made from the column tables the functions spill (result-rows.ts) and the option table their reader uses
// (search-options.ts), so a column or option added there appears here without a line of code. The columns
// listed are those every spill has (base + member id, then the closing `as of` and `stale`, cells/as-of.ts);
// quantity= and currency= append more before those (optional-columns.ts).

const OPTIONS = optionDocs(SEARCH_OPTION_DOCS);
const byHeader = (columns: readonly { header: string; description: string }[]) =>
  fieldDocs(
    columns,
    (c) => c.header,
    (c) => c.description,
  );

const count: FieldDoc = { name: 'count', description: 'How many to list: 1–100, default 10.' };
const options: FieldDoc = {
  name: 'options',
  description:
    'Text such as "factoryOnly; city=汕头" or a 2-column range of names and values (see the options below).',
};

export const SUPPLIERS_DOC: FunctionDoc = {
  name: 'SUPPLIERS',
  syntax: 'SUPPLIERS(keyword, [options], [count])',
  summary: 'Ranked 1688 suppliers (factories) for a keyword, best first, with a header row.',
  helpAnchor: 'custom-functions',
  arguments: [
    { name: 'keyword', description: 'What to search for, e.g. 玩具厂 (English is translated).' },
    options,
    count,
  ],
  columns: byHeader(supplierColumns()),
  options: OPTIONS,
};

export const PRODUCTS_DOC: FunctionDoc = {
  name: 'PRODUCTS',
  syntax: 'PRODUCTS(keyword, [options], [count])',
  summary: 'Ranked 1688 products for a keyword, best first, with a header row.',
  helpAnchor: 'custom-functions',
  arguments: [
    { name: 'keyword', description: 'What to search for, e.g. 毛绒玩具 (English is translated).' },
    options,
    count,
  ],
  columns: byHeader(productColumns()),
  options: OPTIONS,
};

export const PRODUCTSBYIMAGE_DOC: FunctionDoc = {
  name: 'PRODUCTSBYIMAGE',
  syntax: 'PRODUCTSBYIMAGE(imageUrl, [options], [count])',
  summary: '1688 products that look like the photo at a link, best first, with a header row.',
  helpAnchor: 'custom-functions',
  arguments: [{ name: 'imageUrl', description: 'An http(s) link to a product photo.' }, options, count],
  columns: byHeader(productColumns()),
  options: OPTIONS,
};

/** The search family's functions, in the order the pane lists them. */
export const SEARCH_DOCS: readonly FunctionDoc[] = [SUPPLIERS_DOC, PRODUCTS_DOC, PRODUCTSBYIMAGE_DOC];
