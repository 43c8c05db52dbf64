import { describe, expect, it } from 'vitest';
import { fakeWorkbook } from './__fixtures__/workbook.js';
import { recalculateCells } from './recalculate.js';

const noWait = async () => {};

function book() {
  return fakeWorkbook({
    Sheet1: {
      B2: { formula: '=YUANTOU.OFFER(A2,"price")', value: 10, recalculated: 11, busyFor: 3 },
      B3: { formula: '=YUANTOU.OFFER(A3,"price")', value: '#N/A', recalculated: 12 },
      B4: { formula: '=YUANTOU.OFFER(A4,"price")', value: 30, recalculated: 31 },
    },
    'Link pricing': {
      B6: { formula: '=YUANTOU.OFFERS(A7:A56)', value: 'title', recalculated: 'title', busyFor: 1 },
    },
  });
}

describe('recalculating chosen cells', () => {
  it('calculates exactly the cells asked for, waits while they are #BUSY!, counts n of N', async () => {
    const { context, log, book: cells } = book();
    const progress: string[] = [];
    const result = await recalculateCells(
      context,
      [
        { sheet: 'Sheet1', cell: 'B2' },
        { sheet: 'Sheet1', cell: 'B3' },
        { sheet: 'Link pricing', cell: 'B6' },
      ],
      { chunkSize: 2, sleep: noWait, onProgress: (n, total) => progress.push(`${n} of ${total}`) },
    );
    expect(log.calculated).toEqual(['Sheet1!B2', 'Sheet1!B3', 'Link pricing!B6']);
    expect(result).toEqual({ total: 3, done: 3, stillBusy: 0, skipped: 0 });
    // B2 reads #BUSY! twice while B3 is done at once; then the second chunk.
    expect(progress).toEqual(['0 of 3', '1 of 3', '1 of 3', '2 of 3', '3 of 3']);
    expect(cells.get('Sheet1')!.get('B2')!.value).toBe(11);
    expect(cells.get('Sheet1')!.get('B4')!.value).toBe(30); // not chosen, not recalculated
  });

  it('stops between chunks when asked, and reports cells still busy at the deadline', async () => {
    const { context, log } = book();
    let calls = 0;
    const stopped = await recalculateCells(
      context,
      [
        { sheet: 'Sheet1', cell: 'B3' },
        { sheet: 'Sheet1', cell: 'B4' },
      ],
      { chunkSize: 1, sleep: noWait, stopped: () => calls++ > 0 },
    );
    expect(stopped).toEqual({ total: 2, done: 1, stillBusy: 0, skipped: 1 });
    expect(log.calculated).toEqual(['Sheet1!B3']);

    let clock = 0;
    const late = await recalculateCells(context, [{ sheet: 'Sheet1', cell: 'B2' }], {
      sleep: noWait,
      now: () => clock++ * 1000,
      busyTimeoutMs: 500,
    });
    expect(late).toEqual({ total: 1, done: 0, stillBusy: 1, skipped: 0 });
  });
});
