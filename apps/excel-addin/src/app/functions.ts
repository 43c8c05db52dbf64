/* biome-ignore-all lint/suspicious/noExplicitAny: custom-functions-metadata reads these TypeScript types to
   write functions.json; `any[][]` is how a parameter accepts both a text cell and a range. */
import { FUNCTION_CATALOG } from '../app/function-catalog.js';
import { sharedRuntime } from '../app/shared-runtime.js';
import { cellErrorFor } from '../cells/cell-error.js';
import { runInCell, toCustomFunctionsError } from '../cells/excel-cell.js';
import { fieldsRows } from '../cells/function-docs.js';

// The Excel custom functions. custom-functions-metadata reads the JSDoc tags below at build time to generate
// functions.json (ids, parameters, cancelable); build/custom-functions-plugin.ts emits the matching
// CustomFunctions.associate calls. Keep these wrappers thin: the logic is in search-functions.ts.
// `@helpurl`: each function's section of the add-in README, as the build publishes it (help.html on the add-in
// host; build/custom-functions-plugin.ts rewrites https://localhost:3000 to ADDIN_HOST).

/** Read when a cell fails, so the message names the proxy, timeout and any browser block in force. */
const settings = () => sharedRuntime.errorContext();

/**
 * Ranked 1688 suppliers (factories) for a keyword, best first, with a header row.
 * @customfunction SUPPLIERS
 * @helpurl https://localhost:3000/help.html#custom-functions
 * @param keyword What to search for, e.g. "玩具厂".
 * @param [options] Filters, e.g. "provider=tmapi,onebound; factoryOnly; city=汕头; sort=repurchase", or a 2-column range of names and values; rich=off for plain cells.
 * @param [count] How many suppliers to list (1-100, default 10).
 * @param invocation Excel's call context (cancellation).
 * @returns rank, score, company (a card where Excel supports data types), city, factory?, credit level, factory level, years, repurchase rate, response rate, providers, link, flags.
 * @cancelable
 */
export function suppliers(
  keyword: string,
  options?: any[][],
  count?: number,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.functions.suppliers(keyword, options, count, signal),
  );
}

/**
 * Ranked 1688 products for a keyword, best first, with a header row.
 * @customfunction PRODUCTS
 * @helpurl https://localhost:3000/help.html#custom-functions
 * @param keyword What to search for, e.g. "毛绒玩具".
 * @param [options] Filters, e.g. "provider=tmapi; priceMax=20; moq=100; sort=sales", or a 2-column range of names and values; rich=off for plain cells.
 * @param [count] How many products to list (1-100, default 10).
 * @param invocation Excel's call context (cancellation).
 * @returns rank, score, title (a card where Excel supports data types), price, MOQ, monthly sales, repurchase, supplier, link, image (a picture where supported, else its URL), flags.
 * @cancelable
 */
export function products(
  keyword: string,
  options?: any[][],
  count?: number,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.functions.products(keyword, options, count, signal),
  );
}

/**
 * 1688 products that look like the image at a link, best first, with a header row.
 * @customfunction PRODUCTSBYIMAGE
 * @helpurl https://localhost:3000/help.html#custom-functions
 * @param imageUrl An http(s) link to a product photo, on any public site.
 * @param [options] Filters, e.g. "provider=alibaba; region=120,480,80,560; keyword=毛绒; priceMax=20", or a 2-column range of names and values; rich=off for plain cells.
 * @param [count] How many products to list (1-100, default 10).
 * @param invocation Excel's call context (cancellation).
 * @returns rank, score, title (a card where Excel supports data types), price, MOQ, monthly sales, repurchase, supplier, link, image (a picture where supported, else its URL), flags.
 * @cancelable
 */
export function productsByImage(
  imageUrl: string,
  options?: any[][],
  count?: number,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.functions.productsByImage(imageUrl, options, count, signal),
  );
}

/**
 * Details of one 1688 offer in one row, to fill down a column beside the links.
 * @customfunction OFFER
 * @helpurl https://localhost:3000/help.html#offers-by-link
 * @param link A 1688 link (detail.1688.com/offer/….html, m.1688.com, …?offerId=…) or an offer id.
 * @param [fields] Columns in order, e.g. "title,price,moq,stock,supplier" (default: title, price, tiers, moq, stock, supplier, shipsFrom).
 * @param [options] e.g. "language=en; currency=USD; quantity=500; header", or a 2-column range of names and values; rich=off for plain cells.
 * @param invocation Excel's call context (cancellation).
 * @returns One row with the chosen fields (a header row above it with the header option); the title is a card and the image a picture where Excel supports data types.
 * @cancelable
 */
export function offer(
  link: string,
  fields?: string,
  options?: any[][],
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.offers.offer(link, fields, options, signal),
  );
}

/**
 * Details of every 1688 offer in a range of links: a header, then one row per link.
 * @customfunction OFFERS
 * @helpurl https://localhost:3000/help.html#offers-by-link
 * @param links A range of 1688 links or offer ids.
 * @param [fields] Columns in order, e.g. "title,price,moq,stock,supplier".
 * @param [options] e.g. "language=en; currency=USD; quantity=500", or a 2-column range of names and values; rich=off for plain cells.
 * @param invocation Excel's call context (cancellation).
 * @returns A header row, then one row per link (the title a card and the image a picture where supported); a link that fails says why in its first column.
 * @cancelable
 */
export function offers(
  links: any[][],
  fields?: string,
  options?: any[][],
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.offers.offers(links, fields, options, signal),
  );
}

/**
 * The unit price (CNY, or another currency) of a 1688 offer at a quantity, by its price tiers or its variant's price.
 * @customfunction PRICEAT
 * @helpurl https://localhost:3000/help.html#offers-by-link
 * @param link A 1688 link or offer id.
 * @param quantity How many pieces you would order.
 * @param [sku] A variant id (from =OFFER(link,"variants") or the pane), when variants are priced apart.
 * @param [currency] The price in this currency instead of CNY, e.g. "USD" (today's rate from the proxy).
 * @param invocation Excel's call context (cancellation).
 * @returns The unit price in CNY (or in currency); #N/A below the minimum order.
 * @cancelable
 */
export function priceAt(
  link: string,
  quantity: number,
  sku?: string,
  currency?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number> {
  return runInCell(
    invocation,
    settings,
    (signal) => sharedRuntime.offers.priceAt(link, quantity, sku, currency, signal),
    (): never => {
      // No paid call while the formula is typed; a number cell cannot show the spilled hint.
      throw toCustomFunctionsError({
        code: 'notAvailable',
        message: 'finish the formula to look up the price',
      });
    },
  );
}

/**
 * The arguments, columns and options a yuantou function accepts, each with a short description.
 * @customfunction FIELDS
 * @helpurl https://localhost:3000/help.html#fields-what-each-function-accepts
 * @param [name] A function name such as "OFFERS"; blank lists every function.
 * @returns A header (kind, name, description), then one row per argument, column and option.
 */
export function fields(name?: string): string[][] {
  try {
    return fieldsRows(FUNCTION_CATALOG, name).map((row) => row.map(String));
  } catch (error) {
    throw toCustomFunctionsError(cellErrorFor(error, settings()));
  }
}

/**
 * One 1688 supplier's due-diligence row, to fill down a column of member ids or shop links.
 * @customfunction SUPPLIER
 * @helpurl https://localhost:3000/help.html#supplier-due-diligence
 * @param idOrLink A member id (b2b-…), a shop link (https://shopNNN.1688.com, winport.m.1688.com/…?memberId=…) or a login id.
 * @param [fields] Columns in order, e.g. "company,verdict,catalogue,creditCode,shop,chat" (default: company, verdict, location, years, catalogue, creditCode, businessType, perfect30d, repurchase, shop, chat).
 * @param invocation Excel's call context (cancellation).
 * @returns One row with the chosen fields; the company is a card (registration, badges, ratings, signals, links) where Excel supports data types.
 * @cancelable
 */
export function supplier(
  idOrLink: string,
  fields?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.suppliers.supplier(idOrLink, fields, signal),
  );
}

/**
 * What one piece of a 1688 offer costs delivered, in your currency, from your forwarder's rate card.
 * @customfunction LANDED
 * @helpurl https://localhost:3000/help.html#landed-cost
 * @param link A 1688 link or offer id.
 * @param quantity How many pieces you would order.
 * @param rates Your rate card: a table (method, per kg, per CBM, minimum, divisor, currency, agent %, duty %, VAT %; the first row the default) or text such as "air; perKg=38; currency=EUR; duty=4.7; vat=19".
 * @param [options] e.g. "method=sea; currency=USD; chinaFreight=none; detail", or a 2-column range of names and values.
 * @param invocation Excel's call context (cancellation).
 * @returns The landed cost per piece (a number in the rate card's currency or currency=); with detail, a row: per piece, total, currency, quantity, each line, weights, sources, rates, warnings.
 * @cancelable
 * @requiresParameterAddresses
 */
export function landed(
  link: string,
  quantity: number,
  rates: any[][],
  options?: any[][],
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  // CustomFunctionsRuntime 1.3 gives the rates range's address, so a bad rate-card cell is named A1-style
  // (`Rates!G3`); without it, by its row and column in the range.
  const ratesAddress = (invocation as { parameterAddresses?: string[] } | undefined)?.parameterAddresses?.[2];
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.landed.landed(link, quantity, rates, options, signal, ratesAddress || undefined),
  );
}

/**
 * One 1688 supplier's own catalogue, ranked like PRODUCTS, best first, with a header row.
 * @customfunction SUPPLIEROFFERS
 * @helpurl https://localhost:3000/help.html#supplier-due-diligence
 * @param id A member id (b2b-…), a shop link (https://shopNNN.1688.com) or a login id.
 * @param [count] How many products to list (1-100, default 10).
 * @param [options] e.g. "currency=EUR; qty=500; sort=price_asc", or a 2-column range of names and values; rich=off for plain cells.
 * @param invocation Excel's call context (cancellation).
 * @returns rank, score, title (a card where Excel supports data types), price, MOQ, monthly sales, repurchase, supplier, link, image, flags.
 * @cancelable
 */
export function supplierOffers(
  id: string,
  count?: number,
  options?: any[][],
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.supplierOffers.supplierOffers(id, count, options, signal),
  );
}

/**
 * One 1688 offer's price and stock at each fetch the proxy kept, oldest first: a date column, then value columns, ready for a chart.
 * @customfunction OFFERHISTORY
 * @helpurl https://localhost:3000/help.html#offer-history
 * @param link A 1688 link or offer id.
 * @param [field] Value columns in order, e.g. "price,stock" (default: price, priceMax, stock; also moq, tiers, variants, provider).
 * @param [from] Only fetches on or after this date (a date cell or text such as 2026-12-01).
 * @param [to] Only fetches on or before this date.
 * @param invocation Excel's call context (cancellation).
 * @returns A header (fetched at, then the fields), then one row per kept snapshot, oldest first.
 * @cancelable
 */
export function offerHistory(
  link: string,
  field?: string,
  from?: any,
  to?: any,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return runInCell(invocation, settings, (signal) =>
    sharedRuntime.history.offerHistory(link, field, from, to, signal),
  );
}
