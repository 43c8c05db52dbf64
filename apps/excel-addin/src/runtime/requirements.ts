// Requirement sets the add-in uses beyond the manifest's SharedRuntime 1.1. "<Requirements> in the base
// manifest blocks installation on hosts that lack a listed set (the add-in does not even appear). Keep it at
// SharedRuntime 1.1 and check everything else at run time." Each optional capability asks here first and has
// a plain fallback; the pane lists what is missing.

export const OPTIONAL_FEATURES = {
  /** Range.hyperlink — clickable links in inserted tables; else the URL as text. */
  hyperlinks: { set: 'ExcelApi', version: '1.7' },
  /** worksheets.getItemOrNullObject — finding a free sheet name; else one name is tried. */
  nullObjects: { set: 'ExcelApi', version: '1.4' },
  /** tables.add(Range) — an Excel table; else plain cells with a bold header. */
  tables: { set: 'ExcelApi', version: '1.3' },
  /** getResizedRange / autofitColumns — needed to write a block at all. */
  resize: { set: 'ExcelApi', version: '1.2' },
  /** CustomFunctions.Error — #VALUE!/#N/A with a message; else a plain error (#VALUE!). */
  cellErrors: { set: 'CustomFunctionsRuntime', version: '1.2' },
  /** invocation.isInValuePreview — skip proxy calls while the user is typing the formula. */
  valuePreview: { set: 'CustomFunctionsRuntime', version: '1.5' },
  /** Data types returned by custom functions — pictures and entity cards in cells; else plain values. */
  richValues: { set: 'CustomFunctionsRuntime', version: '1.4' },
  /** Range.valuesAsJson — "Insert into sheet" writes the same cards; else plain values. */
  valuesAsJson: { set: 'ExcelApi', version: '1.16' },
  /** numberFormat on a Double inside a card; else the older FormattedNumber value. */
  doubleNumberFormat: { set: 'ExcelApi', version: '1.19' },
  /** worksheet.notes.add — a note on an inserted table's header (words not translated); else the pane alone says it. */
  notes: { set: 'ExcelApi', version: '1.18' },
  /** Range.calculate — Refresh and Retry recalculate just the chosen cells; else those buttons are off. */
  recalculate: { set: 'ExcelApi', version: '1.6' },
  /** Range.getSpillingToRangeOrNullObject — Freeze writes a spilled block whole; else Freeze is off. */
  spills: { set: 'ExcelApi', version: '1.12' },
} as const;

export type Feature = keyof typeof OPTIONAL_FEATURES;

interface Requirements {
  isSetSupported(name: string, version?: string): boolean;
}

function requirements(): Requirements | undefined {
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  return office?.context?.requirements;
}

/** Whether the host supports a feature; false outside Office or when the host cannot say. */
export function supports(feature: Feature): boolean {
  const { set, version } = OPTIONAL_FEATURES[feature];
  try {
    return requirements()?.isSetSupported(set, version) ?? false;
  } catch {
    return false;
  }
}

/** Features the host lacks, for the pane's note. */
export function missingFeatures(): { feature: Feature; set: string; version: string }[] {
  return (Object.keys(OPTIONAL_FEATURES) as Feature[])
    .filter((feature) => !supports(feature))
    .map((feature) => ({ feature, ...OPTIONAL_FEATURES[feature] }));
}
