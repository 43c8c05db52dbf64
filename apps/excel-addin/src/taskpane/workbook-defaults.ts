import { DEFAULT_STALE_AFTER_DAYS } from '../cells/as-of.js';
import type { WorkbookDefaults } from '../runtime/settings.js';

// What the settings panel says about the workbook's defaults (issue 21: "the pane says which defaults this
// workbook carries"; issue 22: the stale-after days are the workbook's too), pure so it is tested without a DOM.

/**
 * `This workbook carries: language en, currency EUR, quantity 500, stale after 14 days — every formula in it uses
 * them where its options do not say otherwise.` or that it carries none; `kind` is where they are kept (`this
 * workbook`, `this page only`). The stale-after days are named only when they differ from the default 7.
 */
export function workbookDefaultsText(defaults: WorkbookDefaults, kind: string): string {
  const days = defaults.staleAfterDays;
  const carried = [
    defaults.language ? `language ${defaults.language}` : null,
    defaults.currency ? `currency ${defaults.currency}` : null,
    defaults.quantity !== '' ? `quantity ${defaults.quantity}` : null,
    days !== DEFAULT_STALE_AFTER_DAYS ? `stale after ${days} day${days === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  const where =
    kind === 'this page only' ? ' (preview outside Excel: kept in this page only, not in a workbook)' : '';
  if (carried.length === 0)
    return `This workbook carries no defaults: formulas list Chinese titles, CNY prices and lowest prices unless their options say otherwise, and mark values older than ${DEFAULT_STALE_AFTER_DAYS} days stale${where}.`;
  return `This workbook carries: ${carried.join(', ')} — every formula in it uses them where its options do not say otherwise, on any machine${where}.`;
}
