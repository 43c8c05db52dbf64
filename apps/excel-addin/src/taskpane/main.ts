import { insertTable } from '../excel/insert-table.js';
import { readSelectedText } from '../excel/read-selection.js';
import { customFunctionsRegistered } from '../functions/functions-entry.js';
import { sharedRuntime } from '../runtime/shared-runtime.js';
import { mountTaskpane } from './taskpane.js';

// The shared runtime's page: registers the custom functions (functions-entry) and mounts the pane. Outside
// Excel (office.js missing, or loaded with no host) the pane runs in preview mode with insertion disabled.

async function hostIsExcel(): Promise<boolean> {
  if (typeof Office === 'undefined') return false;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel;
}

hostIsExcel()
  .catch(() => false)
  .then((excel) => {
    document.body.dataset.mode = excel ? 'excel' : 'preview';
    document.body.dataset.customFunctions = String(customFunctionsRegistered);
    return mountTaskpane(document, {
      runtime: sharedRuntime,
      insert: excel
        ? (table, target) => Excel.run(async (context) => (await insertTable(context, table, target)).address)
        : null,
      readSelection: excel ? () => Excel.run(readSelectedText) : null,
    });
  })
  .then(() => {
    document.body.dataset.ready = 'true';
  });
