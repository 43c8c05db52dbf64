import { describe, expect, it } from 'vitest';
import { readSelectedText } from './read-selection.js';

/** Just enough of Excel.RequestContext: a selected range whose values arrive on sync. */
function contextWith(values: unknown[][] | Error) {
  const range = { values: undefined as unknown, load: () => {} };
  return {
    workbook: {
      getSelectedRange: () => {
        if (values instanceof Error) throw values;
        return range;
      },
    },
    sync: async () => {
      range.values = values;
    },
  } as unknown as Excel.RequestContext;
}

describe('readSelectedText', () => {
  it('reads every non-blank cell row by row, numbers as text', async () => {
    const text = await readSelectedText(
      contextWith([
        [' https://detail.1688.com/offer/1.html ', ''],
        [612345678901, null],
      ]),
    );
    expect(text).toEqual(['https://detail.1688.com/offer/1.html', '612345678901']);
  });

  it("explains a multi-area selection instead of passing Excel's error on", async () => {
    await expect(readSelectedText(contextWith(new Error('InvalidSelection')))).rejects.toThrow(
      /one block of cells/,
    );
  });
});
