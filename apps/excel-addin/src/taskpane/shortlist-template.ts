import type { RateQuote } from '@yuantou/core';
import { asOfColumns } from '../cells/as-of.js';
import { cellAddress, columnLetters } from '../cells/cell-address.js';
import { supplierColumns } from '../cells/result-rows.js';
import { parseSupplierFields } from '../supplier/supplier-functions.js';
import type { Template, TemplateCell } from './templates.js';

// The supplier shortlist (issue 27: "a supplier shortlist (SUPPLIERS + SUPPLIER cards)"): =SUPPLIERS over the
// input cells spills the ranked suppliers from A7 (header row 7), and beside it, on the rows of the top
// suppliers, =SUPPLIER due-diligence cards read each row's member id straight from the spill. Both positions
// come from the column definitions, not from counting by hand:
// - the member id column is where SUPPLIERS always puts it, right after the base columns (cells/optional-columns.ts:
//   "ALWAYS after the base columns … so INDEX(spill,,5) means the same column whatever the options");
// - the notes and the cards sit past the WIDEST spill the options can make (language=, currency= and the as-of
//   columns), so changing B3 never runs the list into them (#SPILL!).

const SPILL_ROW = 7;
/** How many of the top suppliers get a card. */
export const SHORTLIST_CARDS = 3;
/** The =SUPPLIER columns of each card: the company card first, then what decides a shortlist. */
export const SHORTLIST_CARD_FIELDS = 'company,verdict,location,years,perfect30d,repurchase,chat';

const anyQuote: RateQuote = { currency: 'EUR', rate: 7.8, rateDate: null, source: 'config', stale: false };

/** 1-based: the spill's member id column, and the first column the widest SUPPLIERS spill leaves free. */
function spillColumns(): { memberId: number; firstFree: number } {
  const memberId = supplierColumns().findIndex((c) => c.header === 'member id') + 1;
  const widest = supplierColumns({ language: 'en', currency: anyQuote }).length;
  return { memberId, firstFree: widest + 1 };
}

/** The cards' header row: the fields' own headers, then the `as of` and `stale` every =SUPPLIER row ends with. */
function cardHeaders(): string[] {
  const age = () => undefined;
  return [
    ...parseSupplierFields(SHORTLIST_CARD_FIELDS).map((c) => c.header),
    ...asOfColumns(age, { staleAfterDays: 7 }).map((c) => c.header),
  ];
}

/** Supplier shortlist: a keyword, options and a count in cells, the ranked suppliers below, notes and cards beside. */
export function shortlistTemplate(): Template {
  const { memberId, firstFree } = spillColumns();
  const notes = firstFree;
  const cards = firstFree + 1;
  const memberIds = `${columnLetters(memberId)}${SPILL_ROW + 1}:${columnLetters(memberId)}${SPILL_ROW + SHORTLIST_CARDS}`;
  const cardRows = Array.from({ length: SHORTLIST_CARDS }, (_, i): TemplateCell => {
    const row = SPILL_ROW + 1 + i;
    return {
      address: cellAddress(cards, row),
      call: { fn: 'SUPPLIER', args: [{ ref: cellAddress(memberId, row) }, { text: SHORTLIST_CARD_FIELDS }] },
    };
  });
  return {
    id: 'shortlist',
    title: 'Supplier shortlist',
    sheet: 'Supplier shortlist',
    description: `Ranked suppliers for a keyword, a due-diligence card for the top ${SHORTLIST_CARDS}, and your notes beside them.`,
    cells: [
      { address: 'A1', value: 'Supplier shortlist', style: 'title' },
      { address: 'A2', value: 'Keyword', style: 'label' },
      { address: 'B2', value: '玩具厂' },
      { address: 'A3', value: 'Options', style: 'label' },
      { address: 'B3', value: 'factoryOnly' },
      { address: 'A4', value: 'How many', style: 'label' },
      { address: 'B4', value: 10 },
      {
        address: 'A5',
        value: 'Change the keyword, options (e.g. city=汕头; sort=repurchase) or count: the list updates.',
        style: 'hint',
      },
      {
        address: 'A6',
        value: `Beside the list: your notes in column ${columnLetters(notes)}, and from column ${columnLetters(cards)} a due-diligence card (=SUPPLIER) for each of the top ${SHORTLIST_CARDS}, by the member ids in ${memberIds}.`,
        style: 'hint',
      },
      {
        address: `A${SPILL_ROW}`,
        call: { fn: 'SUPPLIERS', args: [{ ref: 'B2' }, { ref: 'B3' }, { ref: 'B4' }] },
      },
      { address: cellAddress(notes, SPILL_ROW), value: 'My notes', style: 'header' },
      {
        address: cellAddress(cards, SPILL_ROW - 1),
        value: `Due diligence of the top ${SHORTLIST_CARDS} (=SUPPLIER of ${memberIds})`,
        style: 'label',
      },
      ...cardHeaders().map(
        (header, i): TemplateCell => ({
          address: cellAddress(cards + i, SPILL_ROW),
          value: header,
          style: 'header',
        }),
      ),
      ...cardRows,
    ],
  };
}
