import {
  type ConversionFailure,
  convertCny,
  type Offer,
  type OfferPrice,
  type OfferPricesConverted,
  type RateQuote,
} from '@yuantou/core';

// An offer's CNY prices in the buyer's currency, through the one conversion searches use (`convertCny` with the
// quote of `fx.quote`): every amount carries its rate and date, and a rate that could not be had is an error in
// each field — never a CNY amount passed off as converted. The CNY prices in `offer` stay as they are.

type Quote = RateQuote | ConversionFailure;

export function convertOfferPrices(offer: Offer, quote: Quote): OfferPricesConverted {
  return {
    priceMin: convertCny(offer.priceMin, quote),
    priceMax: convertCny(offer.priceMax, quote),
    priceTiers: offer.priceTiers.map((tier) => ({
      minQuantity: tier.minQuantity,
      price: convertCny(tier.price, quote)!,
      ...(tier.promotionPrice == null ? {} : { promotionPrice: convertCny(tier.promotionPrice, quote) }),
    })),
    skus: offer.skus.map((sku) => ({
      id: sku.id,
      price: convertCny(sku.price, quote),
      ...(sku.promotionPrice == null ? {} : { promotionPrice: convertCny(sku.promotionPrice, quote) }),
    })),
  };
}

/** The price at a quantity with its unit price and subtotal converted too. */
export function convertOfferPrice(price: OfferPrice, quote: Quote): OfferPrice {
  return {
    ...price,
    unitPriceConverted: convertCny(price.unitPrice, quote)!,
    subtotalConverted: convertCny(price.subtotal, quote)!,
    ...(price.cheaperTotalAt
      ? { cheaperTotalAtConverted: convertCny(price.cheaperTotalAt.subtotal, quote)! }
      : {}),
  };
}
