import type { CurrenciesResponse } from '@yuantou/core';

// The pane accepts only a currency the proxy can convert (issue 21: "today RUB is 'Saved' and then every search
// fails"). The list is the proxy's own (GET /v1/currencies through core's client), so the pane never keeps a
// table of its own that could disagree with the rates the proxy has.

/** The part of core's client the check uses. */
export interface CurrencyLister {
  currencies(options?: { signal?: AbortSignal }): Promise<CurrenciesResponse>;
}

/**
 * `null` when `code` can be saved (blank = CNY only, or a currency the proxy lists); else the sentence the pane
 * shows, saying why: the proxy cannot convert it (with what it can), it has no rates now, or it could not be asked.
 */
export async function currencyProblem(code: string, proxy: CurrencyLister): Promise<string | null> {
  const wanted = code.trim().toUpperCase();
  if (wanted === '' || wanted === 'CNY') return null;
  let listed: CurrenciesResponse;
  try {
    listed = await proxy.currencies();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${wanted} not saved: the proxy could not be asked which currencies it converts (${reason}).`;
  }
  if (listed.error || listed.currencies.length === 0)
    return `${wanted} not saved: the proxy has no exchange rates now${listed.error ? ` (${listed.error})` : ''}.`;
  if (listed.currencies.includes(wanted)) return null;
  const source = [listed.source, listed.rateDate].filter(Boolean).join(' ');
  return `${wanted} not saved: the proxy cannot convert prices to ${wanted}${source ? ` (its rates: ${source})` : ''}. It converts ${listed.currencies.filter((c) => c !== 'CNY').join(', ')}.`;
}
