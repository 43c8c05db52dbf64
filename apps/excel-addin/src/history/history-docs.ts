import { type FunctionDoc, fieldDocs } from '../cells/function-docs.js';
import { DEFAULT_HISTORY_FIELDS, FETCHED_AT_COLUMN, HISTORY_COLUMNS } from './history-functions.js';

// =OFFERHISTORY as =FIELDS, the pane's field list and the builder describe it: the `field` names are
// HISTORY_COLUMNS' own keys (the table its reader uses), after the date-time column every row starts with.

export const OFFERHISTORY_DOC: FunctionDoc = {
  name: 'OFFERHISTORY',
  syntax: 'OFFERHISTORY(link, [field], [from], [to])',
  summary:
    "One offer's price and stock at each fetch the proxy kept, oldest first: a date column and value columns, ready for a chart.",
  helpAnchor: 'offer-history',
  arguments: [
    { name: 'link', description: 'A 1688 link or offer id.' },
    {
      name: 'field',
      description: `Value columns in order, comma-separated (default ${DEFAULT_HISTORY_FIELDS}); the columns below.`,
    },
    {
      name: 'from',
      description: 'Only fetches on or after this date (a date cell or text such as 2026-12-01).',
    },
    { name: 'to', description: 'Only fetches on or before this date (a whole day counts to its end).' },
  ],
  columns: [
    { name: 'fetchedAt', description: FETCHED_AT_COLUMN.description },
    ...fieldDocs(
      Object.entries(HISTORY_COLUMNS),
      ([name]) => name,
      ([, column]) => column.description,
    ),
  ],
  options: [],
};

/** The history family's functions. */
export const HISTORY_DOCS: readonly FunctionDoc[] = [OFFERHISTORY_DOC];
