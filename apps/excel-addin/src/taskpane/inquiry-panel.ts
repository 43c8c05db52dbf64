import type { AddinRuntime } from '../app/addin-runtime.js';
import { el } from '../dom/element.js';
import { draftInquiries, type InquiryRequest, type InquirySupplier } from '../supplier/inquiry-draft.js';
import { loadSupplierCard, type ResultSupplier } from './supplier-view.js';

// The pane's **Draft inquiry** (issue 25): the suppliers chosen in the results ("Add to inquiry"), what the buyer
// asks (quantity, target price, samples and their cost, customisation/OEM, lead time, carton size and weight,
// certificates such as EN71/CE), and one message per supplier from inquiry-draft.ts — in Chinese to send and in
// English to read, each with a copy button and the supplier's chat link (旺旺) from its card. Nothing is sent.

export interface InquiryPanel {
  toggle(supplier: ResultSupplier, chosen: boolean): void;
  has(id: string): boolean;
}

const byId = <T extends HTMLElement>(doc: Document, id: string) => doc.getElementById(id) as T;
const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** One draft's read-only text, labelled: what the buyer copies into 旺旺/WeChat, in one language. */
function draftText(
  doc: Document,
  id: string,
  lang: string,
  value: string,
  label: string,
): [HTMLLabelElement, HTMLTextAreaElement] {
  const text = el(doc, 'textarea');
  text.id = id;
  text.lang = lang;
  text.readOnly = true;
  text.rows = 8;
  text.value = value;
  const caption = el(doc, 'label', undefined, label);
  caption.htmlFor = id;
  return [caption, text];
}

/** The form as inquiry-draft.ts takes it; an unreadable number is a message naming its field. */
export function readInquiryForm(values: {
  quantity: string;
  unit: string;
  targetPrice: string;
  samples: boolean;
  customisation: string;
  leadTime: string;
  carton: boolean;
  certificates: string;
}): InquiryRequest {
  const quantity = Number(values.quantity);
  if (!Number.isFinite(quantity) || quantity <= 0 || values.quantity.trim() === '')
    throw new Error('Quantity: give how many pieces you would order');
  const targetPriceCny = optionalNumber(values.targetPrice);
  if (targetPriceCny !== undefined && !(targetPriceCny > 0))
    throw new Error('Target price: a price in CNY, e.g. 12.5');
  const leadTimeDays = optionalNumber(values.leadTime);
  if (leadTimeDays !== undefined && !(Number.isInteger(leadTimeDays) && leadTimeDays > 0))
    throw new Error('Lead time: a whole number of days');
  return {
    quantity,
    ...(values.unit.trim() ? { unit: values.unit.trim() } : {}),
    ...(targetPriceCny !== undefined ? { targetPriceCny } : {}),
    samples: values.samples,
    ...(values.customisation.trim() ? { customisation: values.customisation.trim() } : {}),
    ...(leadTimeDays !== undefined ? { leadTimeDays } : {}),
    carton: values.carton,
    certificates: values.certificates
      .split(/[,，、;]/)
      .map((c) => c.trim())
      .filter(Boolean),
  };
}

/** A copy button for `text`: the clipboard where the host allows it, else the text selected for Ctrl+C. */
function copyButton(doc: Document, label: string, text: () => HTMLTextAreaElement, status: HTMLElement) {
  const button = el(doc, 'button', 'secondary', label);
  button.type = 'button';
  button.addEventListener('click', async () => {
    const area = text();
    try {
      await doc.defaultView!.navigator.clipboard.writeText(area.value);
      status.textContent = `${label}: copied.`;
    } catch {
      area.focus();
      area.select();
      status.textContent = `${label}: the clipboard is blocked here; the text is selected, press Ctrl+C.`;
    }
  });
  return button;
}

export function bindInquiryPanel(doc: Document, runtime: AddinRuntime): InquiryPanel {
  const panel = byId<HTMLElement>(doc, 'inquiry');
  const chosenList = byId<HTMLElement>(doc, 'inquiry-chosen');
  const form = byId<HTMLFormElement>(doc, 'inquiry-form');
  const error = byId<HTMLElement>(doc, 'inquiry-error');
  const drafts = byId<HTMLElement>(doc, 'inquiry-drafts');
  const status = byId<HTMLElement>(doc, 'inquiry-status');
  const chosen = new Map<string, ResultSupplier>();
  const value = (id: string) => byId<HTMLInputElement>(doc, id);

  const showChosen = () => {
    panel.hidden = chosen.size === 0;
    chosenList.textContent = `For ${[...chosen.values()].map((s) => s.name ?? s.id).join('; ')}`;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    let request: InquiryRequest;
    try {
      request = readInquiryForm({
        quantity: value('inquiry-quantity').value,
        unit: value('inquiry-unit').value,
        targetPrice: value('inquiry-price').value,
        samples: value('inquiry-samples').checked,
        customisation: value('inquiry-custom').value,
        leadTime: value('inquiry-lead').value,
        carton: value('inquiry-carton').checked,
        certificates: value('inquiry-certificates').value,
      });
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    status.textContent = 'Drafting…';
    // The chat link is on the card: each chosen supplier's card, through the cache =SUPPLIER shares.
    const suppliers: InquirySupplier[] = await Promise.all(
      [...chosen.values()].map(async (s) => {
        try {
          const card = await loadSupplierCard(runtime, s.id);
          return { companyName: card.supplier.companyName ?? s.name, chatUrl: card.supplier.chatUrl };
        } catch {
          return { companyName: s.name, chatUrl: null };
        }
      }),
    );
    drafts.replaceChildren();
    draftInquiries(suppliers, request).forEach((draft, i) => {
      const article = el(doc, 'article', 'inquiry-draft');
      article.append(el(doc, 'h3', undefined, draft.to));
      const [zhLabel, zh] = draftText(doc, `inquiry-zh-${i}`, 'zh', draft.zh, 'To send (Chinese)');
      const [enLabel, en] = draftText(doc, `inquiry-en-${i}`, 'en', draft.en, 'To read (English)');
      const buttons = el(doc, 'div', 'row');
      buttons.append(
        copyButton(doc, `Copy Chinese for ${draft.to}`, () => zh, status),
        copyButton(doc, `Copy English for ${draft.to}`, () => en, status),
      );
      if (draft.chatUrl && /^https:\/\//i.test(draft.chatUrl)) {
        const chat = el(doc, 'a', undefined, `Open chat (旺旺) with ${draft.to}`);
        chat.href = draft.chatUrl;
        chat.target = '_blank';
        chat.rel = 'noopener noreferrer';
        buttons.append(chat);
      } else buttons.append(el(doc, 'span', 'hint', 'No chat link known: use the shop page.'));
      article.append(zhLabel, zh, enLabel, en, buttons);
      drafts.append(article);
    });
    status.textContent = `${suppliers.length} draft${suppliers.length === 1 ? '' : 's'} ready to copy.`;
  });

  return {
    toggle(supplier, on) {
      if (on) chosen.set(supplier.id, supplier);
      else chosen.delete(supplier.id);
      showChosen();
    },
    has: (id) => chosen.has(id),
  };
}
