import { customFunctionsRegistered } from '../app/functions-entry.js';
import { officeStart, sharedRuntime } from '../app/shared-runtime.js';
import { insertFormula, selectedAddress } from '../excel/insert-formula.js';
import { type InsertTarget, insertTable, type SheetTable } from '../excel/insert-table.js';
import { readSelectedText } from '../excel/read-selection.js';
import { selectedCell, writeCellsInSheet, writeTemplateSheet } from '../excel/write-template.js';
import { within } from '../runtime/office-start.js';
import { followTheme } from '../runtime/office-theme.js';
import { missingFeatures } from '../runtime/requirements.js';
import { excelRefresh } from './refresh-excel.js';
import { mountTaskpane } from './taskpane.js';

// The shared runtime's page: registers the custom functions (functions-entry) and mounts the pane AT ONCE,
// then switches on Excel features when Office.onReady resolves. If it has not resolved within
// OFFICE_WAIT_MS (office.js stalled or absent) the pane says it is in preview mode — and still upgrades if
// Office turns up later.

const OFFICE_WAIT_MS = 15_000;
const body = document.body;
followTheme(document);
const pane = mountTaskpane(document, {
  runtime: sharedRuntime,
  namespace: typeof __ADDIN_NAMESPACE__ === 'string' ? __ADDIN_NAMESPACE__ : '',
});
body.dataset.form = 'ready';
const hostStatus = document.getElementById('host-status')!;

const PREVIEW_NOTE = 'Preview mode: open this pane in Excel to insert results into a sheet.';

function enableExcel(): void {
  body.dataset.mode = 'excel';
  const missing = missingFeatures();
  const note = document.getElementById('requirements-note')!;
  const readSelection = () => Excel.run(readSelectedText);
  const readRange = (address: string) =>
    Excel.run(async (context) => {
      const bang = address.lastIndexOf('!');
      const sheet =
        bang === -1
          ? context.workbook.worksheets.getActiveWorksheet()
          : context.workbook.worksheets.getItem(address.slice(0, bang).replace(/^'(.*)'$/, '$1'));
      const range = sheet.getRange(address.slice(bang + 1));
      range.load('values');
      await context.sync();
      return range.values;
    });
  pane.templates.setExcel({
    write: (name, cells) => Excel.run((context) => writeTemplateSheet(context, name, cells)),
    // Application.cultureInfo is ExcelApi 1.11; before it, the pane's currency setting alone decides.
    cultureName: () =>
      Excel.run(async (context) => {
        const culture = context.application.cultureInfo;
        culture.load('name');
        await context.sync();
        return culture.name;
      }).catch(() => null),
    selectedCell: () => Excel.run(selectedCell),
    writeCells: (sheet, cells) => Excel.run((context) => writeCellsInSheet(context, sheet, cells)),
  });
  // The builder needs only ExcelApi 1.1 (getSelectedRange, Range.formulas, getRange).
  pane.builder.setExcel({
    selectedAddress: () => Excel.run(selectedAddress),
    insertFormula: (formula) => Excel.run((context) => insertFormula(context, formula)),
    readRange,
  });
  if (missing.some((m) => m.feature === 'resize')) {
    pane.setInsert(
      null,
      'This Excel is too old to insert tables (ExcelApi 1.2 needed); the functions still work.',
    );
    pane.links.setExcel(null, readSelection, readRange);
  } else {
    const insert = (table: SheetTable, target: InsertTarget) =>
      Excel.run(async (context) => {
        const inserted = await insertTable(context, table, target);
        const plain = inserted.fallbacks.length
          ? ` (plain ${inserted.fallbacks.join(', ')}: see the note)`
          : '';
        return `${inserted.address}${plain}`;
      });
    pane.setInsert(insert, '');
    pane.links.setExcel(insert, readSelection, readRange);
  }
  const refresh = excelRefresh((batch) => Excel.run(batch));
  pane.refresh.setExcel(refresh.excel, refresh.note);
  note.hidden = missing.length === 0;
  note.textContent = missing.length
    ? `This Excel lacks ${missing.map((m) => `${m.set} ${m.version}`).join(', ')}: ${missing.map((m) => m.feature).join(', ')} use a plainer fallback.`
    : '';
  hostStatus.textContent = '';
}

void within(officeStart, OFFICE_WAIT_MS, undefined).then((info) => {
  followTheme(document); // Office.context.officeTheme exists only once Office.onReady has resolved
  if (info?.host === 'Excel') enableExcel();
  else {
    body.dataset.mode = 'preview';
    pane.setInsert(null, PREVIEW_NOTE);
    hostStatus.textContent =
      info === undefined
        ? 'Excel did not answer yet: preview mode until it does.'
        : 'Preview mode (not in Excel).';
    // A slow office.js that finally answers as Excel still gets the Excel features.
    if (info === undefined) void officeStart.then((late) => late?.host === 'Excel' && enableExcel());
  }
  void customFunctionsRegistered.then((registered) => {
    body.dataset.customFunctions = String(registered);
  });
  body.dataset.ready = 'true';
});
