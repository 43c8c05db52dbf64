import { type FunctionDoc, fieldDocs, optionDocs } from '../cells/function-docs.js';
import { PRODUCT_COLUMNS } from '../cells/result-rows.js';
import { DEFAULT_SUPPLIER_FIELDS, SUPPLIER_COLUMNS } from './supplier-functions.js';
import { SUPPLIER_OFFERS_OPTION_DOCS } from './supplier-offers.js';

// =SUPPLIER as =FIELDS, the pane's field list and the builder describe it: the `fields` names are
// SUPPLIER_COLUMNS' own keys (the table its fields reader uses), so docs and code cannot drift.

export const SUPPLIER_DOC: FunctionDoc = {
  name: 'SUPPLIER',
  syntax: 'SUPPLIER(idOrLink, [fields])',
  summary:
    "One 1688 supplier's due-diligence row (registration, badges, rates, factory or trader), to fill down.",
  helpAnchor: 'supplier-due-diligence',
  arguments: [
    { name: 'idOrLink', description: 'A member id (b2b-…), a shop link or a login id.' },
    {
      name: 'fields',
      description: `Columns in order, comma-separated (default ${DEFAULT_SUPPLIER_FIELDS}); the columns below.`,
    },
  ],
  columns: fieldDocs(
    Object.entries(SUPPLIER_COLUMNS),
    ([name]) => name,
    ([, column]) => column.description,
  ),
  options: [],
};

/** =SUPPLIEROFFERS: =PRODUCTS' columns (the same table spills them) and its own options. */
export const SUPPLIEROFFERS_DOC: FunctionDoc = {
  name: 'SUPPLIEROFFERS',
  syntax: 'SUPPLIEROFFERS(id, [count], [options])',
  summary:
    "One 1688 supplier's own catalogue, ranked like PRODUCTS, with a header row (a broad catalogue hints at a trader).",
  helpAnchor: 'supplier-due-diligence',
  arguments: [
    { name: 'id', description: 'A member id (b2b-…), a shop link or a login id.' },
    { name: 'count', description: 'How many products to list: 1–100, default 10.' },
    {
      name: 'options',
      description: 'Text such as "currency=EUR; qty=500" or a 2-column range of names and values.',
    },
  ],
  columns: fieldDocs(
    PRODUCT_COLUMNS,
    (c) => c.header,
    (c) => c.description,
  ),
  options: optionDocs(SUPPLIER_OFFERS_OPTION_DOCS),
};

/** The supplier family's functions. */
export const SUPPLIER_DOCS: readonly FunctionDoc[] = [SUPPLIER_DOC, SUPPLIEROFFERS_DOC];
