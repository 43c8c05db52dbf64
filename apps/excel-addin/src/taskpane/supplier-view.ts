import type { SupplierDetailResponse } from '@yuantou/core';
import type { AddinRuntime } from '../app/addin-runtime.js';
import { cellErrorFor } from '../cells/cell-error.js';
import { supplierCardId } from '../cells/supplier-card-id.js';
import { PREVIEW_CAPABILITIES, renderCardPreview } from '../data-types/card-preview.js';
import { el } from '../dom/element.js';
import { supplierDetailCard, verdictText } from '../supplier/supplier-card.js';

// "A supplier in any result opens its card" (issue 25): each result that names a supplier gets **Supplier card**,
// which asks GET /v1/suppliers/:id through core's client and the runtime's query cache (the same entry =SUPPLIER
// uses: a card the sheet already asked for costs nothing; the proxy keeps each a day), and **Add to inquiry**,
// which chooses it for the Draft inquiry panel. The card is the one =SUPPLIER puts in a cell (supplier-card.ts),
// shown with its verdict, signals and links. Focus moves to the card's heading, and back to the button on close.

/** A supplier as a result names it: the id (member id or shop link) and the name to show. */
export interface ResultSupplier {
  id: string;
  name: string | null;
}

/** The card of `id` through the runtime's cache, keyed as =SUPPLIER keys it. */
export async function loadSupplierCard(runtime: AddinRuntime, id: string): Promise<SupplierDetailResponse> {
  const ref = supplierCardId(id);
  if (ref === null) throw new Error(`${id} names no supplier`);
  return runtime.cache.get(ref.key, async (signal) => {
    await runtime.ready();
    return runtime.client().getSupplier(ref.id, { signal });
  });
}

function link(doc: Document, url: string | null, text: string): HTMLElement | null {
  if (!url || !/^https:\/\//i.test(url)) return null;
  const a = el(doc, 'a', undefined, text);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** The card's body: the verdict and what it rests on, the cell card's sections, the links. */
export function renderSupplierCard(container: HTMLElement, answer: SupplierDetailResponse): void {
  const doc = container.ownerDocument;
  const s = answer.supplier;
  container.replaceChildren(el(doc, 'p', 'verdict', verdictText(answer)));
  const links = el(doc, 'ul', 'card-links');
  for (const [url, text] of [
    [s.shopUrl, 'Shop on 1688'],
    [s.chatUrl, 'Chat with the seller (旺旺)'],
    [s.creditCheckUrl, 'Check the registration (gsxt.gov.cn)'],
  ] as const) {
    const a = link(doc, url, text);
    if (a) {
      const li = el(doc, 'li');
      li.append(a);
      links.append(li);
    }
  }
  if (links.childElementCount > 0) container.append(links);
  container.append(renderCardPreview(doc, supplierDetailCard(answer, PREVIEW_CAPABILITIES)));
}

export interface SupplierView {
  /** The buttons a result gets for its supplier (none when it names no supplier). */
  actions(supplier: ResultSupplier): HTMLElement | null;
  /** Forget the chosen suppliers' buttons' state when the results are replaced. */
  resultsReplaced(): void;
}

export function bindSupplierView(
  doc: Document,
  runtime: AddinRuntime,
  choose: { toggle(supplier: ResultSupplier, chosen: boolean): void; has(id: string): boolean },
): SupplierView {
  const panel = doc.getElementById('supplier-card') as HTMLElement;
  const heading = doc.getElementById('supplier-card-heading') as HTMLElement;
  const body = doc.getElementById('supplier-card-body') as HTMLElement;
  const status = doc.getElementById('supplier-card-status') as HTMLElement;
  const close = doc.getElementById('supplier-card-close') as HTMLButtonElement;
  let opener: HTMLElement | null = null;

  close.addEventListener('click', () => {
    panel.hidden = true;
    opener?.focus();
  });

  const open = async (supplier: ResultSupplier, button: HTMLElement) => {
    opener = button;
    panel.hidden = false;
    heading.textContent = supplier.name ?? supplier.id;
    body.replaceChildren();
    status.textContent = 'Loading the supplier card…';
    heading.focus();
    try {
      const answer = await loadSupplierCard(runtime, supplier.id);
      heading.textContent = answer.supplier.companyName ?? answer.supplier.shopName ?? heading.textContent;
      renderSupplierCard(body, answer);
      status.textContent = `Supplier card: ${verdictText(answer)}`;
    } catch (error) {
      status.textContent = `No card: ${cellErrorFor(error, runtime.errorContext()).message}`;
    }
  };

  return {
    actions(supplier) {
      if (supplierCardId(supplier.id) === null) return null;
      const row = el(doc, 'div', 'supplier-actions');
      const name = supplier.name ?? supplier.id;
      const card = el(doc, 'button', 'secondary', 'Supplier card');
      card.type = 'button';
      card.setAttribute('aria-label', `Supplier card: ${name}`);
      card.addEventListener('click', () => void open(supplier, card));
      const label = el(doc, 'label', 'check');
      const box = el(doc, 'input');
      box.type = 'checkbox';
      box.className = 'inquiry-choose';
      box.checked = choose.has(supplier.id);
      box.setAttribute('aria-label', `Add to inquiry: ${name}`);
      box.addEventListener('change', () => choose.toggle(supplier, box.checked));
      label.append(box, ' Add to inquiry');
      row.append(card, label);
      return row;
    },
    resultsReplaced() {
      panel.hidden = true;
    },
  };
}
