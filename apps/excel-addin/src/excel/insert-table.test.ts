import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { PRODUCT_COLUMNS, productColumns, SUPPLIER_COLUMNS } from '../functions/result-rows.js';
import { insertTable, type SheetTable, sheetNameFor } from './insert-table.js';

// A small Excel object model on office-addin-mock. Ranges know their sheet, top-left cell and size, so the
// tests check where values, formats and links landed, not merely which calls were made.

interface Place {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** What insertTable can set on a range; the place is kept beside the mock (Office would not expose it unloaded). */
interface RangeMock {
  values?: unknown[][];
  numberFormat?: unknown[][];
  hyperlink?: { address: string; textToDisplay: string };
  address: string;
  load(p: string): void;
}

const letter = (c: number) => String.fromCharCode(65 + c);

function excelMock(options: { existingSheets?: string[]; selection?: [number, number] } = {}) {
  const loadable: OfficeMockObject[] = [];
  const ranges: RangeMock[] = [];
  const places = new Map<RangeMock, Place>();
  const tables: { range: RangeMock & Place; hasHeaders: boolean; table: { style?: string } }[] = [];
  const sheets: string[] = [];
  const activated: string[] = [];
  const autofitted: RangeMock[] = [];

  const track = <T extends object>(data: T) => {
    const mock = new OfficeMockObject(data);
    loadable.push(mock);
    return mock as unknown as T;
  };

  const range = (sheet: string, row: number, column: number, rows: number, columns: number): RangeMock => {
    const address = `${sheet}!${letter(column)}${row + 1}:${letter(column + columns - 1)}${row + rows}`;
    const mock = track({
      address,
      format: { autofitColumns: () => autofitted.push(mock) },
      getCell: (r: number, c: number) => range(sheet, row + r, column + c, 1, 1),
      getResizedRange: (dr: number, dc: number) => range(sheet, row, column, rows + dr, columns + dc),
    }) as unknown as RangeMock;
    ranges.push(mock);
    places.set(mock, { sheet, row, column, rows, columns });
    return mock;
  };

  // Not tracked itself: its sync() syncs every object handed out, as Excel's context.sync() does.
  const context = new OfficeMockObject({
    workbook: {
      getSelectedRange: () => range('Sheet1', ...(options.selection ?? [4, 2]), 3, 3),
      worksheets: {
        getItemOrNullObject: (name: string) =>
          track({ isNullObject: ![...(options.existingSheets ?? []), ...sheets].includes(name) }),
        add: (name: string) => {
          sheets.push(name);
          return {
            getRange: (a1: string) => (a1 === 'A1' ? range(name, 0, 0, 1, 1) : undefined),
            activate: () => activated.push(name),
          };
        },
      },
      tables: {
        add: (target: RangeMock, hasHeaders: boolean) => {
          const at = places.get(target)!;
          const table: { style?: string; columns: unknown } = {
            columns: {
              getItemAt: (c: number) => ({
                getDataBodyRange: () => range(at.sheet, at.row + 1, at.column + c, at.rows - 1, 1),
              }),
            },
          };
          tables.push({ range: Object.assign(target, at), hasHeaders, table });
          return table;
        },
      },
    },
    sync: async () => {
      for (const mock of loadable) await mock.sync();
    },
  }) as unknown as Excel.RequestContext;

  const at = (sheet: string, row: number, column: number, rows = 1, columns = 1) =>
    ranges.filter((r) => {
      const p = places.get(r)!;
      return (
        p.sheet === sheet && p.row === row && p.column === column && p.rows === rows && p.columns === columns
      );
    });
  return { context, tables, sheets, activated, autofitted, ranges, at };
}

const suppliers: SheetTable = {
  title: '玩具厂',
  columns: SUPPLIER_COLUMNS,
  rows: [
    [
      1,
      87.5,
      '乐童玩具厂',
      '汕头',
      true,
      'AAAA',
      '金牌制造',
      8,
      0.42,
      0.97,
      'tmapi',
      'https://shop1.1688.com',
    ],
    [2, 41, '义乌小商品', '', '', '', '', '', '', '', 'demo', ''],
  ],
};

describe('insertTable', () => {
  it('writes a table with a header row at the selected cell', async () => {
    const excel = excelMock({ selection: [4, 2] });
    const result = await insertTable(excel.context, suppliers, 'selection');

    expect(excel.tables).toHaveLength(1);
    const { range, hasHeaders } = excel.tables[0]!;
    expect(hasHeaders).toBe(true);
    expect([range.sheet, range.row, range.column, range.rows, range.columns]).toEqual([
      'Sheet1',
      4,
      2,
      3,
      12,
    ]);
    expect(range.values?.[0]).toEqual(SUPPLIER_COLUMNS.map((c) => c.header));
    expect(range.values?.slice(1)).toEqual(suppliers.rows);
    expect(result).toEqual({ address: 'Sheet1!C5:N7', sheetName: null });
    expect(excel.sheets).toEqual([]);
  });

  it('makes links clickable, only where there is a URL', async () => {
    const excel = excelMock({ selection: [0, 0] });
    await insertTable(excel.context, suppliers, 'selection');
    const linkColumn = SUPPLIER_COLUMNS.findIndex((c) => c.header === 'link');
    expect(excel.at('Sheet1', 1, linkColumn).map((c) => c.hyperlink)).toEqual([
      { address: 'https://shop1.1688.com', textToDisplay: 'https://shop1.1688.com' },
    ]);
    expect(excel.at('Sheet1', 2, linkColumn).filter((c) => c.hyperlink)).toEqual([]);
    expect(excel.ranges.filter((r) => r.hyperlink)).toHaveLength(1);
  });

  it('formats number columns over the data rows', async () => {
    const excel = excelMock({ selection: [0, 0] });
    await insertTable(excel.context, suppliers, 'selection');
    const format = (header: string) => {
      const c = SUPPLIER_COLUMNS.findIndex((col) => col.header === header);
      return excel.at('Sheet1', 1, c, 2, 1).find((r) => r.numberFormat)?.numberFormat;
    };
    expect(format('score')).toEqual([['0.0'], ['0.0']]);
    expect(format('repurchase rate')).toEqual([['0%'], ['0%']]);
    expect(format('years')).toEqual([['0'], ['0']]);
    expect(format('company')).toBeUndefined();
    expect(excel.tables[0]!.table.style).toBe('TableStyleMedium2');
    expect(excel.autofitted).toHaveLength(1);
  });

  it('formats prices in yuan', async () => {
    const excel = excelMock({ selection: [0, 0] });
    const row = [
      1,
      78,
      '熊',
      'bear',
      12.5,
      100,
      3400,
      0.31,
      'shop',
      'https://detail.1688.com/offer/1.html',
      '',
    ];
    await insertTable(excel.context, { title: 'bear', columns: PRODUCT_COLUMNS, rows: [row] }, 'selection');
    const price = excel.at('Sheet1', 1, 4, 1, 1).find((r) => r.numberFormat);
    expect(price?.numberFormat).toEqual([['"¥"#,##0.00']]);
  });

  it('formats a converted price as a plain amount, its currency being in the header', async () => {
    const excel = excelMock({ selection: [0, 0] });
    const columns = productColumns({
      currency: { currency: 'USD', rate: 7.19, rateDate: '2024-03-13', source: 'ecb', stale: false },
    });
    const row = [1, 78, '熊', 'bear', 12.5, 1.74, '2024-03-13', 100, 3400, 0.31, 'shop', '', ''];
    await insertTable(excel.context, { title: 'bear', columns, rows: [row] }, 'selection');
    expect(excel.at('Sheet1', 1, 4, 1, 1).find((r) => r.numberFormat)?.numberFormat).toEqual([
      ['"¥"#,##0.00'],
    ]);
    expect(excel.at('Sheet1', 1, 5, 1, 1).find((r) => r.numberFormat)?.numberFormat).toEqual([
      ['#,##0.00##'],
    ]);
  });

  it('puts the table on a new sheet named after the keyword, avoiding existing names', async () => {
    const excel = excelMock({ existingSheets: ['玩具厂', '玩具厂 (2)'] });
    const result = await insertTable(excel.context, suppliers, 'newSheet');
    expect(excel.sheets).toEqual(['玩具厂 (3)']);
    expect(excel.activated).toEqual(['玩具厂 (3)']);
    expect(excel.tables[0]!.range.sheet).toBe('玩具厂 (3)');
    expect(result).toEqual({ address: '玩具厂 (3)!A1:L3', sheetName: '玩具厂 (3)' });
  });

  it('refuses to insert an empty result', async () => {
    const excel = excelMock();
    await expect(insertTable(excel.context, { ...suppliers, rows: [] }, 'selection')).rejects.toThrow(
      /nothing/,
    );
    expect(excel.tables).toHaveLength(0);
  });
});

describe('sheetNameFor', () => {
  it('removes characters Excel forbids and keeps 31 characters', () => {
    expect(sheetNameFor('toys/[kids]: *cheap?')).toBe('toys kids cheap');
    expect(sheetNameFor('x'.repeat(40))).toHaveLength(31);
    expect(sheetNameFor('  ')).toBe('YUANTOU');
  });
});
