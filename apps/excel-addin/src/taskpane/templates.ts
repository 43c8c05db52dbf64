// Starter sheets ("New workbook from a template"): each is a labelled sheet whose inputs are cells the buyer
// edits and whose tables are the add-in's own functions over those cells, so it recalculates like any sheet.
// A formula cell is kept as its call (function + arguments), and its text is made from that call, so the
// tests can run the very call against the demo proxy. Only today's functions: the landed-cost quote
// (LANDED), the reorder watch (OFFERHISTORY) and SUPPLIER cards come with those families.

/** A cell reference (`B2`, `A2:B3`) or a literal argument. */
export type Argument = { ref: string } | { text: string } | { number: number };

export interface TemplateCell {
  address: string;
  value?: string | number;
  call?: { fn: string; args: Argument[] };
  style?: 'title' | 'label' | 'hint' | 'header';
}

export interface Template {
  id: 'shortlist' | 'pricing';
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

/** Supplier shortlist: a keyword, options and a count in cells, the ranked suppliers below, a notes column. */
export function shortlistTemplate(): Template {
  return {
    id: 'shortlist',
    title: 'Supplier shortlist',
    sheet: 'Supplier shortlist',
    description: 'Ranked suppliers for a keyword, with your notes beside them.',
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
      { address: 'A7', call: { fn: 'SUPPLIERS', args: [{ ref: 'B2' }, { ref: 'B3' }, { ref: 'B4' }] } },
      { address: 'N7', value: 'My notes', style: 'header' },
    ],
  };
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
