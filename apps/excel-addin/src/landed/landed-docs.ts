import { type FunctionDoc, fieldDocs, optionDocs } from '../cells/function-docs.js';
import { LANDED_COLUMNS } from './landed-columns.js';
import { LANDED_OPTION_DOCS } from './landed-options.js';
import { RATE_CARD_COLUMNS, RATES_TEXT_EXAMPLE } from './rate-card.js';

// =LANDED as =FIELDS, the pane's field list and the builder describe it: the columns are LANDED_COLUMNS' own keys
// (the detail row's table), the options LANDED_OPTION_DOCS (the option reader's names), and the rates argument
// lists RATE_CARD_COLUMNS (the rate-card reader's names), so docs and code cannot drift.

export const LANDED_DOC: FunctionDoc = {
  name: 'LANDED',
  syntax: 'LANDED(link, quantity, rates, [options])',
  summary:
    "What one piece of a 1688 offer costs delivered, in your currency: goods, China and international freight, agent fee, duty and VAT from your forwarder's rate card.",
  helpAnchor: 'landed-cost',
  arguments: [
    { name: 'link', description: 'A 1688 link or offer id.' },
    { name: 'quantity', description: 'How many pieces you would order (a whole number).' },
    {
      name: 'rates',
      description: `Your rate card: a table with the columns ${Object.keys(RATE_CARD_COLUMNS).join(', ')} (one row per method, the first the default), or text like "${RATES_TEXT_EXAMPLE}".`,
    },
    {
      name: 'options',
      description: 'Text such as "method=sea; detail" or a 2-column range (see the options below).',
    },
  ],
  columns: fieldDocs(
    Object.entries(LANDED_COLUMNS),
    ([name]) => name,
    ([, column]) => column.description,
  ),
  options: optionDocs(LANDED_OPTION_DOCS),
};

/** The landed-cost family's functions. */
export const LANDED_DOCS: readonly FunctionDoc[] = [LANDED_DOC];
