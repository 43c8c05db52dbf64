import { FreightMethod, LandedCostOptions } from '@yuantou/core';
import { InputError } from '../cells/input-error.js';
import { type CellValue, OptionNames, optionPairs, richOption, yesNoOption } from '../cells/option-reader.js';

// `options` of =LANDED: text such as "method=sea; currency=USD; chinaFreight=none; detail", or a 2-column range,
// read by the one option reader (cells/option-reader.ts). What each landed-cost option means is core's
// LandedCostOptions schema — the body POST /v1/landed-cost reads — so a value the proxy would refuse is #VALUE!
// here, before any request. `method` picks the rate card's row; `detail`, `header` and `rich` are the add-in's own.

/** The landed-cost options a cell may set (the rest of the body comes from `quantity` and the rate card). */
type CoreOption = Exclude<keyof LandedCostOptions, 'quantity' | 'freight'>;

export interface LandedOptions {
  /** The rate card's row for this method; the first row when not given. */
  method?: FreightMethod;
  /** A row of the lines instead of the one per-piece number. */
  detail?: boolean;
  /** With `detail`: a header row above it. */
  header?: boolean;
  /** `false` with `rich=off`: a plain number, without the currency format. */
  rich?: boolean;
  /** Core's options the cell sets, over the rate card's percentages. */
  body: Partial<Pick<LandedCostOptions, CoreOption>>;
}

/**
 * Every option =LANDED takes, with what it does: core's landed-cost options (typed against LandedCostOptions, so
 * an option core adds fails the build until it is described here), then the add-in's own. The reader's names ARE
 * these keys, so =FIELDS("LANDED") and the reader cannot differ.
 */
export const LANDED_OPTION_DOCS: Readonly<
  Record<CoreOption | 'method' | 'detail' | 'header' | 'rich', string>
> = {
  method: "The rate card's row: air, express, sea or rail (default: its first row).",
  currency: "Every amount in this ISO currency, e.g. EUR (default: the rate card's currency) (ccy).",
  chinaFreight:
    "The China leg: a CNY amount you were quoted, none, or provider (the default: a provider's estimate).",
  sku: 'Price and weigh this variant (its id, from =OFFER(link,"variants")).',
  agentFeePercent: "Your agent's fee, % of the goods, over the rate card's agent % (agent).",
  dutyPercent: "Import duty %, over the rate card's duty % (duty).",
  vatPercent: "Import VAT %, over the rate card's VAT % (vat).",
  dutyBasis: 'cif (duty on goods + both freights, the EU rule, default) or fob (goods only, the US rule).',
  detail: 'One row of the lines (the columns below) instead of the per-piece number.',
  header: 'With detail: a header row above the row.',
  rich: 'rich=off: a plain number, without the currency format.',
};

const LANDED_OPTIONS = new OptionNames(Object.keys(LANDED_OPTION_DOCS));

const NUMERIC: readonly CoreOption[] = ['agentFeePercent', 'dutyPercent', 'vatPercent'];

/** A core option's value as written, checked by core's own schema for that option. */
function coreValue(key: CoreOption, written: string, text: CellValue): unknown {
  const raw = String(text ?? '').trim();
  if (raw === '') throw InputError.option(written, 'needs a value');
  const asNumber = Number(raw.replace(/[%％]$/, ''));
  let value: unknown = key === 'dutyBasis' || key === 'chinaFreight' ? raw.toLowerCase() : raw;
  if (NUMERIC.includes(key) || (key === 'chinaFreight' && Number.isFinite(asNumber))) value = asNumber;
  const parsed = LandedCostOptions.shape[key].safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'is not valid';
    throw InputError.option(
      written,
      key === 'chinaFreight' ? `"${raw}" is not a CNY amount, none or provider` : message,
    );
  }
  return parsed.data;
}

export function parseLandedOptions(argument: unknown): LandedOptions {
  const options: LandedOptions = { body: {} };
  const body: Record<string, unknown> = options.body;
  for (const [name, value] of optionPairs(argument as CellValue[][] | CellValue, 'method=sea; detail')) {
    const option = LANDED_OPTIONS.read(name, value);
    const { written, key, value: text } = option;
    if (key === 'detail') options.detail = yesNoOption(option);
    else if (key === 'header') options.header = yesNoOption(option);
    else if (key === 'rich') options.rich = richOption(option);
    else if (key === 'method') {
      const method = FreightMethod.safeParse(String(text ?? '').toLowerCase());
      if (!method.success)
        throw InputError.option(written, `"${text}" is not ${FreightMethod.options.join(', ')}`);
      options.method = method.data;
    } else body[key] = coreValue(key as CoreOption, written, text);
  }
  return options;
}
