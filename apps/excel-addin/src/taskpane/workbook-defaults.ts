import type { WorkbookDefaults } from '../runtime/settings.js';

// What the settings panel says about the workbook's defaults (issue 21: "the pane says which defaults this
// workbook carries"), pure so it is tested without a DOM.

/**
 * `This workbook carries: language en, currency EUR, quantity 500 — every formula in it uses them where its options
 * do not say otherwise.` or that it carries none; `kind` is where they are kept (`this workbook`, `this page only`).
 */
export function workbookDefaultsText(defaults: WorkbookDefaults, kind: string): string {
  const carried = [
    defaults.language ? `language ${defaults.language}` : null,
    defaults.currency ? `currency ${defaults.currency}` : null,
    defaults.quantity !== '' ? `quantity ${defaults.quantity}` : null,
  ].filter(Boolean);
  const where =
    kind === 'this page only' ? ' (preview outside Excel: kept in this page only, not in a workbook)' : '';
  if (carried.length === 0)
    return `This workbook carries no defaults: formulas list Chinese titles, CNY prices and lowest prices unless their options say otherwise${where}.`;
  return `This workbook carries: ${carried.join(', ')} — every formula in it uses them where its options do not say otherwise, on any machine${where}.`;
}
