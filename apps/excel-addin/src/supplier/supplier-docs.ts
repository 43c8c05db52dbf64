import { type FunctionDoc, fieldDocs } from '../cells/function-docs.js';
import { DEFAULT_SUPPLIER_FIELDS, SUPPLIER_COLUMNS } from './supplier-functions.js';

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

/** The supplier family's functions. */
export const SUPPLIER_DOCS: readonly FunctionDoc[] = [SUPPLIER_DOC];
