import { DEFAULT_STALE_AFTER_DAYS, type StalePolicy } from '../cells/as-of.js';
import { type CellError, inputErrorOf } from '../cells/cell-error.js';
import { errorCell } from '../cells/excel-cell.js';
import { refreshSwitch } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import type { RichCell, Row } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { withAsOfColumns } from './offer-as-of-columns.js';
import { CHANGE_COLUMNS, createPreviousLookup } from './offer-changes.js';
import { withCurrencyColumns } from './offer-currency.js';
import { parseFields } from './offer-fields.js';
import { isBlank, type LinkLookup, lookupLinks, offerIdOf, priceFor } from './offer-links.js';
import { createOfferLookup, type OfferLookupDeps } from './offer-lookup.js';
import { type OfferOptions, parseOfferOptions } from './offer-options.js';
import { priceAtCell } from './offer-price-at.js';
import { headerRow, type OfferColumn, offerRow } from './offer-row.js';

// What =OFFER, =OFFERS and =PRICEAT compute, without the Excel runtime: the cells' options over the workbook's
// defaults, the columns a row shows and the rows themselves. Every offer comes through one lookup
// (offer-lookup.ts: one batch per recalculation, one cache); =PRICEAT's body is offer-price-at.ts.

export interface OfferFunctionDeps extends OfferLookupDeps {
  /**
   * What the host can show in cells (cards, pictures), asked at each call; `null` or absent for plain values
   * (older hosts, the preview).
   */
  richCells?: () => RichCellCapabilities | null;
  /**
   * The workbook's language and currency defaults, read at each call: they apply to =OFFER, =OFFERS and the Links
   * mode where `options` do not set them (as for the search functions). Not to =PRICEAT, whose one number must
   * not change currency with a workbook default: it converts only when its own `currency` argument says so.
   */
  defaults?: () => { language?: string | undefined; currency?: string | undefined };
  /** When rows say `stale` (the stale-after setting), read at each call. */
  stalePolicy?: () => StalePolicy;
}

/** A cell of =OFFERS' spill: a value, or the Excel error of a row that failed. */
export type OffersCell = RichCell | CustomFunctions.Error;

/** The cell's options over the pane's settings (blank settings mean none). */
function withDefaults(options: OfferOptions, deps: OfferFunctionDeps): OfferOptions {
  const defaults = deps.defaults?.() ?? {};
  const language = options.language ?? (defaults.language || undefined);
  const currency = options.currency ?? (defaults.currency || undefined);
  return {
    ...options,
    ...(language ? { language: language as OfferOptions['language'] } : {}),
    ...(currency ? { currency } : {}),
  };
}

export function createOfferFunctions(deps: OfferFunctionDeps) {
  const { batcher, lookup } = createOfferLookup(deps);

  const stalePolicy = () => deps.stalePolicy?.() ?? { staleAfterDays: DEFAULT_STALE_AFTER_DAYS };

  const previousOf = createPreviousLookup({
    client: deps.client,
    cache: deps.cache,
    refresh: deps.refresh ?? refreshSwitch,
  });

  /** The closing columns, and the change columns before them when asked. */
  const closing = (columns: readonly OfferColumn[], options: OfferOptions) =>
    withAsOfColumns([...columns, ...(options.changes ? CHANGE_COLUMNS : [])], stalePolicy());

  /**
   * Every link of a list, each with its offer or why it has none; for the pane's Links mode. `onProgress(done,
   * total)` is called as each link is settled (the batch streams, so links settle as their lines arrive): the
   * pane can show "n of N".
   */
  const linksOf = async (
    links: readonly string[],
    written: OfferOptions,
    signal?: AbortSignal,
    onProgress?: (done: number, total: number) => void,
  ): Promise<LinkLookup[]> => lookupLinks(lookup, links, withDefaults(written, deps), signal, onProgress);

  /** The cells' capabilities: none with `rich=off`. The cache holds offers, not cells, so both share it. */
  const richFor = (options: OfferOptions) => (options.rich === false ? null : (deps.richCells?.() ?? null));

  return {
    batcher,
    lookupLinks: linksOf,

    /** =OFFER(link, [fields], [options]): one row (a header row above it with the `header` option). */
    async offer(link: unknown, fields: string | null | undefined, options: unknown, signal?: AbortSignal) {
      const parsed = withDefaults(parseOfferOptions(options), deps);
      const picked = parseFields(fields, parsed.language);
      const { offer, quote, age } = await lookup(offerIdOf(link), parsed, signal);
      const columns = closing(withCurrencyColumns(picked, quote), parsed);
      const previous = parsed.changes ? await previousOf(offer, age, signal) : undefined;
      const view = {
        offer,
        price: priceFor(offer, parsed.quantity),
        quantity: parsed.quantity,
        quote,
        age,
        previous,
      };
      const row = offerRow(columns, view, richFor(parsed));
      return parsed.header ? [headerRow(columns), row] : [row];
    },

    /**
     * =OFFERS(links, [fields], [options]): a header, then one row per cell of `links`, aligned with it. A blank
     * cell gives a blank row; a link that fails — or a cell of `links` that is itself an error — fails only its
     * own row: an Excel error value (#VALUE! for a bad link, #N/A otherwise) in its first cell saying why.
     */
    async offers(links: unknown, fields: string | null | undefined, options: unknown, signal?: AbortSignal) {
      const parsed = withDefaults(parseOfferOptions(options), deps);
      const picked = parseFields(fields, parsed.language);
      const cells = (Array.isArray(links) ? links.flat() : [links]) as unknown[];
      if (cells.every(isBlank))
        throw new InputError('argument', 'links: give a range of 1688 links or offer ids');
      const asked = (cell: unknown) => !isBlank(cell) && inputErrorOf(cell) === null;
      const found = await linksOf(
        cells.filter(asked).map((cell) => String(cell)),
        parsed,
        signal,
      );
      const rich = richFor(parsed);
      // Every offer of one call shares one quote (one request, one rate); a currency asked adds its columns even
      // when every link failed, so the shape does not depend on the answers.
      const quote = found.flatMap((f) => (f.offer && f.quote ? [f.quote] : []))[0];
      const columns = closing(
        withCurrencyColumns(
          picked,
          quote ?? (parsed.currency ? { currency: parsed.currency, error: 'no offer found' } : undefined),
        ),
        parsed,
      );
      const previous = parsed.changes
        ? await Promise.all(found.map((f) => (f.offer ? previousOf(f.offer, f.age, signal) : undefined)))
        : [];
      const blank = (): Row => columns.map(() => '');
      const failed = (error: CellError): OffersCell[] => {
        const row: OffersCell[] = blank();
        row[0] = errorCell(error);
        return row;
      };
      let next = 0;
      const rows = cells.map((cell): OffersCell[] => {
        const inputError = inputErrorOf(cell);
        if (inputError) return failed(inputError);
        if (isBlank(cell)) return blank();
        const index = next++;
        const one = found[index]!;
        if (one.offer) {
          const view = {
            offer: one.offer,
            price: one.price,
            quantity: parsed.quantity,
            quote: one.quote,
            age: one.age,
            previous: previous[index],
          };
          return offerRow(columns, view, rich);
        }
        return failed(one.cellError ?? { code: 'notAvailable', message: one.error });
      });
      return [headerRow(columns), ...rows];
    },

    /** =PRICEAT(link, quantity, [sku], [currency]): the unit price at `quantity` (offer-price-at.ts). */
    priceAt(link: unknown, quantity: unknown, sku: unknown, currency: unknown, signal?: AbortSignal) {
      return priceAtCell(lookup, link, quantity, sku, currency, signal);
    },
  };
}

export type OfferFunctions = ReturnType<typeof createOfferFunctions>;
