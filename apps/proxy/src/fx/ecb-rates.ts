import { request } from 'undici';
import { BodyTooLargeError, readCappedBody } from '../upstream/capped-body.js';
import { createSingleFlight } from '../upstream/single-flight.js';
import { ECB_DAILY_URL, EcbFeedError, parseEcbDaily } from './ecb-daily.js';
import { implausibleFeedDate, nextPoll } from './ecb-schedule.js';
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
  onFetch?: (outcome: 'ok' | 'error' | 'held', detail?: string) => void;
  /** A longer feed body fails the fetch (the daily file is about 1.6 kB). Default 256 kB. */
  maxBodyBytes?: number;
}

/**
 * A publication moving any rate by more than this against the previous one is held back (issue 23): a real
 * one-day move of 20 % in a currency the ECB lists has not happened; a broken feed does it every time.
 */
export const MAX_DAILY_MOVE = 0.2;

/** The first currency whose CNY rate moved more than {@link MAX_DAILY_MOVE} between two tables, with the move. */
function bigMove(previous: RateTable, next: RateTable): string | undefined {
  for (const currency of next.currencies()) {
    const before = previous.cnyPer(currency);
    const after = next.cnyPer(currency)!;
    if (before === undefined) continue;
    const move = Math.abs(after / before - 1);
    if (move > MAX_DAILY_MOVE)
      return `${currency} moved ${Math.round(move * 100)} % from ${previous.rateDate} to ${next.rateDate}`;
  }
  return undefined;
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
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
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
      const body = (await readCappedBody(response, maxBodyBytes)).toString('utf8');
      if (response.statusCode !== 200) throw new EcbFeedError(`ECB rates: HTTP ${response.statusCode}`);
      const daily = parseEcbDaily(body);
      const badDate = implausibleFeedDate(daily.date, now());
      if (badDate) throw new EcbFeedError(`ECB rates: the feed is ${badDate}; not used`);
      const table = tableFromEcb(daily);
      if (!table) throw new EcbFeedError('ECB rates: the feed lists no CNY rate');
      const moved = current && bigMove(current.table, table);
      if (moved && current) {
        // Held back, flagged: the last good set goes on being served, marked, until a sane publication.
        const message = `ECB rates: ${moved}; that publication is held back and the previous set is used`;
        current = { table: { ...current.table, heldBack: message }, until: current.until };
        failure = { until: now() + backoffMs, message };
        options.onFetch?.('held', message);
        return current.table;
      }
      current = { table, until: nextPoll(daily.date, now()) };
      failure = undefined;
      options.onFetch?.('ok', daily.date);
      return table;
    } catch (error) {
      signal.throwIfAborted();
      const message =
        error instanceof EcbFeedError
          ? error.message
          : error instanceof BodyTooLargeError
            ? `ECB rates: the feed sent more than ${maxBodyBytes} bytes; not used`
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
