import { CurrencyCode, DutyBasis, FreightMethod, RateCard } from '@yuantou/core';
import { cellAddress, topLeftOf } from '../cells/cell-address.js';
import { InputError } from '../cells/input-error.js';
import { type CellValue, foldName, OptionNames, textPairs } from '../cells/option-reader.js';

// The `rates` argument of =LANDED: the buyer's own forwarder's rates, kept in the workbook. No provider prices the
// international leg for a 1688 offer id ("International freight is therefore the buyer's own rate card", issue
// 24), so the add-in reads it from a small table — one row per method, the first row the default:
//
//   method | per kg | per CBM | minimum | divisor | currency | agent % | duty % | VAT %
//   air    | 38     |         | 60      | 6000    | EUR      | 5       | 4.7    | 19
//   sea    |        | 180     | 120     |         | EUR      | 5       | 4.7    | 19
//
// or from one text cell, "air; perKg=38; currency=EUR; duty=4.7; vat=19". The column names are read by the one
// option reader (cells/option-reader.ts: case, spaces, `_`, `-` and `%` ignored, the same short aliases), and
// every value is checked by core's RateCard schema — the one the proxy's POST /v1/landed-cost reads. A bad value
// is #VALUE! naming its cell (A1-style when the range's address is known, else its row and column in the range).

/** One method's rates: the freight rate card and the buyer's percentages that come with it. */
export interface RateRow {
  freight: RateCard;
  agentFeePercent?: number;
  dutyPercent?: number;
  vatPercent?: number;
  dutyBasis?: DutyBasis;
}

/** The parsed rate card: the rows in table order (the first is the default). */
export interface RateTable {
  rows: RateRow[];
}

/**
 * Every column a rate-card table may have, with what it holds — the names both forms read, and the list
 * =FIELDS("LANDED") and the README show. Percent columns take 4.7 for 4.7 % (a cell formatted as % holds 0.047).
 */
export const RATE_CARD_COLUMNS = {
  method: 'air, express, sea or rail; one row per method, the first row the default.',
  perKg: 'Price per chargeable kg (air, express, rail: max(actual, L×W×H / divisor)), in currency.',
  perCbm: 'Price per cubic metre (sea), in currency.',
  minimum: 'The least the forwarder charges per shipment, in currency.',
  divisor: 'cm³ per kg of volumetric weight (default 6000).',
  currency: "The rate card's currency (ISO code such as EUR).",
  agentFeePercent: "Your buying agent's fee, % of the goods (agent %).",
  dutyPercent: 'Import duty, % of the customs value (duty %).',
  vatPercent: 'Import VAT, % of customs value + duty (VAT %).',
  dutyBasis: 'cif (goods + both freights, the EU rule, default) or fob (goods only, the US rule).',
} as const;

export type RateCardColumn = keyof typeof RATE_CARD_COLUMNS;

/**
 * The header the pane's New rate card writes (taskpane/templates.ts): the columns as buyers read them, each a
 * spelling this reader takes.
 */
export const RATE_CARD_HEADER = [
  'method',
  'per kg',
  'per CBM',
  'minimum',
  'divisor',
  'currency',
  'agent %',
  'duty %',
  'VAT %',
] as const;

const COLUMN_NAMES = new OptionNames(Object.keys(RATE_CARD_COLUMNS));
const METHODS = FreightMethod.options;

export const RATES_TEXT_EXAMPLE = 'air; perKg=38; currency=EUR; duty=4.7; vat=19';

const isBlank = (cell: CellValue) => cell === null || cell === undefined || String(cell).trim() === '';

/**
 * Names a cell of the `rates` range: `Rates!C4` when the range's address is known (`Rates!A2:I5`), else
 * `row 3, column "per kg"` of the range.
 */
function cellNamer(origin: string | undefined, headers: readonly string[]) {
  const topLeft = origin ? topLeftOf(origin) : null;
  return (row: number, column: number): string => {
    if (topLeft) {
      const sheet = origin?.includes('!') ? `${origin.slice(0, origin.lastIndexOf('!'))}!` : '';
      return `${sheet}${cellAddress(topLeft.column + column, topLeft.row + row)}`;
    }
    const header = headers[column] ? `, column "${headers[column]}"` : `, column ${column + 1}`;
    return `row ${row + 1}${header}`;
  };
}

/** The column a header names; an unknown header is #VALUE! naming its cell and the known names. */
function headerColumn(written: string, where: string): RateCardColumn {
  const cleaned = written.replace(/[%％()（）]/g, '').trim();
  try {
    return COLUMN_NAMES.read(cleaned, '').key as RateCardColumn;
  } catch {
    throw new InputError(
      'rates',
      `rates: ${where} "${written}" is not a rate-card column (use method, per kg, per CBM, minimum, divisor, currency, agent %, duty %, VAT %)`,
    );
  }
}

/** One cell's value for its column, or an InputError naming the cell. */
function columnValue(column: RateCardColumn, cell: CellValue, where: string): unknown {
  const text = String(cell ?? '').trim();
  const bad = (detail: string) => new InputError('rates', `rates: ${where} ${detail}`);
  if (column === 'method') {
    const method = text.toLowerCase();
    if (!(METHODS as readonly string[]).includes(method))
      throw bad(`"${text}" is not a method (use ${METHODS.join(', ')})`);
    return method;
  }
  if (column === 'currency') {
    const code = CurrencyCode.safeParse(text);
    if (!code.success) throw bad(`"${text}" is not a currency code such as EUR`);
    return code.data;
  }
  if (column === 'dutyBasis') {
    const basis = DutyBasis.safeParse(text.toLowerCase());
    if (!basis.success) throw bad(`"${text}" is not cif or fob`);
    return basis.data;
  }
  // Text with a comma is refused, not guessed: "4,7" is 4.7 in Europe and 47 read as thousands.
  const number =
    typeof cell === 'number' ? cell : text.includes(',') ? Number.NaN : Number(text.replace(/[%％]$/, ''));
  if (!Number.isFinite(number))
    throw bad(
      `"${text}" is not a number${/^\d+,\d+$/.test(text) ? ` (write ${text.replace(',', '.')})` : ''}`,
    );
  if (number < 0) throw bad(`${number} is below 0`);
  return number;
}

/**
 * A row's values by column, as read (blank cells left out), checked against core's RateCard. `where` names the
 * row's cell of a column, or null when the table has no such column.
 */
function rateRow(
  values: Partial<Record<RateCardColumn, unknown>>,
  where: (column: RateCardColumn) => string | null,
): RateRow {
  const missing = (column: RateCardColumn, hint: string) => {
    const cell = where(column);
    return new InputError(
      'rates',
      cell === null
        ? `rates: the table has no ${column} column; ${hint}`
        : `rates: ${cell} is blank; ${hint}`,
    );
  };
  if (values.method === undefined) throw missing('method', 'give air, express, sea or rail');
  if (values.currency === undefined) throw missing('currency', "give the rates' currency, e.g. EUR");
  const { agentFeePercent, dutyPercent, vatPercent, dutyBasis, ...freight } = values;
  const card = RateCard.safeParse(freight);
  if (!card.success) {
    const issue = card.error.issues[0]!;
    const column = (issue.path[0] as RateCardColumn | undefined) ?? 'perKg';
    const cell = where(column) ?? `the ${column} column`;
    throw new InputError('rates', `rates: ${cell}: ${issue.message}`);
  }
  return {
    freight: card.data,
    ...(agentFeePercent === undefined ? {} : { agentFeePercent: agentFeePercent as number }),
    ...(dutyPercent === undefined ? {} : { dutyPercent: dutyPercent as number }),
    ...(vatPercent === undefined ? {} : { vatPercent: vatPercent as number }),
    ...(dutyBasis === undefined ? {} : { dutyBasis: dutyBasis as DutyBasis }),
  };
}

/** `"air; perKg=38; currency=EUR; duty=4.7"`: one method's rates; a bare method name is the method. */
export function parseRatesText(text: string): RateTable {
  const values: Partial<Record<RateCardColumn, unknown>> = {};
  for (const [rawName, value] of textPairs(text)) {
    const name = rawName.trim();
    const bare = isBlank(value) && (METHODS as readonly string[]).includes(name.toLowerCase());
    const column = bare ? 'method' : headerColumn(name, 'name');
    if (values[column] !== undefined) throw new InputError('rates', `rates: "${name}" is given twice`);
    if (isBlank(bare ? name : value)) throw new InputError('rates', `rates: "${name}" needs a value`);
    values[column] = columnValue(column, bare ? name : value, `"${name}":`);
  }
  if (values.method === undefined)
    throw new InputError(
      'rates',
      `rates: name the method (air, express, sea or rail), e.g. "${RATES_TEXT_EXAMPLE}"`,
    );
  if (values.currency === undefined)
    throw new InputError(
      'rates',
      `rates: give currency=… (the rates' currency), e.g. "${RATES_TEXT_EXAMPLE}"`,
    );
  return { rows: [rateRow(values, (c) => `"${c}"`)] };
}

/**
 * The `rates` argument as Excel passes it (a matrix; one cell of text is the text form). In a range, rows above
 * the header row (the first with a `method` cell) are ignored, so a title may sit inside it; blank rows too.
 * `origin` is the range's address (`Rates!A2:I5`) when the host gives it, for A1-style cell names.
 */
export function parseRateCard(argument: CellValue[][] | CellValue, origin?: string): RateTable {
  const matrix = Array.isArray(argument) ? argument : [[argument]];
  const filled = matrix.flat().filter((cell) => !isBlank(cell));
  if (filled.length === 0) {
    throw new InputError('rates', `rates: give your rate-card table or text like "${RATES_TEXT_EXAMPLE}"`);
  }
  if (matrix.length === 1 && matrix[0]!.length === 1) return parseRatesText(String(filled[0]));
  const headerIndex = matrix.findIndex((row) =>
    row.some((cell) => foldName(String(cell ?? '')) === 'method'),
  );
  if (headerIndex === -1) {
    throw new InputError(
      'rates',
      'rates: no header row with a "method" column (the New rate card button writes an example table)',
    );
  }
  const headerCells = matrix[headerIndex]!.map((cell) => String(cell ?? '').trim());
  const name = cellNamer(origin, headerCells);
  const columns = headerCells.map((header, i) =>
    header === '' ? null : headerColumn(header, `header ${name(headerIndex, i)}`),
  );
  columns.forEach((column, i) => {
    if (column !== null && columns.indexOf(column) !== i)
      throw new InputError('rates', `rates: header ${name(headerIndex, i)} repeats "${headerCells[i]}"`);
  });
  const rows: RateRow[] = [];
  const seen = new Map<string, number>();
  matrix.forEach((cells, r) => {
    if (r <= headerIndex || cells.every(isBlank)) return;
    const values: Partial<Record<RateCardColumn, unknown>> = {};
    cells.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const column = columns[c];
      if (column === null || column === undefined)
        throw new InputError('rates', `rates: ${name(r, c)} has a value under no column header`);
      values[column] = columnValue(column, cell, name(r, c));
    });
    const where = (column: RateCardColumn) => {
      const index = columns.indexOf(column);
      return index === -1 ? null : name(r, index);
    };
    const row = rateRow(values, where);
    const earlier = seen.get(row.freight.method);
    if (earlier !== undefined)
      throw new InputError(
        'rates',
        `rates: ${name(r, columns.indexOf('method'))} repeats ${row.freight.method} (one row per method)`,
      );
    seen.set(row.freight.method, r);
    rows.push(row);
  });
  if (rows.length === 0) throw new InputError('rates', 'rates: the table has a header but no method rows');
  return { rows };
}

/** The row for `method`, else the first (the default); a method the card lacks is #VALUE! listing those it has. */
export function rateRowFor(table: RateTable, method: string | undefined): RateRow {
  if (method === undefined) return table.rows[0]!;
  const row = table.rows.find((r) => r.freight.method === method);
  if (!row) {
    const have = table.rows.map((r) => r.freight.method).join(', ');
    throw new InputError('method', `option "method": the rate card has no ${method} row (it has ${have})`);
  }
  return row;
}
