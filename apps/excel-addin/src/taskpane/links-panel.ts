import type { AddinRuntime } from '../app/addin-runtime.js';
import { cellErrorFor } from '../cells/cell-error.js';
import { InputError } from '../cells/input-error.js';
import type { Row } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import type { InsertTarget, SheetTable } from '../excel/insert-table.js';
import { withCurrencyColumns } from '../offers/offer-currency.js';
import { DEFAULT_OFFER_FIELDS, parseFields } from '../offers/offer-fields.js';
import type { LinkLookup } from '../offers/offer-links.js';
import { parseOfferOptions } from '../offers/offer-options.js';
import { offerRow } from '../offers/offer-row.js';
import { type LandedResult, landedColumns, landedForLinks } from './landed-breakdown.js';
import { renderLinks } from './links-view.js';
import { showHistories } from './offer-history-view.js';
import type { SupplierActions } from './results-view.js';

// The pane's "Links" mode: paste 1688 links (or read them from the selected cells), see each offer with its
// tiers and variants, insert them as a table. Lookups go through the runtime's offer functions, so they share
// the batching (one POST /v1/offers for the whole list) and the memory cache with =OFFER cells.

export interface LinksPanelOptions {
  runtime: AddinRuntime;
  /** Each offer's seller: its card and Add to inquiry (supplier-view.ts). */
  supplierActions?: SupplierActions;
}

type InsertFunction = (table: SheetTable, target: InsertTarget) => Promise<string>;

/** Switches the Excel-only parts on when Office.onReady says this is Excel (the pane mounts before that). */
export interface LinksPanel {
  /** Insertion, reading the selected cells' text and a range's values (the rate card); null in preview mode. */
  setExcel(
    insert: InsertFunction | null,
    readSelection: (() => Promise<string[]>) | null,
    readRange?: ((address: string) => Promise<unknown[][]>) | null,
  ): void;
}

/** Most links one lookup takes: a long list is still one request per 200 (the batcher splits it). */
export const MAX_LINKS = 1000;

/** The columns "Insert as table" writes: the default =OFFER fields plus the clean link. */
// The table always has `title (translated)`: the pane's language can change between lookups.
export const LINK_TABLE_FIELDS = `${DEFAULT_OFFER_FIELDS.replace(/^title,/, 'title,translated,')},variants,link`;

/** One link per line (or per cell); blank lines dropped, duplicates kept so the table matches the paste. */
export function parseLinkLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The rows "Insert as table" writes: one per link, a failed link with its reason in the first column. Where
 * Excel has `Range.valuesAsJson`, the title cells are the offer cards and the image cells pictures, as =OFFERS
 * spills them (`quantity` is the one the lookup priced at, shown on the cards).
 */
export function linkTable(
  found: readonly LinkLookup[],
  quantity?: number,
  landed?: ReadonlyMap<string, LandedResult>,
): SheetTable {
  // With the pane's currency setting, converted prices and the rate date beside the CNY ones (one quote per lookup).
  const quote = found.flatMap((f) => (f.offer && f.quote ? [f.quote] : []))[0];
  // With a rate card, the landed cost per piece and total after them.
  const columns = [
    ...withCurrencyColumns(parseFields(LINK_TABLE_FIELDS), quote),
    ...(landed ? landedColumns(landed) : []),
  ];
  const linkColumn = columns.findIndex((c) => c.field === 'link');
  const failed = (f: Extract<LinkLookup, { error: string }>): Row => {
    const row = columns.map((): string => '');
    row[0] = `⚠ ${f.error}`;
    row[linkColumn] = f.link;
    return row;
  };
  return {
    title: 'offers',
    columns,
    rows: found.map((f) =>
      f.offer ? offerRow(columns, { offer: f.offer, price: f.price, quote: f.quote }) : failed(f),
    ),
    richRows: (capabilities: RichCellCapabilities) =>
      found.map((f) =>
        f.offer
          ? offerRow(columns, { offer: f.offer, price: f.price, quantity, quote: f.quote }, capabilities)
          : failed(f),
      ),
  };
}

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;

export function bindLinksPanel(doc: Document, { runtime, supplierActions }: LinksPanelOptions): LinksPanel {
  let insert: InsertFunction | null = null;
  let readSelection: (() => Promise<string[]>) | null = null;
  let readRange: ((address: string) => Promise<unknown[][]>) | null = null;
  const searchForm = byId<HTMLFormElement>(doc, 'search-form');
  const form = byId<HTMLFormElement>(doc, 'links-form');
  const textarea = byId<HTMLTextAreaElement>(doc, 'links');
  const quantity = byId<HTMLInputElement>(doc, 'links-quantity');
  const rates = doc.getElementById('links-rates') as HTMLInputElement | null;
  const error = byId<HTMLElement>(doc, 'links-error');
  const results = byId<HTMLElement>(doc, 'links-results');
  const announce = byId<HTMLElement>(doc, 'links-announce');
  // "n of N" as the streamed batch settles each link (issue 23): shown, not announced line by line — the status
  // region says when the lookup starts and what it found.
  const progress = byId<HTMLElement>(doc, 'links-progress');
  const progressBar = byId<HTMLProgressElement>(doc, 'links-progress-bar');
  const progressText = byId<HTMLElement>(doc, 'links-progress-text');
  const showProgress = (done: number, total: number) => {
    progressBar.max = total;
    progressBar.value = done;
    progressText.textContent = `${done} of ${total} links`;
  };
  const lookupButton = byId<HTMLButtonElement>(doc, 'links-button');
  const readButton = byId<HTMLButtonElement>(doc, 'links-read-selection');
  const insertPanel = byId<HTMLElement>(doc, 'links-insert');
  const insertStatus = byId<HTMLElement>(doc, 'links-insert-status');
  const insertButtons = [
    byId<HTMLButtonElement>(doc, 'links-insert-selection'),
    byId<HTMLButtonElement>(doc, 'links-insert-sheet'),
  ];
  let last: LinkLookup[] = [];
  /** The landed costs of `last`, when a rate card was given. */
  let lastLanded: Map<string, LandedResult> | undefined;
  /** The quantity `last` was priced at, when the buyer gave one. */
  let priced: number | undefined;
  /** Aborts the history requests of the lookup shown. */
  let histories = new AbortController();

  const showMode = () => {
    const links = new FormData(searchForm).get('mode') === 'links';
    doc.body.dataset.paneMode = links ? 'links' : 'search';
  };
  searchForm.addEventListener('change', showMode);
  showMode();

  readButton.addEventListener('click', async () => {
    if (!readSelection) return;
    error.textContent = '';
    try {
      const cells = await readSelection();
      if (cells.length === 0)
        error.textContent = 'The selected cells are empty: select the cells with the links.';
      else textarea.value = cells.join('\n');
    } catch (e) {
      error.textContent = `Could not read the selection: ${e instanceof Error ? e.message : String(e)}`;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const links = parseLinkLines(textarea.value);
    let options: ReturnType<typeof parseOfferOptions>;
    try {
      if (links.length === 0) throw new InputError('argument', 'Paste at least one 1688 link or offer id.');
      if (links.length > MAX_LINKS) throw new InputError('argument', `At most ${MAX_LINKS} links at a time.`);
      options = parseOfferOptions(quantity.value.trim() ? [['quantity', quantity.value]] : undefined);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    // A new lookup stops filling the histories of the one before.
    histories.abort();
    histories = new AbortController();
    lookupButton.disabled = true;
    form.setAttribute('aria-busy', 'true');
    results.replaceChildren();
    announce.textContent = `Looking up ${links.length} links…`;
    showProgress(0, links.length);
    progress.hidden = false;
    try {
      last = await runtime.offers.lookupLinks(links, options, undefined, showProgress);
      priced = options.quantity;
      // With a rate card, each offer's landed cost at its priced quantity (one batch request for the list).
      let landed: Map<string, LandedResult> | undefined;
      const rateCard = rates?.value.trim() ?? '';
      if (rateCard !== '') {
        try {
          landed = await landedForLinks(runtime, last, rateCard, readRange);
        } catch (e) {
          error.textContent = `Landed cost: ${cellErrorFor(e, runtime.errorContext()).message}`;
        }
      }
      lastLanded = landed;
      announce.textContent = renderLinks(results, last, priced, landed, supplierActions);
      // Each offer's changes and price chart, from the history the proxy kept (free; filled as they arrive).
      void showHistories(results, last, {
        offerHistory: (ref, params, opts) => runtime.client().offerHistory(ref, params, opts),
        errorText: (e) => cellErrorFor(e, runtime.errorContext()).message,
        quantity: priced,
        signal: histories.signal,
      });
      insertPanel.hidden = last.length === 0;
      insertStatus.textContent = insert
        ? ''
        : 'Preview mode: open this pane in Excel to insert offers into a sheet.';
    } catch (e) {
      results.replaceChildren();
      announce.textContent = 'Lookup failed.';
      error.textContent = cellErrorFor(e, runtime.errorContext()).message;
    } finally {
      progress.hidden = true;
      lookupButton.disabled = false;
      form.setAttribute('aria-busy', 'false');
    }
  });

  const insertInto = async (target: InsertTarget) => {
    if (!insert || last.length === 0) return;
    insertStatus.textContent = 'Inserting…';
    try {
      insertStatus.textContent = `Inserted at ${await insert(linkTable(last, priced, lastLanded), target)}`;
    } catch (e) {
      insertStatus.textContent = `Could not insert: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  insertButtons[0]!.addEventListener('click', () => void insertInto('selection'));
  insertButtons[1]!.addEventListener('click', () => void insertInto('newSheet'));

  const setExcel: LinksPanel['setExcel'] = (nextInsert, nextRead, nextReadRange = null) => {
    insert = nextInsert;
    readSelection = nextRead;
    readRange = nextReadRange;
    readButton.disabled = readSelection === null;
    readButton.title = readSelection ? '' : 'Open this pane in Excel to read links from cells.';
    for (const button of insertButtons) button.disabled = insert === null;
  };
  setExcel(null, null);
  return { setExcel };
}
