import type { ConversionFailure, CurrenciesResponse, RateQuote } from '@yuantou/core';
import { ProblemError, problem } from '../problem.js';
import { type RateProvider, RatesUnavailableError } from './ecb-rates.js';
import { ageInDays } from './ecb-schedule.js';

/** The rule: a rate older than 4 days is flagged (still applied). */
export const STALE_AFTER_DAYS = 4;

export interface CurrencyConverter {
  /**
   * The rate for `currency` (already upper-cased), or a failure when no rates can be had right now — an error
   * for the price fields, never a silent CNY. Throws a 400 problem naming `currency` when the source does not
   * list it.
   */
  quote(currency: string, signal?: AbortSignal): Promise<RateQuote | ConversionFailure>;
  /** The currencies the rates list now (CNY included), with their source and date, or why there are none. */
  list(signal?: AbortSignal): Promise<CurrenciesResponse>;
}

export function createCurrencyConverter(
  rates: RateProvider,
  options: { now?: () => number; staleAfterDays?: number } = {},
): CurrencyConverter {
  const now = options.now ?? Date.now;
  const staleAfterDays = options.staleAfterDays ?? STALE_AFTER_DAYS;
  return {
    async list(signal) {
      try {
        const table = await rates.table(signal);
        const stale = table.rateDate !== null && ageInDays(table.rateDate, now()) > staleAfterDays;
        return { currencies: table.currencies(), source: table.source, rateDate: table.rateDate, stale };
      } catch (error) {
        if (!(error instanceof RatesUnavailableError)) throw error;
        return { currencies: [], source: null, rateDate: null, stale: false, error: error.message };
      }
    },
    async quote(currency, signal) {
      let table: Awaited<ReturnType<RateProvider['table']>>;
      try {
        table = await rates.table(signal);
      } catch (error) {
        if (error instanceof RatesUnavailableError) return { currency, error: error.message };
        throw error;
      }
      const rate = table.cnyPer(currency);
      if (rate === undefined) {
        throw new ProblemError(
          problem(
            400,
            `currency ${currency} is not listed by the ${table.source} rates; available: ${table.currencies().join(', ')}`,
            { field: 'currency', kind: 'validation' },
          ),
        );
      }
      // A set kept because the newer one was held back is flagged like an old one: it may not be today's rate.
      const stale =
        table.heldBack !== undefined ||
        (table.rateDate !== null && ageInDays(table.rateDate, now()) > staleAfterDays);
      return { currency, rate, rateDate: table.rateDate, source: table.source, stale };
    },
  };
}
