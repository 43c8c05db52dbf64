import {
  type ConversionFailure,
  convertCny,
  effectivePrice,
  type Offer,
  type OfferPrice,
  type RateQuote,
} from '@yuantou/core';
import { cardPreview, PREVIEW_CAPABILITIES } from '../data-types/card-preview.js';
import { placeText } from '../data-types/cell-values.js';
import { offerCard } from '../data-types/entity-cards.js';
import { el } from '../dom/element.js';
import type { LinkLookup } from '../offers/offer-links.js';
import { type LandedResult, landedBreakdown } from './landed-breakdown.js';
import { HISTORY_SLOT } from './offer-history-view.js';
import { demoLabel, type SupplierActions } from './results-view.js';

// The pane's "Links" results: per pasted link, the offer with its price tiers and variants, or why it has
// none. Built with textContent only: titles and attributes come from third parties and must never become markup.

type Quote = RateQuote | ConversionFailure;

/** Variants shown per offer; the rest are counted (the sheet table has them all in the `variants` column). */
export const MAX_VARIANT_ROWS = 30;

const money = (n: number) => `¥${n.toFixed(2)}`;

function table(doc: Document, className: string, head: string[], rows: string[][]): HTMLTableElement {
  const t = el(doc, 'table', className);
  const tr = el(doc, 'tr');
  tr.append(...head.map((h) => el(doc, 'th', undefined, h)));
  t.append(tr);
  for (const row of rows) {
    const r = el(doc, 'tr');
    r.append(...row.map((cell) => el(doc, 'td', undefined, cell)));
    t.append(r);
  }
  return t;
}

function tiersTable(doc: Document, offer: Offer): HTMLElement {
  if (offer.priceTiers.length === 0) {
    return el(doc, 'p', 'hint', 'Priced per variant (no quantity tiers).');
  }
  return table(
    doc,
    'tiers',
    ['from (pcs)', 'unit price'],
    offer.priceTiers.map((t) => {
      const charged = effectivePrice(t) ?? t.price;
      const price = charged < t.price ? `${money(charged)} (was ${money(t.price)})` : money(t.price);
      return [String(t.minQuantity), price];
    }),
  );
}

function variantsTable(doc: Document, offer: Offer): HTMLElement | null {
  if (offer.skus.length === 0) return null;
  const details = el(doc, 'details', 'variants');
  details.append(el(doc, 'summary', undefined, `${offer.skus.length} variants`));
  const shown = offer.skus.slice(0, MAX_VARIANT_ROWS);
  details.append(
    table(
      doc,
      'variants',
      ['variant', 'price', 'stock', 'sku id'],
      shown.map((sku) => [
        sku.attributes
          .map((a) => `${a.nameTranslated ?? a.name}: ${a.valueTranslated ?? a.value}`)
          .join(', ') || sku.id,
        sku.price === null ? '—' : money(sku.price),
        sku.stock === null ? '—' : String(sku.stock),
        sku.id,
      ]),
    ),
  );
  if (offer.skus.length > shown.length) {
    details.append(
      el(doc, 'p', 'hint', `…and ${offer.skus.length - shown.length} more (all in the inserted table)`),
    );
  }
  return details;
}

/**
 * The unit price in the pane's currency beside the CNY one (`≈ US$0.62`, with its rate date), or why it could
 * not be converted: the same conversion as the inserted table's `price (USD)` column.
 */
function converted(price: OfferPrice | undefined, quote: Quote | undefined): string | null {
  if (!price || !quote) return null;
  const value = convertCny(price.unitPrice, quote);
  if (value === null) return null;
  if ('error' in value) return `${value.currency}: ${value.error}`;
  return `≈ ${value.amount} ${value.currency} (rate of ${value.rateDate}${value.stale ? ', stale' : ''})`;
}

function facts(offer: Offer, price: OfferPrice | undefined, quote: Quote | undefined): string {
  const where = placeText(offer.shipsFrom);
  return [
    price ? `${money(price.unitPrice)} at ${price.quantity}${price.belowMoq ? ' (below MOQ)' : ''}` : null,
    converted(price, quote),
    offer.moq !== null ? `MOQ ${offer.moq} ${offer.unit ?? ''}`.trim() : null,
    offer.stock !== null ? `stock ${offer.stock}` : null,
    offer.weightKg !== null ? `${offer.weightKg} kg` : null,
    where ? `ships from ${where}` : null,
    offer.supplier?.name ?? offer.supplier?.nick ?? null,
    `via ${offer.provider}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function offerItem(
  doc: Document,
  found: Extract<LinkLookup, { offer: Offer }>,
  quantity: number | undefined,
  landed: LandedResult | undefined,
  actions: SupplierActions | undefined,
): HTMLElement {
  const { offer, price, quote } = found;
  const li = el(doc, 'li', 'result offer');
  li.dataset.offerId = offer.id;
  const a = el(doc, 'a', 'name', offer.titleTranslated ?? offer.title ?? offer.id);
  a.href = offer.url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  li.append(a);
  if (offer.titleTranslated && offer.title) li.append(el(doc, 'div', 'original', offer.title));
  li.append(el(doc, 'div', 'facts', facts(offer, price, quote)));
  if (landed) li.append(landedBreakdown(doc, landed));
  // What changed since the fetch before, and the price chart: filled from the proxy's history by showHistories.
  const history = el(doc, 'div', HISTORY_SLOT, 'History: loading…');
  history.setAttribute('aria-busy', 'true');
  li.append(history);
  // The seller's card and the Draft inquiry, as for a search result (supplier-view.ts).
  const seller = offer.supplier && actions?.({ id: offer.supplier.id, name: offer.supplier.name });
  if (seller) li.append(seller);
  li.append(tiersTable(doc, offer));
  const variants = variantsTable(doc, offer);
  if (variants) li.append(variants);
  // The card =OFFER's title cell holds for this link (with the price at the pane's quantity when one is set).
  li.append(
    cardPreview(doc, () =>
      offerCard(offer, PREVIEW_CAPABILITIES, quantity === undefined ? undefined : price),
    ),
  );
  return li;
}

/**
 * Replaces the container's content with one entry per link, in the order pasted; `quantity` is the one the
 * lookup priced at, if the buyer gave one; `landed` each offer's landed cost by the rate card, when one was given.
 * Returns the one-line count ("2 of 3 links found.") for the live region.
 */
export function renderLinks(
  container: HTMLElement,
  found: readonly LinkLookup[],
  quantity?: number,
  landed?: ReadonlyMap<string, LandedResult>,
  actions?: SupplierActions,
): string {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const failed = found.filter((f) => !f.offer).length;
  const summary = `${found.length - failed} of ${found.length} links found${failed ? `, ${failed} not` : ''}.`;
  // The count is the view's heading (h2 under the pane's h1) and what the pane's live region announces.
  container.append(el(doc, 'h2', 'summary', summary));
  if (found.some((f) => f.offer?.provider === 'demo')) {
    container.append(demoLabel(doc));
  }
  const list = el(doc, 'ol', 'results');
  for (const f of found) {
    if (f.offer) list.append(offerItem(doc, f, quantity, landed?.get(f.offer.id), actions));
    else {
      const li = el(doc, 'li', 'result failed');
      li.append(el(doc, 'div', 'name', f.link), el(doc, 'div', 'error', f.error));
      list.append(li);
    }
  }
  container.append(list);
  return summary;
}
