// office.js for the refresh panel's browser test: Excel on the web with one sheet of yuantou formulas (no
// namespace, as the test build writes them). As in Excel, properties are read after load + sync, writes and
// calculate() happen at the next sync, and a recalculated formula shows #BUSY! until the test calls
// `fakeExcel.release()` — so the test can look at the pane while the progress is showing. Only what
// excel/yuantou-cells.ts, recalculate.ts and freeze.ts call is modelled; anything else throws.

export const FAKE_REFRESH_OFFICE_JS = `
(() => {
  const LINK = 'https://detail.1688.com/offer/612345678901.html';
  const sheet = {
    A2: { value: LINK }, A3: { value: LINK },
    B2: { formula: '=OFFER(A2,"price")', value: 10 },
    B3: { formula: '=OFFER(A3,"price")', value: '#N/A' },
    C2: { formula: '=SUPPLIERS("玩具厂",,2)', value: 'rank', spill: 'C2:C4' },
    C3: { value: 1 }, C4: { value: 2 },
    D2: { formula: '=SUM(B2:B3)', value: 10 },
  };
  const log = { calculated: [], written: [], held: false };
  log.release = () => { log.held = false; };
  window.fakeExcel = log;
  const pending = [];
  const col = (letters) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const name = (c) => String.fromCharCode(65 + c);
  const bounds = (a1) => {
    const [from, to = from] = a1.split(':');
    const p = (ref) => { const m = /^([A-Z]+)(\\d+)$/.exec(ref); return [Number(m[2]) - 1, col(m[1])]; };
    const [r1, c1] = p(from); const [r2, c2] = p(to);
    return { r1, c1, r2, c2 };
  };
  const shown = (cell) => (cell.busy && log.held ? '#BUSY!' : cell.value);
  const range = (a1) => {
    const loaded = {};
    const grid = (f) => {
      const { r1, c1, r2, c2 } = bounds(a1);
      const rows = [];
      for (let r = r1; r <= r2; r++) { const row = []; for (let c = c1; c <= c2; c++) row.push(f(sheet[name(c) + (r + 1)] || { value: '' })); rows.push(row); }
      return rows;
    };
    const compute = {
      address: () => 'Sheet1!' + a1,
      formulas: () => grid((c) => c.formula ?? c.value),
      values: () => grid(shown),
      valueTypes: () => grid((c) => (/^#/.test(String(shown(c))) ? 'Error' : 'String')),
      valuesAsJson: () => grid((c) => ({ type: typeof c.value === 'number' ? 'Double' : 'String', basicValue: c.value })),
    };
    const target = {
      isNullObject: a1 === null,
      load(props) { const list = Array.isArray(props) ? props : [props]; pending.push(() => { if (a1) for (const p of list) loaded[p] = compute[p](); }); },
      calculate() { pending.push(() => { const cell = sheet[a1]; if (cell && cell.formula) { log.calculated.push('Sheet1!' + a1); cell.busy = true; } }); },
      getSpillingToRangeOrNullObject: () => range((sheet[a1] || {}).spill || null),
      get worksheet() { return worksheet; },
      getIntersectionOrNullObject(other) {
        const a = bounds(a1); const b = bounds(other.a1);
        const r1 = Math.max(a.r1, b.r1), c1 = Math.max(a.c1, b.c1), r2 = Math.min(a.r2, b.r2), c2 = Math.min(a.c2, b.c2);
        return range(r1 > r2 || c1 > c2 ? null : name(c1) + (r1 + 1) + ':' + name(c2) + (r2 + 1));
      },
      a1,
    };
    return new Proxy(target, {
      get(t, p) {
        if (p in t) return t[p];
        if (!(p in compute)) throw new Error('the fake has no Range.' + String(p));
        if (!(p in loaded)) throw new Error('PropertyNotLoaded: ' + String(p));
        return loaded[p];
      },
      set(t, p, value) {
        pending.push(() => {
          log.written.push('Sheet1!' + a1 + ' ' + p);
          const { r1, c1 } = bounds(a1);
          value.forEach((row, r) => row.forEach((v, c) => { sheet[name(c1 + c) + (r1 + r + 1)] = { value: p === 'valuesAsJson' ? v.basicValue : v }; }));
        });
        return true;
      },
    });
  };
  const worksheet = { name: 'Sheet1', getRange: range, getUsedRangeOrNullObject: () => range('A2:D4'), getUsedRange: () => range('A2:D4') };
  const worksheets = {
    items: [], load() { pending.push(() => { worksheets.items = [worksheet]; }); },
    getItem: () => worksheet, getItemOrNullObject: () => worksheet, getActiveWorksheet: () => worksheet,
  };
  const context = {
    workbook: { worksheets, getSelectedRange: () => range('B2:C4') },
    application: { cultureInfo: { name: 'en-US', load() {} } },
    async sync() {
      for (const cell of Object.values(sheet)) if (cell.busy && !log.held) { cell.busy = false; if (typeof cell.value === 'number') cell.value += 1; else if (cell.value === '#N/A') cell.value = 12; }
      for (const step of pending.splice(0)) step();
    },
  };
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    HostType: { Excel: 'Excel' },
    // ExcelApi up to 1.16 (minor versions compared as numbers: 1.6 < 1.16). No officeTheme: the pane follows
    // the browser's colour scheme, which the test switches.
    context: { requirements: { isSetSupported: (set, v) => set === 'ExcelApi' && Number(String(v).split('.')[1]) <= 16 } },
  };
  window.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} };
  window.Excel = { run: (batch) => batch(context) };
})();
`;
