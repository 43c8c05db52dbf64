import type { Conversion, KeywordTranslation, ProductResult } from '@yuantou/core';
import { moneyText } from '../data-types/money.js';

// The pane's lines in the buyer's terms (issue 21): the price at their quantity with the "cheaper at more" hint,
// converted prices rounded as text (€0.36, never 0.364778) with the CNY beside them, and what an English keyword
// was searched as — naming the words that could not be translated, never silently. Pure, so tested without a DOM.

/** `≈ €1.62`, or why there is no converted price; `null` without a currency. */
export function convertedText(value: Conversion | null | undefined): string | null {
  if (!value) return null;
  if ('error' in value) return `no ${value.currency} price: ${value.error}`;
  return `≈ ${moneyText(value.amount, value.currency)}`;
}

/**
 * `at 500: ¥17.20 each (≈ €2.23), ¥8,600.00 in total (≈ €1,116.88) · cheaper at 610: ¥7,917.80 in total`, with the
 * MOQ reason or the "price unknown" note when so; `null` when no quantity was asked.
 */
export function priceAtQuantityText(p: ProductResult): string | null {
  const at = p.priceAtQuantity;
  if (!at) return null;
  const converted = p.priceAtQuantityConverted;
  const also = (value: Conversion | null | undefined) => {
    const text = convertedText(value);
    return text ? ` (${text})` : '';
  };
  const parts: string[] = [];
  if (at.unitPrice !== null)
    parts.push(`at ${at.quantity}: ${moneyText(at.unitPrice, 'CNY')} each${also(converted?.unitPrice)}`);
  if (at.subtotal !== null)
    parts.push(`${moneyText(at.subtotal, 'CNY')} in total${also(converted?.subtotal)}`);
  let line = parts.join(', ');
  if (at.belowMoqReason) line += `${line ? ' — ' : ''}${at.belowMoqReason}`;
  if (at.note) line += `${line ? ' — ' : ''}${at.note}`;
  if (at.cheaperTotalAt)
    line += ` · cheaper at ${at.cheaperTotalAt.quantity}: ${moneyText(at.cheaperTotalAt.subtotal, 'CNY')} in total${also(converted?.cheaperTotalAt)}`;
  return line || null;
}

const PATHS: Readonly<Record<string, string>> = {
  provider: "the provider's own translation",
  machine: 'machine translation',
  glossary: 'the glossary',
  typed: 'as typed',
};

/**
 * `Searched as “毛绒玩具” — not translated: kawaii (sent as typed) — tmapi: the provider's own translation; demo:
 * the glossary`: what each provider was sent.
 */
export function searchedAsText(searchedAs: string | undefined, translation: KeywordTranslation | undefined) {
  if (!searchedAs && !translation) return null;
  const parts = [`Searched as “${searchedAs ?? translation?.searchedAs}”`];
  if (translation?.untranslated.length)
    parts.push(`not translated: ${translation.untranslated.join(', ')} (sent as typed)`);
  if (translation?.note) parts.push(translation.note);
  if (translation?.paths?.length)
    parts.push(translation.paths.map((p) => `${p.provider}: ${PATHS[p.path] ?? p.path}`).join('; '));
  return parts.join(' — ');
}
