import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import {
  chooseWorkbookStore,
  type KeyValueStore,
  memoryStore,
  type OfficeDocumentSettings,
  SETTINGS_KEY,
  WORKBOOK_SETTINGS_KEY,
  workbookStore,
} from '../runtime/settings-store.js';
import { createAddinRuntime } from './addin-runtime.js';

// Issue 21: "A formula means the same in every copy of the workbook: defaults that change a function's output
// (language, currency, quantity) live in the workbook (Office.context.document.settings), not per machine."
// The workbook is an office-addin-mock `Office` whose document settings behave as Office documents them: `set`
// changes an in-memory copy, `saveAsync` writes it into the file. A colleague opens the FILE (only what was saved).

/** A workbook file: what `saveAsync` wrote into it. */
type WorkbookFile = Record<string, unknown>;

/** `Office` as office-addin-mock builds it, with document settings over `file`. */
function officeOpening(file: WorkbookFile, options: { failSave?: boolean } = {}) {
  const memory: Record<string, unknown> = structuredClone(file);
  const settings: OfficeDocumentSettings = {
    get: (name) => memory[name] ?? null,
    set: (name, value) => {
      memory[name] = value;
    },
    remove: (name) => {
      delete memory[name];
    },
    saveAsync: (callback) => {
      if (options.failSave) {
        callback?.({ status: 'failed', error: { message: 'the document is read-only' } });
        return;
      }
      for (const key of Object.keys(file)) delete file[key];
      Object.assign(file, structuredClone(memory));
      callback?.({ status: 'succeeded' });
    },
  };
  return new OfficeMockObject({ context: { document: { settings } } }) as unknown as {
    context: { document: { settings: OfficeDocumentSettings } };
  };
}

/** Records each request URL. */
function recordingFetch() {
  const urls: string[] = [];
  const fetch = (async (input: string) => {
    urls.push(input);
    const body = {
      items: [],
      page: 1,
      pageSize: 50,
      total: 0,
      hasNext: false,
      providers: [],
      sampleData: true,
    };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { urls, fetch };
}

function machine(saved: object): KeyValueStore {
  const store = memoryStore();
  void store.setItem(SETTINGS_KEY, JSON.stringify(saved));
  return store;
}

describe('workbook defaults (Office.context.document.settings)', () => {
  it('round trip: saved into the file, read on a colleague machine, the same formula sends the same request', async () => {
    const file: WorkbookFile = {};
    const mine = recordingFetch();
    const me = createAddinRuntime({
      store: machine({}),
      workbook: workbookStore(officeOpening(file).context.document.settings),
      fetch: mine.fetch,
    });
    await me.update({ language: 'en', currency: 'eur', quantity: '500' });
    expect(JSON.parse(String(file[WORKBOOK_SETTINGS_KEY]))).toEqual({
      language: 'en',
      currency: 'EUR',
      quantity: 500,
      staleAfterDays: 7,
    });
    await me.functions.products('毛绒玩具', undefined, 3);

    // The colleague's machine once kept other defaults per machine (an older build): they change nothing.
    const theirs = recordingFetch();
    const colleague = createAddinRuntime({
      store: machine({ language: 'ru', currency: 'GBP' }),
      workbook: workbookStore(officeOpening(file).context.document.settings),
      fetch: theirs.fetch,
    });
    expect(await colleague.ready()).toMatchObject({ language: 'en', currency: 'EUR', quantity: 500 });
    expect(colleague.workbookDefaults()).toEqual({
      language: 'en',
      currency: 'EUR',
      quantity: 500,
      staleAfterDays: 7,
    });
    await colleague.functions.products('毛绒玩具', undefined, 3);
    const query = (url: string) => new URL(url).searchParams;
    expect(query(theirs.urls[0]!).toString()).toBe(query(mine.urls[0]!).toString());
    expect(query(theirs.urls[0]!).get('quantity')).toBe('500');
    expect(query(theirs.urls[0]!).get('currency')).toBe('EUR');
  });

  it('a workbook without defaults gives the same table on every machine: no language, currency or quantity', async () => {
    const { urls, fetch } = recordingFetch();
    const runtime = createAddinRuntime({
      store: machine({ language: 'en', currency: 'EUR' }),
      workbook: workbookStore(officeOpening({}).context.document.settings),
      fetch,
    });
    await runtime.functions.suppliers('玩具厂', undefined, 3);
    const query = new URL(urls[0]!).searchParams;
    expect(query.has('language')).toBe(false);
    expect(query.has('currency')).toBe(false);
    expect(await runtime.workbookStoreKind()).toBe('this workbook');
  });

  it('quantity applies to product searches only (=SUPPLIERS refuses it)', async () => {
    const { urls, fetch } = recordingFetch();
    const file: WorkbookFile = { [WORKBOOK_SETTINGS_KEY]: JSON.stringify({ quantity: 500 }) };
    const runtime = createAddinRuntime({
      store: machine({}),
      workbook: workbookStore(officeOpening(file).context.document.settings),
      fetch,
    });
    await runtime.functions.suppliers('玩具厂', undefined, 3);
    await runtime.functions.products('玩具', undefined, 3);
    expect(urls.map((u) => new URL(u).searchParams.get('quantity'))).toEqual([null, '500']);
  });

  it('saving the proxy URL does not touch the workbook; a failed save says why', async () => {
    const file: WorkbookFile = {};
    const runtime = createAddinRuntime({
      store: machine({}),
      workbook: workbookStore(officeOpening(file).context.document.settings),
    });
    await runtime.update({ proxyUrl: 'http://10.0.0.2:8787' });
    expect(file).toEqual({});

    const readOnly = createAddinRuntime({
      store: machine({}),
      workbook: workbookStore(officeOpening({}, { failSave: true }).context.document.settings),
    });
    await expect(readOnly.update({ currency: 'USD' })).rejects.toThrow(/read-only/);
  });

  it('the proxy URL and token apply at once, without waiting for the workbook (after Office.onReady)', async () => {
    const runtime = createAddinRuntime({
      store: machine({ proxyUrl: 'http://10.0.0.3:8787', token: 'machine-token' }),
      workbook: new Promise<KeyValueStore>(() => {}),
      settingsWaitMs: 60_000,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(runtime.settings()).toMatchObject({ proxyUrl: 'http://10.0.0.3:8787', token: 'machine-token' });
  });

  it('stale after (days) travels with the file; a value an older build kept on this computer is still read', async () => {
    // An older build kept the days on this machine; this workbook has none of its own.
    const file: WorkbookFile = { [WORKBOOK_SETTINGS_KEY]: JSON.stringify({ language: 'en' }) };
    const myMachine = machine({ staleAfterDays: 14 });
    const mine = createAddinRuntime({
      store: myMachine,
      workbook: workbookStore(officeOpening(file).context.document.settings),
    });
    expect((await mine.ready()).staleAfterDays).toBe(14);
    expect(mine.workbookDefaults().staleAfterDays).toBe(14);
    // Saving the proxy URL keeps the older value on this machine: other workbooks still fall back to it.
    await mine.update({ proxyUrl: 'http://10.0.0.4:8787' });
    expect(JSON.parse((await myMachine.getItem(SETTINGS_KEY))!)).toMatchObject({
      proxyUrl: 'http://10.0.0.4:8787',
      staleAfterDays: 14,
    });
    expect(file[WORKBOOK_SETTINGS_KEY]).toBe(JSON.stringify({ language: 'en' }));

    // Saved in the pane: into the workbook, and the colleague (no machine value) reads the file's.
    await mine.update({ staleAfterDays: '30' });
    expect(JSON.parse(String(file[WORKBOOK_SETTINGS_KEY]))).toMatchObject({ staleAfterDays: 30 });
    const colleague = createAddinRuntime({
      store: machine({ staleAfterDays: 2 }),
      workbook: workbookStore(officeOpening(file).context.document.settings),
    });
    expect((await colleague.ready()).staleAfterDays).toBe(30);
    await expect(mine.update({ staleAfterDays: '400' })).rejects.toThrow(/from 1 to 365/);
  });

  it('outside Office (no document) the defaults live in this page only, and the pane can say so', () => {
    expect(chooseWorkbookStore().kind).toBe('this page only');
  });
});
