// The primitive Excel data-type values the cards are made of, as `Range.valuesAsJson` and custom functions take
// them (CustomFunctionsRuntime 1.4 / ExcelApi 1.16). Shapes follow `Excel.*CellValue` in @types/office-js, so the
// compiler checks every card against Microsoft's own declarations.
//
// Excel facts relied on (Microsoft's data-types docs, "Data types from custom functions"):
// - `numberFormat` on a `Double` needs ExcelApi 1.19; before it the documented way to show a formatted number is
//   `{ type: "FormattedNumber", basicValue, numberFormat }` (now deprecated, still honoured).
// - `WebImage.address` must be an https URL that Excel itself can fetch (on the web possibly from Microsoft's side):
//   a loopback proxy URL can never be an image address, so cards use the provider's own image URL (1688 images live
//   on `cbu01.alicdn.com`, which serves https). A missing image shows `#CONNECT!`.

/** What the running host can show, detected once per call by the runtime (see `richCellSupport`). */
export interface RichCellCapabilities {
  /** ExcelApi 1.19: `numberFormat` on `Double`; otherwise the `FormattedNumber` fallback is used. */
  doubleNumberFormat: boolean;
}

export type CardProperty = Excel.EntityPropertyType;

export function textValue(text: string): Excel.StringCellValue {
  return { type: 'String', basicValue: text };
}

export function booleanValue(value: boolean): Excel.BooleanCellValue {
  return { type: 'Boolean', basicValue: value };
}

/**
 * A number that stays a number inside a card (so `=A2.Score > 70` works), shown with `numberFormat` where the
 * host can; on older hosts the documented `FormattedNumber` fallback.
 */
export function numberValue(
  value: number,
  numberFormat: string,
  capabilities: RichCellCapabilities,
): Excel.DoubleCellValue | Excel.FormattedNumberCellValue {
  return capabilities.doubleNumberFormat
    ? { type: 'Double', basicValue: value, numberFormat }
    : { type: 'FormattedNumber', basicValue: value, numberFormat };
}

/** 1688 pages hand out protocol-relative (`//cbu01…`) and http image links; Excel fetches only https. */
export function httpsImageAddress(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  const absolute = trimmed.startsWith('//') ? `https:${trimmed}` : trimmed.replace(/^http:\/\//i, 'https://');
  let parsed: URL;
  try {
    parsed = new URL(absolute);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  // A loopback or private host is one Excel's image fetcher (maybe running at Microsoft) cannot reach.
  if (/^(localhost|127\.|10\.|192\.168\.|169\.254\.|\[)/i.test(parsed.hostname)) return null;
  return parsed.href;
}

/** A picture in a cell, or `null` when there is no image Excel could load (the cell then stays plain text). */
export function webImage(url: string | null | undefined, altText: string): Excel.WebImageCellValue | null {
  const address = httpsImageAddress(url);
  if (!address) return null;
  return { type: 'WebImage', address, altText: altText.slice(0, 255) };
}

/** Leaves out unknown values: a card lists only what the provider told us, never a made-up 0 or "". */
export function definedProperties(
  entries: readonly (readonly [string, CardProperty | null | undefined])[],
): Record<string, CardProperty> {
  const properties: Record<string, CardProperty> = {};
  for (const [name, value] of entries) if (value !== null && value !== undefined) properties[name] = value;
  return properties;
}

/** A card section listing only the properties the card has (Excel rejects a section naming a missing one). */
export function section(
  title: string,
  names: readonly string[],
  properties: Record<string, CardProperty>,
  options: { collapsed?: boolean } = {},
): Excel.CardLayoutListSection | null {
  const present = names.filter((name) => name in properties);
  if (present.length === 0) return null;
  return {
    layout: 'List',
    title,
    properties: present,
    ...(options.collapsed === undefined ? {} : { collapsible: true, collapsed: options.collapsed }),
  };
}

/** `广东 东莞`: a place as cells and cards show it, province then city; `''` when neither is known. */
export function placeText(place: { province: string | null; city: string | null }): string {
  return [place.province, place.city].filter(Boolean).join(' ');
}
