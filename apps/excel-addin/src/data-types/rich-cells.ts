import { supports } from '../runtime/requirements.js';
import type { RichCellCapabilities } from './cell-values.js';

// Whether a custom function may return pictures and cards now. Data types from custom functions need
// CustomFunctionsRuntime 1.4 ("Excel on the web; Windows Microsoft 365 2208+; Mac 16.64+; not on perpetual/LTSC
// Windows", Microsoft's custom-functions data-types page); older hosts and the preview outside Excel get plain
// values. Asked at each call, not at import: `Office.context` exists only after Office.onReady.

/** What the host can show, or `null` for plain values. */
export function richCellCapabilities(): RichCellCapabilities | null {
  if (!supports('richValues')) return null;
  return { doubleNumberFormat: supports('doubleNumberFormat') };
}
