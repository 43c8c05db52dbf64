import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { PRODUCT_COLUMNS, productColumns, SUPPLIER_COLUMNS } from '../cells/result-rows.js';
import type { Feature } from '../runtime/requirements.js';
import { InsertError } from './insert-error.js';
import { insertTable, type SheetTable } from './insert-table.js';

// A small Excel object model on office-addin-mock (properties must be loaded and synced before they are
// read). Ranges know their sheet, top-left cell and size and log every property written with the batch
// (sync) it belongs to, so the tests check where values, formats and links landed and in which order.

interface Place {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

interface RangeMock {
  values?: unknown[][];
  numberFormat?: unknown[][];
  hyperlink?: { address: string; textToDisplay: string };
  address: string;
  formulas: unknown[][];
  load(p: string | string[]): void;
}

interface Write {
  place: Place;
  property: string;
  batch: number;
}

const letter = (c: number) => String.fromCharCode(65 + c);

interface MockOptions {
  existingSheets?: string[];
  selection?: [number, number];
  /** Cells that already hold something: `Sheet1!row,column` (0-based). */
  occupied?: string[];
  /** getSelectedRange fails at sync, as Excel does for a multi-area selection. */
  multiArea?: boolean;
  /** tables.add fails at sync, as Excel does when the table would overlap another. */
  overlap?: boolean;
}

function excelMock(options: MockOptions = {}) {
  const loadable: OfficeMockObject[] = [];
  const ranges: RangeMock[] = [];
  const places = new Map<RangeMock, Place>();
  const tables: { range: Place; hasHeaders: boolean; table: { style?: string } }[] = [];
  const sheets: string[] = [];
  const activated: string[] = [];
  const autofitted: Place[] = [];
  const bold: Place[] = [];
  const writes: Write[] = [];
  const notes: { place: Place | undefined; text: string }[] = [];
  const occupied = new Set(options.occupied ?? []);
  let batch = 0;
  let failNextSync: Error | null = null;

  const track = <T extends object>(data: T) => {
    const mock = new OfficeMockObject(data);
    loadable.push(mock);
    return mock as unknown as T;
  };

  const range = (sheet: string, row: number, column: number, rows: number, columns: number): RangeMock => {
    const place = { sheet, row, column, rows, columns };
    const address = `${sheet}!${letter(column)}${row + 1}:${letter(column + columns - 1)}${row + rows}`;
    const formulas = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) =>
        occupied.has(`${sheet}!${row + r},${column + c}`) ? 'x' : '',
      ),
    );
    const mock = track({
      address,
      formulas,
      format: {
        autofitColumns: () => autofitted.push(place),
        font: {},
      },
      getCell: (r: number, c: number) => range(sheet, row + r, column + c, 1, 1),
      getRow: (r: number) => {
        const one = range(sheet, row + r, column, 1, columns);
        return {
          format: {
            font: new Proxy(
              {},
              {
                set: () => {
                  bold.push(places.get(one)!);
                  return true;
                },
              },
            ),
          },
        };
      },
      getResizedRange: (dr: number, dc: number) => range(sheet, row, column, rows + dr, columns + dc),
      // worksheet.notes (ExcelApi 1.18): the note and the cell it was put on.
      worksheet: {
        notes: { add: (cell: RangeMock, text: string) => notes.push({ place: places.get(cell), text }) },
      },
    });
    const logged = new Proxy(mock, {
      set(target, property, value) {
        writes.push({ place, property: String(property), batch });
        (target as Record<string | symbol, unknown>)[property] = value;
        return true;
      },
    }) as unknown as RangeMock;
    ranges.push(logged);
    places.set(logged, place);
    return logged;
  };

  const context = new OfficeMockObject({
    workbook: {
      getSelectedRange: () => {
        if (options.multiArea)
          failNextSync = new Error('The current selection is invalid for this operation.');
        return range('Sheet1', ...(options.selection ?? [4, 2]), 3, 3);
      },
      worksheets: {
        items: [],
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
          if (options.overlap) failNextSync = new Error("A table can't overlap another table.");
          const table: { style?: string } = {};
          tables.push({ range: places.get(target)!, hasHeaders, table });
          return table;
        },
      },
    },
    sync: async () => {
      for (const mock of loadable) await mock.sync();
      batch += 1;
      if (failNextSync) {
        const error = failNextSync;
        failNextSync = null;
        throw error;
      }
    },
  }) as unknown as Excel.RequestContext & { workbook: { worksheets: { items: { name: string }[] } } };
  // worksheets.items as Excel returns them after load('items/name').
  (context.workbook.worksheets as unknown as { load: () => void }).load = () => {};
  (context.workbook.worksheets as unknown as { items: { name: string }[] }).items = [
    ...(options.existingSheets ?? ['Sheet1']),
  ].map((name) => ({ name }));

  const at = (sheet: string, row: number, column: number, rows = 1, columns = 1) =>
    ranges.filter((r) => {
      const p = places.get(r)!;
      return (
        p.sheet === sheet && p.row === row && p.column === column && p.rows === rows && p.columns === columns
      );
    });
  return { context, tables, sheets, activated, autofitted, bold, writes, ranges, at, notes };
}

const all = () => true;
/** Properties insertTable sets on ranges (the mock's own bookkeeping writes `address` etc. on sync). */
const EXCEL_WRITES = ['values', 'numberFormat', 'hyperlink'];
const without =
  (...missing: Feature[]) =>
  (feature: Feature) =>
    !missing.includes(feature);

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

const productRow = (title: string, supplier: string) => [
  1,
  78,
  title,
  'teddy bear',
  12.5,
  100,
  3400,
  0.31,
  supplier,
  'https://detail.1688.com/offer/1.html',
  '',
];

describe('insertTable', () => {
  it('writes a table with a header row at the selected cell', async () => {
    const excel = excelMock({ selection: [4, 2] });
    const result = await insertTable(excel.context, suppliers, 'selection', all);

    expect(excel.tables).toHaveLength(1);
    const { range, hasHeaders } = excel.tables[0]!;
    expect(hasHeaders).toBe(true);
    expect(range).toEqual({ sheet: 'Sheet1', row: 4, column: 2, rows: 3, columns: SUPPLIER_COLUMNS.length });
    const written = excel.at('Sheet1', 4, 2, 3, SUPPLIER_COLUMNS.length).find((r) => r.values)!;
    expect(written.values?.[0]).toEqual(SUPPLIER_COLUMNS.map((c) => c.header));
    expect(written.values?.slice(1)).toEqual(suppliers.rows);
    expect(result).toEqual({ address: 'Sheet1!C5:O7', sheetName: null, fallbacks: [] });
    expect(excel.sheets).toEqual([]);
  });

  it.each([
    ['=1+1', '+86 138 0000 0000'],
    ['-20℃ 保温杯', '@x 商行'],
  ])(
    'writes the title %j and the supplier %j as text: Text format first, then values, in one batch',
    async (title, supplier) => {
      const excel = excelMock({ selection: [0, 0] });
      const row = productRow(title, supplier);
      await insertTable(
        excel.context,
        { title: 'x', columns: PRODUCT_COLUMNS, rows: [row] },
        'selection',
        all,
      );
      const target = excel.at('Sheet1', 0, 0, 2, PRODUCT_COLUMNS.length).find((r) => r.values)!;
      expect(target.values?.[1]).toEqual(row);
      const formats = target.numberFormat as string[][];
      expect(formats[1]?.[2]).toBe('@');
      expect(formats[1]?.[8]).toBe('@');
      // Numbers stay numbers, with their number formats.
      expect(formats[1]?.[4]).toBe('"¥"#,##0.00');
      expect(formats[1]?.[0]).toBe('0');
      expect(typeof target.values?.[1]?.[4]).toBe('number');
      const order = excel.writes.filter((w) => w.property === 'numberFormat' || w.property === 'values');
      expect(order.map((w) => w.property)).toEqual(['numberFormat', 'values']);
      expect(order[0]!.batch).toBe(order[1]!.batch);
    },
  );

  it('makes links clickable, only where there is a URL', async () => {
    const excel = excelMock({ selection: [0, 0] });
    await insertTable(excel.context, suppliers, 'selection', all);
    const linkColumn = SUPPLIER_COLUMNS.findIndex((c) => c.header === 'link');
    expect(excel.at('Sheet1', 1, linkColumn).map((c) => c.hyperlink)).toEqual([
      { address: 'https://shop1.1688.com', textToDisplay: 'https://shop1.1688.com' },
    ]);
    expect(excel.at('Sheet1', 2, linkColumn).filter((c) => c.hyperlink)).toEqual([]);
    expect(excel.ranges.filter((r) => r.hyperlink)).toHaveLength(1);
  });

  it('formats number cells per column and keeps booleans and blanks General', async () => {
    const excel = excelMock({ selection: [0, 0] });
    await insertTable(excel.context, suppliers, 'selection', all);
    const formats = excel.ranges.find((r) => r.numberFormat)!.numberFormat as string[][];
    const col = (header: string) => SUPPLIER_COLUMNS.findIndex((c) => c.header === header);
    expect(formats[1]?.[col('score')]).toBe('0.0');
    expect(formats[1]?.[col('repurchase rate')]).toBe('0%');
    expect(formats[1]?.[col('years')]).toBe('0');
    expect(formats[1]?.[col('company')]).toBe('@');
    expect(formats[1]?.[col('factory?')]).toBe('General');
    expect(formats[2]?.[col('years')]).toBe('General');
    expect(formats[0]?.every((f) => f === '@')).toBe(true);
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
    await insertTable(
      excel.context,
      { title: 'bear', columns: PRODUCT_COLUMNS, rows: [row] },
      'selection',
      all,
    );
    const target = excel.at('Sheet1', 0, 0, 2, PRODUCT_COLUMNS.length).find((r) => r.numberFormat);
    expect((target!.numberFormat as string[][])[1]?.[4]).toBe('"¥"#,##0.00');
  });

  it('formats a converted price as a plain amount, its currency being in the header', async () => {
    const excel = excelMock({ selection: [0, 0] });
    const columns = productColumns({
      currency: { currency: 'USD', rate: 7.19, rateDate: '2024-03-13', source: 'ecb', stale: false },
    });
    // Base columns, member id, then the appended price (USD) and rate date (optional-columns.ts).
    const row = [1, 78, '熊', 'bear', 12.5, 100, 3400, 0.31, 'shop', '', '', '', 'b2b-1', 1.74, '2024-03-13'];
    await insertTable(excel.context, { title: 'bear', columns, rows: [row] }, 'selection', all);
    const target = excel.at('Sheet1', 0, 0, 2, columns.length).find((r) => r.numberFormat);
    const formats = target?.numberFormat as string[][];
    expect(formats[1]?.[4]).toBe('"¥"#,##0.00');
    expect(formats[1]?.[13]).toBe('#,##0.00##');
  });

  it('never overwrites: a target that is not empty is refused before anything is written', async () => {
    const excel = excelMock({ selection: [4, 2], occupied: ['Sheet1!5,7'] });
    const attempt = insertTable(excel.context, suppliers, 'selection', all);
    await expect(attempt).rejects.toThrow(/Sheet1!C5:O7 is not empty. Insert on a new sheet instead/);
    await expect(attempt).rejects.toMatchObject({ kind: 'notEmpty', offerNewSheet: true });
    expect(excel.writes.filter((w) => EXCEL_WRITES.includes(w.property))).toEqual([]);
    expect(excel.tables).toHaveLength(0);
  });

  it('a multi-area selection gets a clear message, nothing written', async () => {
    const excel = excelMock({ multiArea: true });
    const attempt = insertTable(excel.context, suppliers, 'selection', all);
    await expect(attempt).rejects.toBeInstanceOf(InsertError);
    await expect(attempt).rejects.toThrow(/several areas/);
    expect(excel.writes.filter((w) => EXCEL_WRITES.includes(w.property))).toEqual([]);
  });

  it('a table that would overlap another is refused before any value is written', async () => {
    const excel = excelMock({ overlap: true });
    const attempt = insertTable(excel.context, suppliers, 'selection', all);
    await expect(attempt).rejects.toMatchObject({ kind: 'overlap', offerNewSheet: true });
    await expect(attempt).rejects.toThrow(/overlap another table/);
    expect(excel.writes.filter((w) => w.property === 'values')).toEqual([]);
  });

  it('puts the table on a new sheet named after the keyword, avoiding existing names in any case', async () => {
    const excel = excelMock({ existingSheets: ['Sheet1', '玩具厂', '玩具厂 (2)'] });
    const result = await insertTable(excel.context, suppliers, 'newSheet', all);
    expect(excel.sheets).toEqual(['玩具厂 (3)']);
    expect(excel.activated).toEqual(['玩具厂 (3)']);
    expect(excel.tables[0]!.range.sheet).toBe('玩具厂 (3)');
    expect(result).toMatchObject({ address: '玩具厂 (3)!A1:M3', sheetName: '玩具厂 (3)' });

    const other = excelMock({ existingSheets: ['TOYS'] });
    await insertTable(other.context, { ...suppliers, title: 'toys' }, 'newSheet', all);
    expect(other.sheets).toEqual(['toys (2)']);
  });

  it('without ExcelApi 1.3 / 1.7: plain cells with a bold header, links as text; says which fallbacks it used', async () => {
    const excel = excelMock({ selection: [0, 0] });
    const result = await insertTable(excel.context, suppliers, 'selection', without('tables', 'hyperlinks'));
    expect(excel.tables).toEqual([]);
    expect(excel.bold).toEqual([
      { sheet: 'Sheet1', row: 0, column: 0, rows: 1, columns: SUPPLIER_COLUMNS.length },
    ]);
    expect(excel.ranges.filter((r) => r.hyperlink)).toEqual([]);
    expect(result.fallbacks).toEqual(['tables', 'hyperlinks']);
  });

  it('refuses to insert an empty result', async () => {
    const excel = excelMock();
    await expect(insertTable(excel.context, { ...suppliers, rows: [] }, 'selection', all)).rejects.toThrow(
      /nothing/,
    );
    expect(excel.tables).toHaveLength(0);
  });
});

describe('insertTable with cards and pictures (Range.valuesAsJson)', () => {
  const card: Excel.EntityCellValue = { type: 'Entity', text: '毛绒熊', properties: {} };
  const picture: Excel.WebImageCellValue = { type: 'WebImage', address: 'https://cbu01.alicdn.com/a.jpg' };
  const imageColumn = PRODUCT_COLUMNS.findIndex((c) => c.header === 'image URL');
  const plainRow = [...productRow('毛绒熊', '乐童玩具厂')];
  plainRow[imageColumn] = 'https://cbu01.alicdn.com/a.jpg';
  const richRow = plainRow.map((cell, c) => (c === 2 ? card : c === imageColumn ? picture : cell));
  const seen: { doubleNumberFormat: boolean }[] = [];
  const table: SheetTable = {
    title: '毛绒',
    columns: PRODUCT_COLUMNS,
    rows: [plainRow],
    richRows: (caps) => {
      seen.push(caps);
      return [richRow];
    },
  };

  it('writes the card and the picture over the plain values, in the same batch, and links the rest', async () => {
    const excel = excelMock({ selection: [0, 0] });
    const result = await insertTable(excel.context, table, 'selection', without('doubleNumberFormat'));
    expect(seen.at(-1)).toEqual({ doubleNumberFormat: false });
    const cards = excel.ranges.filter((r) => (r as { valuesAsJson?: unknown }).valuesAsJson);
    expect(cards.map((r) => (r as { valuesAsJson?: unknown }).valuesAsJson)).toEqual([[[card]], [[picture]]]);
    expect(excel.at('Sheet1', 1, 2)[0]).toHaveProperty('valuesAsJson', [[card]]);
    const writes = excel.writes.filter((w) => ['values', 'valuesAsJson'].includes(w.property));
    expect(writes.map((w) => w.property)).toEqual(['values', 'valuesAsJson', 'valuesAsJson']);
    expect(new Set(writes.map((w) => w.batch)).size).toBe(1);
    // The picture replaces the image link; the detail link stays clickable.
    expect(excel.at('Sheet1', 1, imageColumn).some((r) => r.hyperlink)).toBe(false);
    expect(excel.at('Sheet1', 1, imageColumn - 1).some((r) => r.hyperlink)).toBe(true);
    expect(result.fallbacks).toEqual([]);
  });

  it('without ExcelApi 1.16 keeps the plain values and says so', async () => {
    const excel = excelMock({ selection: [0, 0] });
    const result = await insertTable(excel.context, table, 'selection', without('valuesAsJson'));
    expect(excel.writes.some((w) => w.property === 'valuesAsJson')).toBe(false);
    expect(result.fallbacks).toEqual(['valuesAsJson']);
  });
});

describe('a note on the inserted header (words not translated)', () => {
  const noted: SheetTable = {
    ...suppliers,
    note: 'Searched as “毛绒玩具” — not translated: kawaii (sent as typed)',
  };

  it('is put on the header’s first cell where the host has notes (ExcelApi 1.18)', async () => {
    const excel = excelMock({ selection: [4, 2] });
    const inserted = await insertTable(excel.context, noted, 'selection', all);
    expect(excel.notes).toEqual([
      { place: { sheet: 'Sheet1', row: 4, column: 2, rows: 1, columns: 1 }, text: noted.note },
    ]);
    expect(inserted.fallbacks).not.toContain('notes');
  });

  it('older hosts: no note, and the insert says it fell back (the pane shows the words)', async () => {
    const excel = excelMock({ selection: [4, 2] });
    const inserted = await insertTable(excel.context, noted, 'selection', without('notes'));
    expect(excel.notes).toEqual([]);
    expect(inserted.fallbacks).toContain('notes');
  });
});
