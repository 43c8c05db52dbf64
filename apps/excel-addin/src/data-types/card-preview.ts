import { el } from '../dom/element.js';

// Renders an Entity cell value as HTML, the way Excel lays out its card: title, main image, then each section's
// properties. The pane uses it to show the very JSON a cell would hold (so preview mode and the README
// screenshot show real cards without an Office host). textContent only: every value comes from a third party.

type CardValue = Excel.EntityPropertyType;

/**
 * The number formats the cards use ('0.0', '0.00', '0.0%', '#,##0', '"¥"#,##0.00', '#,##0" 件"'), rendered as
 * Excel would; anything else falls back to the plain number.
 */
export function formatCardNumber(value: number, format: string | undefined): string {
  if (!format) return String(value);
  const literal = /^"([^"]*)"/.exec(format);
  const prefix = literal ? literal[1] : '';
  const unquoted = literal ? format.slice(literal[0].length) : format;
  const trailing = /"([^"]*)"$/.exec(unquoted);
  const suffix = trailing ? trailing[1] : '';
  const pattern = trailing ? unquoted.slice(0, trailing.index) : unquoted;
  const percent = pattern.endsWith('%');
  const decimals = (/\.(0+)/.exec(pattern)?.[1] ?? '').length;
  const grouping = pattern.includes(',');
  const n = percent ? value * 100 : value;
  const text = n.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  return `${prefix}${text}${percent ? '%' : ''}${suffix}`;
}

/** The text Excel shows for one property value of a card. */
export function cardValueText(value: CardValue): string {
  if (value === null || typeof value !== 'object') return String(value ?? '');
  const typed = value as { type?: string; basicValue?: unknown; numberFormat?: string; text?: string };
  switch (typed.type) {
    case 'Double':
    case 'FormattedNumber':
      return formatCardNumber(Number(typed.basicValue), typed.numberFormat);
    case 'Boolean':
      return typed.basicValue ? 'TRUE' : 'FALSE';
    case 'Entity':
      return typed.text ?? '';
    case 'WebImage':
      return '';
    default:
      return String(typed.basicValue ?? '');
  }
}

function imageOf(value: CardValue | undefined): { address: string; altText?: string } | null {
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'WebImage') {
    return value as Excel.WebImageCellValue;
  }
  return null;
}

export function renderCardPreview(doc: Document, card: Excel.EntityCellValue): HTMLElement {
  const properties = card.properties ?? {};
  const layout = card.layouts?.card;
  const root = el(doc, 'article', 'card-preview');
  const titleRef = layout?.title;
  const title =
    typeof titleRef === 'object' && titleRef.property in properties
      ? cardValueText(properties[titleRef.property] as CardValue)
      : (card.text ?? '');
  root.append(el(doc, 'h3', 'card-title', title));
  const image = layout?.mainImage ? imageOf(properties[layout.mainImage.property]) : null;
  if (image && /^https:\/\//i.test(image.address)) {
    const img = el(doc, 'img', 'card-image');
    img.src = image.address;
    img.alt = image.altText ?? '';
    img.referrerPolicy = 'no-referrer';
    root.append(img);
  }
  for (const section of layout?.sections ?? []) {
    const block = section.collapsible
      ? el(doc, 'details', 'card-section')
      : el(doc, 'section', 'card-section');
    if (section.title) {
      block.append(el(doc, section.collapsible ? 'summary' : 'h4', 'card-section-title', section.title));
    }
    if (block instanceof doc.defaultView!.HTMLDetailsElement && !section.collapsed) block.open = true;
    const list = el(doc, 'dl', 'card-properties');
    for (const name of section.properties) {
      const value = properties[name];
      if (value === undefined) continue;
      list.append(
        el(doc, 'dt', 'card-name', name),
        el(doc, 'dd', 'card-value', cardValueText(value as CardValue)),
      );
    }
    block.append(list);
    root.append(block);
  }
  return root;
}

/** Preview hosts have every capability: the card as a current Excel shows it. */
export const PREVIEW_CAPABILITIES = { doubleNumberFormat: true };

/** "Card in a cell", folded: the card is built and rendered only when opened. */
export function cardPreview(doc: Document, card: () => Excel.EntityCellValue): HTMLElement {
  const details = el(doc, 'details', 'card');
  details.append(el(doc, 'summary', undefined, 'Card in a cell'));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(renderCardPreview(doc, card()));
  });
  return details;
}
