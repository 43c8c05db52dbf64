import { describe, expect, it } from 'vitest';
import { fakeWorkbook } from './__fixtures__/workbook.js';
import { findYuantouCells, parseReference, readSources } from './yuantou-cells.js';

const names = {
  names: new Set(['SUPPLIERS', 'OFFER', 'OFFERS', 'PRICEAT', 'FIELDS']),
  namespace: 'YUANTOU',
};

const sheets = () =>
  fakeWorkbook(
    {
      Sheet1: {
        A1: { value: 'link' },
        B2: { formula: '=YUANTOU.OFFER(A2,"price")', value: 12.5 },
        C2: { formula: '=SUM(B2:B3)', value: 12.5 },
        B3: { formula: '=IFERROR(YUANTOU.OFFER(A3),"-")', value: '#N/A' },
        D4: { formula: '=OTHER.OFFER(A2)', value: 1 },
      },
      'Link pricing': {
        A7: { value: 'https://detail.1688.com/offer/612345678901.html' },
        A8: { value: '612345678902' },
        B6: { formula: '=YUANTOU.OFFERS(A7:A56,"title,price",A2:B3)', value: 'title', spill: 'B6:C8' },
        B8: { value: '#N/A' }, // one link of the table failed
      },
      Empty: {},
    },
    'Sheet1!B3:D4',
  );

describe('finding yuantou formulas', () => {
  it('in the selection: only its cells, each with its calls and whether it shows an error', async () => {
    const { context } = sheets();
    const cells = await findYuantouCells(context, 'selection', names);
    expect(cells.map((c) => [c.address, c.inError, c.calls.map((k) => k.name)])).toEqual([
      ['Sheet1!B3', true, ['OFFER']],
    ]);
  });

  it('a whole selected column: only its used part is read', async () => {
    const { context } = fakeWorkbook(
      {
        Sheet1: {
          B2: { formula: '=YUANTOU.OFFER(A2)', value: 1 },
          B9: { formula: '=YUANTOU.OFFER(A9)', value: 2 },
        },
      },
      'Sheet1!B:B',
    );
    expect((await findYuantouCells(context, 'selection', names)).map((c) => c.address)).toEqual([
      'Sheet1!B2',
      'Sheet1!B9',
    ]);
  });

  it('in the active sheet (its used range), and in every sheet of the workbook', async () => {
    const book = sheets();
    expect((await findYuantouCells(book.context, 'sheet', names)).map((c) => c.address)).toEqual([
      'Sheet1!B2',
      'Sheet1!B3',
    ]);
    book.activate('Empty');
    expect(await findYuantouCells(book.context, 'sheet', names)).toEqual([]);
    const all = await findYuantouCells(book.context, 'workbook', names);
    expect(all.map((c) => c.address)).toEqual(['Sheet1!B2', 'Sheet1!B3', "'Link pricing'!B6"]);
    expect(all[2]).toMatchObject({ sheet: 'Link pricing', cell: 'B6', inError: false });
  });

  it('with spills, a formula whose spilled block shows an error is in error too', async () => {
    const { context } = sheets();
    const all = await findYuantouCells(context, 'workbook', names, { spills: true });
    expect(all.filter((c) => c.inError).map((c) => c.address)).toEqual(['Sheet1!B3', "'Link pricing'!B6"]);
  });

  it('says what to do when the selection is several areas', async () => {
    const { context } = fakeWorkbook({ Sheet1: {} }, 'Sheet1!A1,C3');
    await expect(findYuantouCells(context, 'selection', names)).rejects.toThrow(/one block of cells/);
  });
});

describe('reading the links a formula refers to', () => {
  it('reads references on the formula’s sheet or another, whole columns cut to the used range', async () => {
    const { context } = sheets();
    expect(parseReference("'Link pricing'!$A$7:$A$56", 'Sheet1')).toEqual({
      sheet: 'Link pricing',
      range: 'A7:A56',
    });
    expect(parseReference('MyLinks', 'Sheet1')).toBeNull();
    const values = await readSources(context, [
      { sheet: 'Link pricing', reference: 'A7:A8' },
      { sheet: 'Sheet1', reference: "'Link pricing'!A:A" },
      { sheet: 'Sheet1', reference: 'MyLinks' },
      { sheet: 'Sheet1', reference: 'Gone!A1' },
    ]);
    expect(values).toEqual([
      [['https://detail.1688.com/offer/612345678901.html'], ['612345678902']],
      [[''], ['https://detail.1688.com/offer/612345678901.html'], ['612345678902']], // A6:A8, the used rows
      null,
      null,
    ]);
  });
});
