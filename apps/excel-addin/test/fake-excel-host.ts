// A stand-in for office.js and Excel in the browser tests (served in place of Microsoft's CDN script): Office
// answers onReady as Excel on the web, CustomFunctions takes the associations, and Excel.run gets a tiny
// workbook — a selection, sheets with cells, fonts, culture — that records what the pane writes into
// `window.fakeExcel`. Property reads need load + sync as in Excel (values arrive on sync). Only what the
// builder and the templates call is modelled; anything else throws, so a test notices. The custom functions the
// pane associates are kept in `window.fakeExcelFunctions` (test/sheet-grid.ts calculates a written sheet with them).

export const FAKE_OFFICE_JS = `
(() => {
  const log = { formulas: {}, values: {}, bold: [], sheets: ['Sheet1'], active: 'Sheet1', syncs: 0 };
  window.fakeExcel = log;
  const cellRange = (sheet, address) => ({
    address: sheet + '!' + address,
    load() {},
    getCell(r, c) { if (r || c) throw new Error('only the top-left cell is modelled'); return cellRange(sheet, address.split(':')[0]); },
    set formulas(v) { log.formulas[sheet + '!' + address] = v[0][0]; },
    set values(v) { log.values[sheet + '!' + address] = v[0][0]; },
    format: {
      font: { set bold(v) { if (v) log.bold.push(sheet + '!' + address); }, set italic(v) {}, set size(v) {} },
      autofitColumns() {},
    },
  });
  const worksheets = {
    items: undefined,
    _loaded: false,
    load() { this._loaded = true; },
    add(name) { log.sheets.push(name); return { getRange: (a) => cellRange(name, a), activate() { log.active = name; } }; },
    getActiveWorksheet() { return { getRange: (a) => cellRange(log.active, a) }; },
    getItem(name) { return { getRange: (a) => cellRange(name, a) }; },
  };
  const context = {
    workbook: { worksheets, getSelectedRange: () => cellRange(log.active, 'C3:D4') },
    application: { cultureInfo: { name: 'en-GB', load() {} } },
    async sync() { log.syncs += 1; if (worksheets._loaded) worksheets.items = log.sheets.map((name) => ({ name })); },
  };
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    HostType: { Excel: 'Excel' },
    context: {
      requirements: { isSetSupported: (set, v) => set === 'ExcelApi' && Number(v) <= 1.11 },
      officeTheme: { bodyBackgroundColor: '#ffffff', isDarkTheme: false },
    },
  };
  // The functions the pane associates (its shared runtime), kept so a test can calculate a written sheet with them.
  window.fakeExcelFunctions = {};
  window.CustomFunctions = {
    associate(id, fn) { window.fakeExcelFunctions[id] = fn; },
    Error: class extends Error {},
    ErrorCode: {},
  };
  window.Excel = { run: (batch) => batch(context) };
})();
`;
