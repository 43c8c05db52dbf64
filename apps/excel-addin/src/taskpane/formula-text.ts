import { isRangeAddress } from '../cells/cell-address.js';
import type { FunctionDoc } from '../cells/function-docs.js';

// The formula the builder inserts, from what the buyer picked: arguments in the function's order (from its
// catalog entry, the one =FIELDS spills), options as the option reader reads them ("factoryOnly; city=汕头"),
// columns as `fields` ("title,price,moq"). Text is quoted with Excel's "" escape; ranges, counts and
// quantities are written bare; trailing blank arguments are dropped, blank ones between kept as `,,`.

export interface BuilderChoice {
  fn: FunctionDoc;
  /** Argument values as typed, by argument name. */
  args: Readonly<Record<string, string>>;
  /** The options switched on, with their value ('' for a switch such as factoryOnly). */
  options: readonly { name: string; value: string }[];
  /** Columns picked for `fields` (OFFER, OFFERS), in table order; none = the default set. */
  fields: readonly string[];
}

/** Arguments written bare: a range (links) and numbers. */
const BARE = new Set(['links', 'count', 'quantity']);

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** `factoryOnly; city=汕头`: the option reader's text form. */
export function optionsText(options: BuilderChoice['options']): string {
  return options.map((o) => (o.value.trim() === '' ? o.name : `${o.name}=${o.value.trim()}`)).join('; ');
}

function argumentText(name: string, choice: BuilderChoice): string {
  if (name === 'options') {
    const text = optionsText(choice.options);
    return text ? quote(text) : '';
  }
  if (name === 'fields') return choice.fields.length ? quote(choice.fields.join(',')) : '';
  const value = (choice.args[name] ?? '').trim();
  if (value === '') return '';
  if (BARE.has(name) && (name === 'links' || /^\d+(\.\d+)?$/.test(value))) return value;
  // LANDED's rates: a range (the rate card in the workbook) bare, the text form quoted.
  if (name === 'rates' && isRangeAddress(value)) return value;
  return quote(value);
}

/** `=SUPPLIERS("玩具厂","factoryOnly; city=汕头",10)`, with `namespace.` before the name when the build has one. */
export function formulaText(choice: BuilderChoice, namespace = ''): string {
  const parts = choice.fn.arguments.map((a) => argumentText(a.name, choice));
  while (parts.length > 0 && parts.at(-1) === '') parts.pop();
  return `=${namespace ? `${namespace}.` : ''}${choice.fn.name}(${parts.join(',')})`;
}
