import {
  type ConversionFailure,
  effectivePrice,
  type Offer,
  type OfferPrice,
  type ProductResult,
  type RankedProduct,
  type RankedSupplier,
  type RateQuote,
  type ScoreFactor,
} from '@yuantou/core';
import { offerCardAdditions, productCardAdditions } from './card-currency.js';
import {
  booleanValue,
  type CardProperty,
  definedProperties,
  numberValue,
  placeText,
  type RichCellCapabilities,
  section,
  textValue,
  webImage,
} from './cell-values.js';

// Entity cards ("like Excel's own Stocks") for a ranked supplier or product, or an offer looked up by link: the
// cell shows the name, a click opens the card, and `=A2.Score` reads a property. Built only from the item the
// proxy returned — cards are saved in the workbook, so nothing from the settings (proxy URL, token) may ever go in.
//
// Property names are the ones a formula uses (`=A2.Score`, `=A2.[Repurchase rate]`): short English words, the
// same for every card of a kind so a column of cards can be referenced uniformly.

const PERCENT = '0.0%';
const SCORE = '0.0';
const INTEGER = '#,##0';
const PRICE_CNY = '"¥"#,##0.00';

/** The red flags that capped the score, each with its reason (ranking v2). */
function redFlags(item: RankedSupplier | RankedProduct): string[] {
  return item.flags.map((flag) => flag.reason).filter((reason) => reason !== '');
}

/** "Why it ranks here" as a card section: one numeric property per factor, its points out of 100. */
function breakdownProperties(
  breakdown: readonly ScoreFactor[],
  capabilities: RichCellCapabilities,
): [string, CardProperty][] {
  return breakdown.map((factor) => [
    `Why: ${factor.label}`,
    {
      ...numberValue(factor.points, '0.00', capabilities),
      propertyMetadata: { sublabel: factor.value === null ? 'no data' : String(factor.value) },
    } as CardProperty,
  ]);
}

const num = (value: number | null | undefined, format: string, capabilities: RichCellCapabilities) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : numberValue(value, format, capabilities);
const text = (value: string | null | undefined) => (value ? textValue(value) : null);

/**
 * Factory or trader as the provider declared it, else as ranking inferred it from the name or tags (its
 * breakdown line reads e.g. `trader (inferred: 贸易)`), marked so.
 */
function factoryOrTrader(s: RankedSupplier): string | null {
  if (s.isFactory !== null) return s.isFactory ? 'Factory' : 'Trader';
  const line = s.breakdown.find((f) => f.factor === 'factory');
  if (typeof line?.value !== 'string' || !/inferred/i.test(line.value)) return null;
  return /^trader/i.test(line.value) ? 'Trader (inferred)' : 'Factory (inferred)';
}

export function supplierCard(s: RankedSupplier, capabilities: RichCellCapabilities): Excel.EntityCellValue {
  const name = s.name ?? s.nick ?? s.id;
  const flags = redFlags(s);
  const location = placeText(s.location);
  const properties = definedProperties([
    ['Name', textValue(name)],
    ['Score', num(s.score, SCORE, capabilities)],
    ['Location', text(location)],
    ['Factory or trader', text(factoryOrTrader(s))],
    ['Credit', text(s.creditLevel)],
    ['Factory level', text(s.factoryLevel)],
    ['Super factory', s.isSuperFactory === null ? null : booleanValue(s.isSuperFactory)],
    ['Years', num(s.yearsOnPlatform, INTEGER, capabilities)],
    ['Repurchase rate', num(s.repurchaseRate, PERCENT, capabilities)],
    ['Response rate', num(s.responseRate, PERCENT, capabilities)],
    ['Return rate', num(s.returnRate, PERCENT, capabilities)],
    ['Area m2', num(s.areaM2, INTEGER, capabilities)],
    ['Main products', s.mainProducts.length ? textValue(s.mainProducts.join(', ')) : null],
    ['Red flags', flags.length ? textValue(flags.join('; ')) : null],
    ['Providers', textValue(s.sources.join(', '))],
    ['Link', text(s.url)],
    ...breakdownProperties(s.breakdown, capabilities),
  ]);
  const why = s.breakdown.map((f) => `Why: ${f.label}`);
  return entity(name, properties, {
    icon: 'Factory',
    title: 'Name',
    sections: [
      section(
        'Company',
        [
          'Score',
          'Location',
          'Factory or trader',
          'Credit',
          'Factory level',
          'Super factory',
          'Years',
          'Area m2',
        ],
        properties,
      ),
      section('Buyers', ['Repurchase rate', 'Response rate', 'Return rate', 'Main products'], properties),
      section('Red flags', ['Red flags'], properties),
      section('Why it ranks here', why, properties, { collapsed: true }),
      section('Source', ['Providers', 'Link'], properties, { collapsed: true }),
    ],
  });
}

/** With a search answer's product: also its price at the buyer's quantity and in their currency (card-currency.ts). */
export function productCard(
  p: RankedProduct | ProductResult,
  capabilities: RichCellCapabilities,
): Excel.EntityCellValue {
  const added = productCardAdditions(p as Partial<ProductResult>, capabilities);
  const title = p.titleTranslated ?? p.title;
  const image = webImage(p.imageUrl, title);
  const supplier = p.supplier?.name ?? p.supplier?.nick ?? null;
  const flags = redFlags(p);
  const properties = definedProperties([
    ['Title', textValue(title)],
    ['Chinese title', p.titleTranslated && p.titleTranslated !== p.title ? textValue(p.title) : null],
    ['Image', image],
    ['Score', num(p.score, SCORE, capabilities)],
    ['Price', num(p.price, PRICE_CNY, capabilities)],
    ['Price max', num(p.priceMax, PRICE_CNY, capabilities)],
    ['MOQ', num(p.moq, INTEGER, capabilities)],
    ['Monthly sales', num(p.monthSold, INTEGER, capabilities)],
    ['Repurchase rate', num(p.repurchaseRate, PERCENT, capabilities)],
    ['Supplier', text(supplier)],
    ['Paid placement', p.isAd ? booleanValue(true) : null],
    ['Red flags', flags.length ? textValue(flags.join('; ')) : null],
    ['Provider', textValue(p.provider)],
    ['Link', text(p.url)],
    ...breakdownProperties(p.breakdown, capabilities),
    ...added.properties,
  ]);
  const why = p.breakdown.map((f) => `Why: ${f.label}`);
  return entity(title, properties, {
    icon: 'ShoppingBag',
    title: 'Title',
    sections: [
      section(
        'Offer',
        ['Chinese title', 'Score', 'Price', 'Price max', 'MOQ', 'Monthly sales', 'Repurchase rate'],
        properties,
      ),
      added.section(properties),
      section('Seller', ['Supplier', 'Paid placement', 'Red flags'], properties),
      section('Why it ranks here', why, properties, { collapsed: true }),
      section('Source', ['Provider', 'Link'], properties, { collapsed: true }),
    ],
  });
}

/** `#,##0" 件"`: the count stays a number and shows its unit; a unit Excel could misread is left out. */
function countFormat(unit: string | null): string {
  return unit && /^[^"\\]{1,20}$/.test(unit.trim()) ? `${INTEGER}" ${unit.trim()}"` : INTEGER;
}

/**
 * One price per start quantity, ascending: property names must be unique, and a provider listing a start
 * quantity twice gets the lower price (what core's priceAt would charge).
 */
function tierPrices(offer: Offer): [number, number][] {
  const byStart = new Map<number, number>();
  for (const tier of offer.priceTiers) {
    const price = effectivePrice(tier) ?? tier.price;
    const known = byStart.get(tier.minQuantity);
    if (known === undefined || price < known) byStart.set(tier.minQuantity, price);
  }
  return [...byStart].sort(([a], [b]) => a - b);
}

/**
 * The card of an offer from =OFFER/=OFFERS. Price tiers are one property each, named by the quantity they
 * start from (`=B2.[From 100]` is the unit price from 100 pieces on); an offer without tiers shows its price
 * range. `priced` is the price at the quantity the call asked for (its `quantity` option), shown as `Quantity`,
 * `Unit price` and `Subtotal` — names that are the same on every card, so a column of cards can be summed.
 */
export function offerCard(
  offer: Offer,
  capabilities: RichCellCapabilities,
  priced?: OfferPrice,
  quote?: RateQuote | ConversionFailure,
): Excel.EntityCellValue {
  const added = offerCardAdditions(offer, tierPrices(offer), priced, quote, capabilities);
  const title = offer.titleTranslated ?? offer.title ?? `offer ${offer.id}`;
  const image = webImage(offer.images[0], title);
  const count = countFormat(offer.unit);
  const tiers = tierPrices(offer).map(([from, price]): [string, CardProperty] => [
    `From ${from}`,
    numberValue(price, PRICE_CNY, capabilities),
  ]);
  const shipsFrom = placeText(offer.shipsFrom);
  const properties = definedProperties([
    ['Title', textValue(title)],
    ['Chinese title', offer.titleTranslated && offer.title ? textValue(offer.title) : null],
    ['Image', image],
    ...tiers,
    ['Price min', tiers.length ? null : num(offer.priceMin, PRICE_CNY, capabilities)],
    ['Price max', tiers.length ? null : num(offer.priceMax, PRICE_CNY, capabilities)],
    ['Quantity', priced ? numberValue(priced.quantity, count, capabilities) : null],
    [
      'Unit price',
      priced
        ? ({
            ...numberValue(priced.unitPrice, PRICE_CNY, capabilities),
            ...(priced.belowMoq ? { propertyMetadata: { sublabel: 'below the minimum order' } } : {}),
          } as CardProperty)
        : null,
    ],
    ['Subtotal', priced ? numberValue(priced.subtotal, PRICE_CNY, capabilities) : null],
    ['MOQ', num(offer.moq, count, capabilities)],
    ['Unit', text(offer.unit)],
    ['Stock', num(offer.stock, count, capabilities)],
    ['Sold', num(offer.soldCount, INTEGER, capabilities)],
    // An empty list is "the provider listed no variants", not a count of 0.
    ['Variants', offer.skus.length ? numberValue(offer.skus.length, INTEGER, capabilities) : null],
    ['Ships from', text(shipsFrom)],
    ['Supplier', text(offer.supplier?.name ?? offer.supplier?.nick)],
    ['Supplier link', text(offer.supplier?.url)],
    ['Offer id', textValue(offer.id)],
    ['Provider', textValue(offer.provider)],
    ['Link', text(offer.url)],
    ...added.properties,
  ]);
  return entity(title, properties, {
    icon: 'ShoppingBag',
    title: 'Title',
    sections: [
      section(
        'Offer',
        ['Chinese title', 'MOQ', 'Unit', 'Stock', 'Sold', 'Variants', 'Ships from'],
        properties,
      ),
      priced
        ? section(`Price at ${priced.quantity}`, ['Quantity', 'Unit price', 'Subtotal'], properties)
        : null,
      section('Price tiers', [...tiers.map(([name]) => name), 'Price min', 'Price max'], properties),
      added.section(properties),
      section('Seller', ['Supplier', 'Supplier link'], properties),
      section('Source', ['Offer id', 'Provider', 'Link'], properties, { collapsed: true }),
    ],
  });
}

/**
 * The Entity every card is: its cell text, the icon of its compact view, the property that titles the card,
 * the `Image` property as main image when the card has one, and its sections (empty ones come as `null`: left out).
 */
/** An entity card from its properties and layout; sections naming no present property are left out. */
export function entity(
  text: string,
  properties: Record<string, CardProperty>,
  layout: {
    icon: Excel.EntityCompactLayoutIcons | string;
    title: string;
    sections: (Excel.CardLayoutListSection | null)[];
  },
): Excel.EntityCellValue {
  return {
    type: 'Entity',
    text,
    properties,
    layouts: {
      compact: { icon: layout.icon },
      card: {
        title: { property: layout.title },
        ...('Image' in properties ? { mainImage: { property: 'Image' } } : {}),
        sections: layout.sections.filter((s): s is Excel.CardLayoutListSection => s !== null),
      },
    },
  };
}
