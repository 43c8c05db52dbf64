import { OfferParams } from '@yuantou/core';
import { InputError } from '../cells/input-error.js';
import { type CellValue, optionPairs, richOption } from '../search/search-options.js';

// `options` of =OFFER and =OFFERS: text such as "language=en; currency=USD; quantity=500; header", or a 2-column
// range of names and values. What `language`, `currency` and `quantity` mean is core's OfferParams schema (the one
// the proxy's GET /v1/offers/:ref reads); `header` (a header row above =OFFER's row) and `rich` (`rich=off`: plain
// values where the host could show cards and pictures, read as the search functions read it) are the add-in's own.

export interface OfferOptions {
  language?: OfferParams['language'];
  quantity?: number;
  /** Prices also in this currency (ISO 4217, upper-cased), converted by the proxy's rates. */
  currency?: string;
  header?: boolean;
  /** `false` with `rich=off`; absent or `true` shows cards and pictures where the host can. */
  rich?: boolean;
}

const NAMES: Readonly<Record<string, keyof OfferOptions>> = {
  language: 'language',
  lang: 'language',
  quantity: 'quantity',
  qty: 'quantity',
  currency: 'currency',
  ccy: 'currency',
  header: 'header',
  headers: 'header',
  rich: 'rich',
};

export function parseOfferOptions(argument: unknown): OfferOptions {
  const options: OfferOptions = {};
  for (const [rawName, value] of optionPairs(
    argument as CellValue[][] | CellValue,
    'language=en; quantity=500',
  )) {
    const written = rawName.trim();
    const name = NAMES[written.toLowerCase()];
    if (!name) {
      throw new InputError(
        'argument',
        `option "${written}": unknown option (use language, quantity, currency, header, rich)`,
      );
    }
    const text = typeof value === 'string' ? value.trim() : value;
    if (name === 'header') {
      const flag = String(text ?? '').toLowerCase();
      if (!['', 'true', 'yes', '1', 'false', 'no', '0'].includes(flag) && text !== true && text !== false) {
        throw new InputError('argument', `option "${written}": "${text}" is not yes/no`);
      }
      options.header = text === true || ['', 'true', 'yes', '1'].includes(flag);
      continue;
    }
    if (name === 'rich') {
      options.rich = richOption({ written, key: name, value: text });
      continue;
    }
    const parsed = OfferParams.safeParse({ [name]: typeof text === 'string' ? text.toLowerCase() : text });
    const got = parsed.success ? parsed.data[name] : undefined;
    if (got === undefined) {
      const issue = parsed.error?.issues[0]?.message ?? 'needs a value';
      throw new InputError('argument', `option "${written}": ${text === '' ? 'needs a value' : issue}`);
    }
    if (name === 'language') options.language = got as OfferOptions['language'];
    else if (name === 'currency') options.currency = got as string;
    else options.quantity = got as number;
  }
  return options;
}
