import { freezeCells } from '../excel/freeze.js';
import { recalculateCells } from '../excel/recalculate.js';
import { findYuantouCells, readSources } from '../excel/yuantou-cells.js';
import { supports } from '../runtime/requirements.js';
import type { RefreshExcel } from './refresh-panel.js';

// The refresh panel's Excel side over Excel.run, or why this Excel cannot have it. Range.calculate (ExcelApi
// 1.6) is the only way to recalculate chosen cells and not the whole sheet; Freeze needs a formula's spill
// range (ExcelApi 1.12) so it never cuts a spilled block; cards survive a freeze where valuesAsJson (1.16) exists.

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function excelRefresh(run: Run): { excel: RefreshExcel | null; note: string } {
  if (!supports('recalculate')) {
    return { excel: null, note: 'This Excel is too old to recalculate chosen cells (ExcelApi 1.6 needed).' };
  }
  return {
    note: '',
    excel: {
      find: (scope, names, options) =>
        run((context) =>
          findYuantouCells(context, scope, names, {
            spills: (options?.spills ?? false) && supports('spills'),
          }),
        ),
      readSources: (sources) => run((context) => readSources(context, sources)),
      recalculate: (cells, options) => run((context) => recalculateCells(context, cells, options)),
      freeze: (cells) => {
        if (!supports('spills'))
          throw new Error(
            'Freeze needs ExcelApi 1.12 (to keep spilled rows whole); copy and paste values instead.',
          );
        return run((context) => freezeCells(context, cells, { rich: supports('valuesAsJson') }));
      },
    },
  };
}
