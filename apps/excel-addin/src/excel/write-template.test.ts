import { describe, expect, it } from 'vitest';
import { selectedCell, writeCellsInSheet, writeTemplateSheet } from './write-template.js';

// Just enough of Excel.RequestContext: the sheet list arrives only on sync after load, as in Excel.

function workbook(existing: string[]) {
  const log: string[] = [];
  const range = (sheet: string, address: string) => ({
    set values(v: unknown) {
      log.push(`${sheet}!${address} values ${JSON.stringify(v)}`);
    },
    set formulas(v: unknown) {
      log.push(`${sheet}!${address} formulas ${JSON.stringify(v)}`);
    },
    format: {
      font: {
        set bold(v: boolean) {
          log.push(`${sheet}!${address} bold ${v}`);
        },
        set italic(v: boolean) {
          log.push(`${sheet}!${address} italic ${v}`);
        },
        set size(_: number) {},
      },
      autofitColumns: () => log.push(`${sheet}!${address} autofit`),
    },
  });
  const worksheets = {
    items: undefined as { name: string }[] | undefined,
    loaded: false,
    load(what: string) {
      expect(what).toBe('items/name');
      this.loaded = true;
    },
    add: (name: string) => {
      log.push(`add ${name}`);
      return { getRange: (a: string) => range(name, a), activate: () => log.push(`activate ${name}`) };
    },
  };
  const context = {
    workbook: { worksheets },
    sync: async () => {
      if (worksheets.loaded) worksheets.items = existing.map((name) => ({ name }));
      log.push('sync');
    },
  };
  return { context: context as unknown as Excel.RequestContext, log };
}

describe('writing a starter sheet', () => {
  it('adds a sheet with a free name, labels as values, functions as formulas, then activates it', async () => {
    const { context, log } = workbook(['Sheet1', 'Supplier shortlist']);
    const name = await writeTemplateSheet(context, 'Supplier shortlist', [
      { address: 'A1', value: 'Supplier shortlist', style: 'title' },
      { address: 'B4', value: 10 },
      { address: 'A7', formula: '=SUPPLIERS(B2,B3,B4)' },
    ]);
    expect(name).toBe('Supplier shortlist (2)');
    expect(log).toEqual([
      'sync',
      'add Supplier shortlist (2)',
      'Supplier shortlist (2)!A1 values [["Supplier shortlist"]]',
      'Supplier shortlist (2)!A1 bold true',
      'Supplier shortlist (2)!B4 values [[10]]',
      'Supplier shortlist (2)!A7 formulas [["=SUPPLIERS(B2,B3,B4)"]]',
      'Supplier shortlist (2)!A:B autofit',
      'activate Supplier shortlist (2)',
      'sync',
    ]);
  });

  it("New rate card: reads the selection's top-left after sync, then writes into that sheet", async () => {
    const log: string[] = [];
    const selection = {
      address: undefined as string | undefined,
      load: (what: string) => log.push(`load ${what}`),
    };
    const { context: base } = workbook([]);
    const context = {
      ...base,
      workbook: {
        getSelectedRange: () => selection,
        worksheets: {
          getItem: (name: string) => ({
            getRange: (a: string) => ({
              set values(v: unknown) {
                log.push(`${name}!${a} values ${JSON.stringify(v)}`);
              },
              format: { font: { set bold(_: boolean) {} } },
            }),
          }),
        },
      },
      sync: async () => {
        selection.address = "'Bob''s rates'!D5:E9";
        log.push('sync');
      },
    } as unknown as Excel.RequestContext;
    const at = await selectedCell(context);
    expect(at).toEqual({ sheet: "Bob's rates", column: 4, row: 5 });
    await writeCellsInSheet(context, at.sheet, [{ address: 'D5', value: 'method', style: 'header' }]);
    expect(log).toEqual(['load address', 'sync', `Bob's rates!D5 values [["method"]]`, 'sync']);
  });
});
