import { effectivePrice, type Offer } from '@yuantou/core';
import { placeText, webImage } from '../data-types/cell-values.js';
import { offerCard } from '../data-types/entity-cards.js';
import type { OfferColumn } from './offer-row.js';

// The columns =OFFER and =OFFERS can show, and that the pane's "Insert as table" writes. `fields` picks and
// orders them ("title,price,moq,stock,supplier"; offer-fields.ts). Unknown values are blank cells, never 0, so a
// sheet can tell "no stock" from "the provider did not say". What a column is: offer-row.ts.

/** Excel refuses cell text longer than this. */
const MAX_CELL_TEXT = 32_767;
const clipCell = (text: string) =>
  text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
const money = (n: number) => `¥${Number(n.toFixed(2))}`;

/** `2+ ¥5; 100+ ¥4.5; 1000+ ¥3.9` — each tier's start quantity and unit price. */
export function tiersText(offer: Offer): string | null {
  if (offer.priceTiers.length === 0) return null;
  return offer.priceTiers.map((t) => `${t.minQuantity}+ ${money(effectivePrice(t) ?? t.price)}`).join('; ');
}

/** `颜色: 红, 尺码: L ¥5 (stock 120)` per variant, one per line. */
export function variantsText(offer: Offer): string | null {
  if (offer.skus.length === 0) return null;
  return clipCell(
    offer.skus
      .map((sku) => {
        const name = sku.attributes
          .map((a) => `${a.nameTranslated ?? a.name}: ${a.valueTranslated ?? a.value}`)
          .join(', ');
        const price = sku.price === null ? '' : ` ${money(sku.price)}`;
        const stock = sku.stock === null ? '' : ` (stock ${sku.stock})`;
        return `${name || sku.id}${price}${stock}`;
      })
      .join('\n'),
  );
}

function sizeText(offer: Offer): string | null {
  const size = offer.sizeCm;
  if (!size || (size.length === null && size.width === null && size.height === null)) return null;
  return `${[size.length, size.width, size.height].map((n) => n ?? '?').join(' × ')} cm`;
}

export const OFFER_COLUMNS: readonly OfferColumn[] = [
  {
    field: 'id',
    header: 'offer id',
    description: 'The 1688 offer id.',
    format: 'text',
    value: (v) => v.offer.id,
  },
  {
    field: 'link',
    header: 'link',
    description: "The offer's clean 1688 link.",
    format: 'link',
    value: (v) => v.offer.url,
  },
  {
    field: 'title',
    header: 'title',
    description: "The seller's own Chinese title (a card where Excel shows data types).",
    format: 'text',
    // The seller's own title only: a provider that answered only in the requested language (TMAPI's detail with
    // `language=en`) leaves it blank, and its text is in `title (translated)`, never passed off as the original.
    value: (v) => v.offer.title,
    rich: (v, caps) => offerCard(v.offer, caps, v.quantity === undefined ? undefined : v.price, v.quote),
  },
  {
    field: 'translated',
    header: 'title (translated)',
    description:
      "The provider's translation of the title (with language=); blank, never Chinese, when there is none.",
    format: 'text',
    value: (v) => v.offer.titleTranslated,
  },
  {
    field: 'price',
    header: 'price (CNY)',
    description: 'Unit price in CNY at quantity=, else at the minimum order.',
    format: 'price',
    value: (v) => v.price?.unitPrice ?? null,
  },
  {
    field: 'subtotal',
    header: 'subtotal (CNY)',
    description: 'Unit price × quantity, in CNY.',
    format: 'price',
    value: (v) => v.price?.subtotal ?? null,
  },
  {
    field: 'tiers',
    header: 'price tiers',
    description: 'Price tiers: 10+ ¥5; 100+ ¥4.5.',
    format: 'text',
    value: (v) => tiersText(v.offer),
  },
  {
    field: 'priceMin',
    header: 'lowest price (CNY)',
    description: 'Lowest listed price, in CNY.',
    format: 'price',
    value: (v) => v.offer.priceMin,
  },
  {
    field: 'priceMax',
    header: 'highest price (CNY)',
    description: 'Highest listed price, in CNY.',
    format: 'price',
    value: (v) => v.offer.priceMax,
  },
  {
    field: 'moq',
    header: 'MOQ',
    description: "Minimum order quantity, in the seller's unit.",
    format: 'integer',
    value: (v) => v.offer.moq,
  },
  {
    field: 'unit',
    header: 'unit',
    description: "The seller's unit (件, 个, 套…).",
    format: 'text',
    value: (v) => v.offer.unit,
  },
  {
    field: 'stock',
    header: 'stock',
    description: 'Pieces in stock.',
    format: 'integer',
    value: (v) => v.offer.stock,
  },
  {
    field: 'variants',
    header: 'variants',
    description: 'One line per variant: attributes, price, stock.',
    format: 'text',
    value: (v) => variantsText(v.offer),
  },
  {
    field: 'variantCount',
    header: 'variant count',
    description: 'How many variants the offer has.',
    format: 'integer',
    value: (v) => v.offer.skus.length,
  },
  {
    field: 'weight',
    header: 'weight (kg)',
    description: 'Weight in kg.',
    format: 'text',
    value: (v) => v.offer.weightKg,
  },
  {
    field: 'size',
    header: 'size (cm)',
    description: 'Size in cm (length × width × height).',
    format: 'text',
    value: (v) => sizeText(v.offer),
  },
  {
    field: 'shipsFrom',
    header: 'ships from',
    description: 'Where the offer ships from.',
    format: 'text',
    value: (v) => placeText(v.offer.shipsFrom) || null,
  },
  {
    field: 'sold',
    header: 'sold',
    description: 'Pieces sold, as the provider counts them.',
    format: 'integer',
    value: (v) => v.offer.soldCount,
  },
  {
    field: 'supplier',
    header: 'supplier',
    description: "The seller's company name.",
    format: 'text',
    value: (v) => v.offer.supplier?.name ?? v.offer.supplier?.nick ?? null,
  },
  {
    field: 'supplierId',
    header: 'supplier id',
    description: "The seller's 1688 member id.",
    format: 'text',
    value: (v) => v.offer.supplier?.id ?? null,
  },
  {
    field: 'image',
    header: 'image URL',
    description: "The first image's URL (a picture where Excel shows data types).",
    format: 'link',
    value: (v) => v.offer.images[0] ?? null,
    rich: (v) => webImage(v.offer.images[0], v.offer.titleTranslated ?? v.offer.title ?? ''),
  },
  {
    field: 'provider',
    header: 'provider',
    description: 'The data provider that answered.',
    format: 'text',
    value: (v) => v.offer.provider,
  },
];
