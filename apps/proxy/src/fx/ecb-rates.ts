import { request } from 'undici';
import { createSingleFlight } from '../upstream/single-flight.js';
import { ECB_DAILY_URL, EcbFeedError, parseEcbDaily } from './ecb-daily.js';
import { nextPoll } from './ecb-schedule.js';
import { type RateTable, tableFromEcb } from './rate-tables.js';

export interface RateProvider {
  /** The current table; rejects with RatesUnavailableError when no rates can be had. */
  table(signal?: AbortSignal): Promise<RateTable>;
}

export class RatesUnavailableError extends Error {
  override readonly name = 'RatesUnavailableError';
}

export interface EcbRatesOptions {
  url?: string;
  timeoutMs?: number;
  /** After a failed fetch, how long to answer from the last good set (or fail) before trying again. */
  failureBackoffMs?: number;
  now?: () => number;
  onFetch?: (outcome: 'ok' | 'error', detail?: string) => void;
}

/**
 * The ECB daily feed, fetched at most once per publication: a set dated D is kept until the next working
 * day's poll time (see ecb-schedule.ts); concurrent requests share one fetch; a failed fetch keeps serving the
 * last good set (flagged stale once old) and is not retried for `failureBackoffMs`.
 */
export function ecbRates(options: EcbRatesOptions = {}): RateProvider {
  const url = options.url ?? ECB_DAILY_URL;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoffMs = options.failureBackoffMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const flights = createSingleFlight();
  let current: { table: RateTable; until: number } | undefined;
  let failure: { until: number; message: string } | undefined;

  async function fetchTable(signal: AbortSignal): Promise<RateTable> {
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const response = await request(url, {
        headers: { accept: 'application/xml, text/xml' },
        signal: AbortSignal.any([signal, deadline]),
      });
      const body = await response.body.text();
      if (response.statusCode !== 200) throw new EcbFeedError(`ECB rates: HTTP ${response.statusCode}`);
      const daily = parseEcbDaily(body);
      const table = tableFromEcb(daily);
      if (!table) throw new EcbFeedError('ECB rates: the feed lists no CNY rate');
      current = { table, until: nextPoll(daily.date, now()) };
      failure = undefined;
      options.onFetch?.('ok', daily.date);
      return table;
    } catch (error) {
      signal.throwIfAborted();
      const message =
        error instanceof EcbFeedError
          ? error.message
          : deadline.aborted
            ? `ECB rates: no answer within ${timeoutMs} ms`
            : `ECB rates: unreachable (${(error as { code?: string }).code ?? 'network error'})`;
      failure = { until: now() + backoffMs, message };
      options.onFetch?.('error', message);
      if (current) return current.table;
      throw new RatesUnavailableError(message);
    }
  }

  return {
    async table(signal) {
      const at = now();
      if (current && at < current.until) return current.table;
      if (failure && at < failure.until) {
        if (current) return current.table;
        throw new RatesUnavailableError(failure.message);
      }
      return flights.run('ecb', fetchTable, { signal });
    },
  };
}

/** A source that never changes (fixed config rates, demo rates). */
export function constantRates(table: RateTable): RateProvider {
  return { table: async () => table };
}
