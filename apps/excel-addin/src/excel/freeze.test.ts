import { describe, expect, it } from 'vitest';
import { fakeWorkbook } from './__fixtures__/workbook.js';
import { freezeCells } from './freeze.js';

const card = {
  type: 'Entity',
  text: '毛绒泰迪熊',
  properties: { price: { type: 'Double', basicValue: 12.5 } },
  layouts: { card: { title: { property: 'title' } } },
};

function quote() {
  return fakeWorkbook({
    Quote: {
      B6: { formula: '=YUANTOU.OFFERS(A7:A8,"title,price")', value: 'title', spill: 'B6:C8' },
      C6: { value: 'price' },
      B7: { value: '毛绒泰迪熊', json: card },
      C7: { value: 12.5 },
      B8: { value: '#N/A', json: { type: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' } },
      C8: { value: '' },
      E2: { formula: '=YUANTOU.OFFER(A2,"price")', value: 9.9 },
      E3: { formula: '=YUANTOU.OFFER(A3,"price")', value: 8, busyFor: 3 },
    },
  });
}

describe('freezing yuantou formulas into their values', () => {
  it('writes a spilled block back whole, cards kept, errors as their text; a single cell alone', async () => {
    const { context, book, log } = quote();
    const result = await freezeCells(
      context,
      [
        { sheet: 'Quote', cell: 'B6' },
        { sheet: 'Quote', cell: 'E2' },
      ],
      { rich: true },
    );
    expect(result).toEqual({ frozen: 2, busy: 0, cellsWritten: 7 });
    expect(log.written.map((w) => `${w.address} ${w.property}`)).toEqual([
      'Quote!B6:C8 valuesAsJson',
      'Quote!E2 valuesAsJson',
    ]);
    const cells = book.get('Quote')!;
    expect(cells.get('B6')!.formula).toBeUndefined();
    expect(cells.get('B7')!.json).toEqual(card);
    expect(cells.get('B8')!.json).toEqual({ type: 'String', basicValue: '#N/A' });
    expect(cells.get('E2')!.value).toBe(9.9);
    expect(cells.get('E2')!.formula).toBeUndefined();
  });

  it('leaves a formula that is still calculating, and writes plain values without valuesAsJson', async () => {
    const { context, book, log } = quote();
    book.get('Quote')!.get('E3')!.busyReads = 3; // calculating now
    const result = await freezeCells(
      context,
      [
        { sheet: 'Quote', cell: 'E3' },
        { sheet: 'Quote', cell: 'B6' },
      ],
      { rich: false },
    );
    expect(result).toEqual({ frozen: 1, busy: 1, cellsWritten: 6 });
    expect(log.written.map((w) => `${w.address} ${w.property}`)).toEqual(['Quote!B6:C8 values']);
    expect(book.get('Quote')!.get('E3')!.formula).toBe('=YUANTOU.OFFER(A3,"price")');
    expect(book.get('Quote')!.get('B7')!.value).toBe('毛绒泰迪熊');
  });
});
