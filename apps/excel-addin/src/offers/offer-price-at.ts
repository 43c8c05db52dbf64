import { CurrencyCode, convertCny, OfferPriceError, priceAt } from '@yuantou/core';
import { NotAvailableError } from '../cells/cell-error.js';
import { InputError } from '../cells/input-error.js';
import { isBlank, offerIdOf } from './offer-links.js';
import type { OfferLookup } from './offer-lookup.js';

// =PRICEAT's one number, from the same batched offer as =OFFER's row (offer-lookup.ts): the price at a quantity is
// computed here with core's priceAt, so every quantity and SKU of one offer costs one lookup.

/**
 * =PRICEAT(link, quantity, [sku], [currency]): the unit price in CNY at `quantity`, or in `currency` converted
 * with the proxy's rate (core's convertCny, as every converted price). Below the minimum order it is #N/A
 * "minimum order is 100 件"; an unknown variant or currency code is #VALUE! naming it; a rate the proxy
 * could not get is #N/A saying so, never the CNY figure.
 */
export async function priceAtCell(
  lookup: OfferLookup,
  link: unknown,
  quantity: unknown,
  sku: unknown,
  currency: unknown,
  signal?: AbortSignal,
): Promise<number> {
  const offerId = offerIdOf(link);
  const amount = typeof quantity === 'number' ? quantity : Number(String(quantity ?? '').trim());
  if (isBlank(quantity) || !Number.isFinite(amount) || amount <= 0) {
    throw new InputError('argument', `quantity must be a number above 0, got "${String(quantity ?? '')}"`);
  }
  const skuId = isBlank(sku) ? undefined : String(sku).trim();
  const code = isBlank(currency) ? undefined : CurrencyCode.safeParse(String(currency));
  if (code && !code.success) {
    throw new InputError('argument', `currency: "${String(currency).trim()}" is not a code such as USD`);
  }
  const { offer, quote } = await lookup(offerId, code ? { currency: code.data } : {}, signal);
  let price: ReturnType<typeof priceAt>;
  try {
    price = priceAt(offer, amount, skuId === undefined ? {} : { skuId });
  } catch (error) {
    if (!(error instanceof OfferPriceError)) throw error;
    if (error.problem === 'no_price') throw new NotAvailableError(error.message);
    throw new InputError('argument', error.message);
  }
  if (price.belowMoq) {
    const moq = offer.moq ?? price.tierMinQuantity;
    throw new NotAvailableError(`minimum order is ${moq} ${offer.unit ?? offer.unitTranslated ?? 'pieces'}`);
  }
  if (!code) return price.unitPrice;
  const converted = quote ? convertCny(price.unitPrice, quote) : null;
  if (!converted || 'error' in converted) {
    throw new NotAvailableError(
      `no ${code.data} rate: ${converted && 'error' in converted ? converted.error : 'the proxy gave none'}`,
    );
  }
  return converted.amount;
}
