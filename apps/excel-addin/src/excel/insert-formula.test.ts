import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { addressFor, insertFormula, selectedAddress } from './insert-formula.js';

// office-addin-mock: properties must be loaded and synced before they are read, as in Excel.

function workbook(selection: string | Error) {
  const written: { formulas: unknown; synced: boolean }[] = [];
  const cell = {
    address: '',
    _formulas: undefined as unknown,
    load(_: string) {},
  };
  const mock = new OfficeMockObject({
    workbook: {
      getSelectedRange: () => {
        if (selection instanceof Error) throw selection;
        return {
          address: selection,
          load() {},
          getCell: (row: number, column: number) => {
            expect([row, column]).toEqual([0, 0]);
            return cellMock;
          },
        };
      },
    },
    sync: async () => {
      for (const w of written) w.synced = true;
    },
  });
  const cellMock = {
    ...cell,
    get address() {
      return typeof selection === 'string' ? selection.replace(/:.*$/, '') : '';
    },
    set formulas(value: unknown) {
      written.push({ formulas: value, synced: false });
    },
  };
  return { context: mock as unknown as Excel.RequestContext, written };
}

describe('the formula builder in Excel', () => {
  it('writes the formula into the top-left selected cell, then syncs', async () => {
    const { context, written } = workbook('Sheet1!C3:D9');
    const at = await insertFormula(context, '=SUPPLIERS("玩具厂","factoryOnly",10)');
    expect(at).toBe('Sheet1!C3');
    expect(written).toEqual([{ formulas: [['=SUPPLIERS("玩具厂","factoryOnly",10)']], synced: true }]);
  });

  it('explains a multi-area selection instead of writing anywhere', async () => {
    const { context, written } = workbook(new Error('InvalidSelection'));
    await expect(insertFormula(context, '=FIELDS()')).rejects.toThrow(/one block of cells/);
    await expect(selectedAddress(context)).rejects.toThrow(/one block of cells/);
    expect(written).toEqual([]);
  });

  it('picks the selected range for links, sheet-qualified only when another sheet', async () => {
    const { context } = workbook("'My links'!A2:A20");
    const picked = await selectedAddress(context);
    expect(addressFor(picked, 'My links')).toBe('A2:A20');
    expect(addressFor(picked, 'Sheet1')).toBe("'My links'!A2:A20");
    expect(addressFor('A2:A5', null)).toBe('A2:A5');
  });
});
