import { cellAddress } from '../cells/cell-address.js';
import { RATE_CARD_HEADER } from '../landed/rate-card.js';

// Starter sheets ("New workbook from a template"): each is a labelled sheet whose inputs are cells the buyer
// edits and whose tables are the add-in's own functions over those cells, so it recalculates like any sheet.
// A formula cell is kept as its call (function + arguments), and its text is made from that call, so the
// tests can run the very call against the demo proxy. A `formula` cell is plain Excel arithmetic over other
// cells (the quote's total).

/** A cell reference (`B2`, `A2:B3`) or a literal argument. */
export type Argument = { ref: string } | { text: string } | { number: number };

export interface TemplateCell {
  address: string;
  value?: string | number;
  call?: { fn: string; args: Argument[] };
  /** Plain Excel arithmetic over other cells, e.g. `=B7*$B$2` (no add-in function). */
  formula?: string;
  style?: 'title' | 'label' | 'hint' | 'header';
}

export interface Template {
  id: 'shortlist' | 'pricing' | 'landed' | 'reorder';
  title: string;
  /** The sheet's name (made unique in the workbook when written). */
  sheet: string;
  description: string;
  cells: TemplateCell[];
}

const argumentText = (a: Argument) =>
  'ref' in a ? a.ref : 'number' in a ? String(a.number) : `"${a.text.replace(/"/g, '""')}"`;

/** `=YUANTOU.SUPPLIERS(B2,B3,B4)`: a formula cell's text. */
export function callFormula(call: NonNullable<TemplateCell['call']>, namespace = ''): string {
  return `=${namespace ? `${namespace}.` : ''}${call.fn}(${call.args.map(argumentText).join(',')})`;
}

/**
 * Link pricing sheet: 1688 links in column A, each priced at the quantity in B2 and converted to the currency
 * in B3 — A2:B3 is OFFERS' options range (names in A, values in B). `links` are sample links to start from.
 */
export function pricingTemplate(currency: string, links: readonly string[]): Template {
  const linkCells = links.map((link, i): TemplateCell => ({ address: `A${7 + i}`, value: link }));
  return {
    id: 'pricing',
    title: 'Link pricing sheet',
    sheet: 'Link pricing',
    description: 'Paste 1688 links; see price, subtotal and MOQ at your quantity, in your currency.',
    cells: [
      { address: 'A1', value: 'Link pricing sheet', style: 'title' },
      { address: 'A2', value: 'quantity', style: 'label' },
      { address: 'B2', value: 500 },
      { address: 'A3', value: 'currency', style: 'label' },
      { address: 'B3', value: currency },
      {
        address: 'A4',
        value:
          'A2:B3 are the options: change the quantity or currency (blank: CNY only). Paste links in column A.',
        style: 'hint',
      },
      { address: 'A6', value: '1688 link', style: 'header' },
      {
        address: 'B6',
        call: {
          fn: 'OFFERS',
          args: [{ ref: 'A7:A56' }, { text: 'title,price,subtotal,moq,stock,supplier' }, { ref: 'A2:B3' }],
        },
      },
      ...linkCells,
    ],
  };
}

/** What the example rate card's title says: these are not rates anyone quoted. */
export const RATE_CARD_TITLE = "Rate card — EXAMPLE rates: replace with your forwarder's rates";

/**
 * The example rate card at `column`/`row` (its title there, the header below, an air and a sea row): what the
 * pane's New rate card writes at the selection and the landed-cost quote beside its links. Example figures, not
 * anyone's quote — a forwarder's air rate per kg and sea rate per CBM, a minimum charge, the 6000 divisor (the
 * common trade convention core defaults to), an agent's 5 % and the EU's 4.7 % duty on toys with 19 % VAT
 * (Germany) as the percentages to replace. Returns the cells and the address of the table =LANDED reads.
 */
export function rateCardCells(
  currency: string,
  column: number,
  row: number,
): { cells: TemplateCell[]; range: string } {
  const rows: (string | number)[][] = [
    [...RATE_CARD_HEADER],
    ['air', 38, '', 60, 6000, currency, 5, 4.7, 19],
    ['sea', '', 180, 120, '', currency, 5, 4.7, 19],
  ];
  const cells: TemplateCell[] = [
    { address: cellAddress(column, row), value: RATE_CARD_TITLE, style: 'label' },
  ];
  for (const [r, values] of rows.entries()) {
    for (const [c, value] of values.entries()) {
      if (value === '') continue;
      const style = r === 0 ? { style: 'header' as const } : {};
      cells.push({ address: cellAddress(column + c, row + 1 + r), value, ...style });
    }
  }
  const last = cellAddress(column + RATE_CARD_HEADER.length - 1, row + rows.length);
  return { cells, range: `${cellAddress(column, row + 1)}:${last}` };
}

/**
 * Landed-cost quote: 1688 links in column A, the quantity in B2 and the rate card beside them (F2:N4, example
 * rates in `currency`); per link =LANDED per piece (column B) and × quantity as the total (column C), both in
 * the rate card's currency. Formulas use absolute references to the inputs, so filling B:C down adds links.
 */
export function landedQuoteTemplate(currency: string, links: readonly string[]): Template {
  const card = rateCardCells(currency, 6, 1);
  const absolute = card.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  const rows = links.length > 0 ? links : [''];
  const linkRows = rows.flatMap((link, i): TemplateCell[] => {
    const row = 7 + i;
    return [
      ...(link ? [{ address: `A${row}`, value: link }] : []),
      {
        address: `B${row}`,
        call: { fn: 'LANDED', args: [{ ref: `A${row}` }, { ref: '$B$2' }, { ref: absolute }] },
      },
      { address: `C${row}`, formula: `=B${row}*$B$2` },
    ];
  });
  return {
    id: 'landed',
    title: 'Landed-cost quote',
    sheet: 'Landed-cost quote',
    description: `Paste 1688 links; see what a piece costs delivered, and the total, in ${currency}.`,
    cells: [
      { address: 'A1', value: 'Landed-cost quote', style: 'title' },
      { address: 'A2', value: 'quantity', style: 'label' },
      { address: 'B2', value: 500 },
      {
        address: 'A3',
        value: `Paste links in column A from row 7 and fill B:C down. Amounts in ${currency}, from the rate card in ${card.range}.`,
        style: 'hint',
      },
      {
        address: 'A4',
        value:
          "The rate card holds EXAMPLE rates: replace them with your forwarder's. Goods and China freight come from 1688.",
        style: 'hint',
      },
      { address: 'A6', value: '1688 link', style: 'header' },
      { address: 'B6', value: `landed cost per piece (${currency})`, style: 'header' },
      { address: 'C6', value: `landed cost total (${currency})`, style: 'header' },
      ...card.cells,
      ...linkRows,
    ],
  };
}

/**
 * Reorder watch: the offers a buyer reorders, in column A; OFFERS with the change columns (Δ price, Δ stock, since:
 * against the fetch before, from the history the proxy keeps — A2:B2 is its options range) and the price history
 * of the first link (OFFERHISTORY, a date column and values, ready for a chart). Reopening costs nothing: the pane's
 * Refresh sheet re-prices the links on purpose (issue 22), and each refresh adds a point to the history.
 */
export function reorderWatchTemplate(links: readonly string[]): Template {
  const linkCells = links.map((link, i): TemplateCell => ({ address: `A${7 + i}`, value: link }));
  return {
    id: 'reorder',
    title: 'Reorder watch',
    sheet: 'Reorder watch',
    description:
      'The offers you reorder: price and stock, what changed since the last fetch, and price history.',
    cells: [
      { address: 'A1', value: 'Reorder watch', style: 'title' },
      { address: 'A2', value: 'changes', style: 'label' },
      { address: 'B2', value: 'yes' },
      {
        address: 'A3',
        value:
          'Paste the links you reorder in column A. Refresh sheet (in the pane) re-prices them on purpose; each refresh adds to the history.',
        style: 'hint',
      },
      {
        address: 'A4',
        value: "L6 shows the first link's price history (oldest first): select it and insert a line chart.",
        style: 'hint',
      },
      { address: 'A6', value: '1688 link', style: 'header' },
      {
        address: 'B6',
        call: {
          fn: 'OFFERS',
          args: [{ ref: 'A7:A26' }, { text: 'title,price,stock,moq' }, { ref: 'A2:B2' }],
        },
      },
      { address: 'L6', call: { fn: 'OFFERHISTORY', args: [{ ref: 'A7' }, { text: 'price,stock' }] } },
      ...linkCells,
    ],
  };
}

/** Common locales → their currency, for "in the workbook's currency"; anything else: the pane's setting or none. */
const LOCALE_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD',
  GB: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  NL: 'EUR',
  IE: 'EUR',
  AT: 'EUR',
  BE: 'EUR',
  PT: 'EUR',
  FI: 'EUR',
  JP: 'JPY',
  KR: 'KRW',
  AU: 'AUD',
  CA: 'CAD',
  CH: 'CHF',
  IN: 'INR',
  SG: 'SGD',
  HK: 'HKD',
  VN: 'VND',
  BR: 'BRL',
  MX: 'MXN',
  PL: 'PLN',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  NZ: 'NZD',
  CN: '',
};

/** The pane's currency setting, else the workbook culture's (`en-US` → USD), else '' (CNY only). */
export function workbookCurrency(setting: string, cultureName: string | null): string {
  if (setting) return setting;
  const region = cultureName?.split('-')[1]?.toUpperCase() ?? '';
  return LOCALE_CURRENCY[region] ?? '';
}
