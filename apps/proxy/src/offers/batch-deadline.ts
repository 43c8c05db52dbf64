import type { OfferItemError, ProviderId } from '@yuantou/core';

// One deadline per batch of links (issue 23: "one 200-ref request ran 124 s at default limits … One deadline per
// batch, results so far returned and the rest marked with why"). `POST /v1/offers` and `POST
// /v1/landed-cost/batch` both start one when the request arrives (`YUANTOU_OFFER_BATCH_DEADLINE_MS`), and every
// step of the batch shares it: the offer walk (offer-spread.ts) gets what is left of it, the landed-cost batch's
// China-freight estimates race it. When it passes, nothing new is sent; a call already in flight is left to
// finish (it is likely paid already) and its answer fills the gateway's cache, so asking again costs nothing for it.

/** The deadline of one batch, started when the request arrived. */
export interface BatchDeadline {
  /** The whole deadline (ms), as configured: what the answer's message says. */
  readonly ms: number;
  /** What is left of it (ms, never below 0). */
  leftMs(): number;
  /** True once it has passed: no new paid call may start. */
  passed(): boolean;
  /**
   * `work`'s value if it settles before the deadline (its rejection passes through), else `missed` — `work`
   * keeps running either way, and its answer is cached when it comes.
   */
  race<T>(work: Promise<T>): Promise<{ value: T } | 'missed'>;
}

/** Starts the deadline of one batch, now (`ms`: the configured `offers.batchDeadlineMs`). */
export function startBatchDeadline(ms: number, now: () => number = performance.now.bind(performance)) {
  const started = now();
  const leftMs = () => Math.max(0, ms - (now() - started));
  const deadline: BatchDeadline = {
    ms,
    leftMs,
    passed: () => leftMs() === 0,
    race<T>(work: Promise<T>) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const missed = new Promise<'missed'>((resolve) => {
        timer = setTimeout(() => resolve('missed'), leftMs());
      });
      return Promise.race([work.then((value) => ({ value })), missed]).finally(() => clearTimeout(timer));
    },
  };
  return deadline;
}

/**
 * A ref the batch's deadline left without an answer, with why: the providers still answering (`asking`) and
 * what they were asked (`step`, e.g. "the China freight estimate"; the offer itself when absent), or that it was
 * not asked at all.
 */
export function deadlineError(
  offerId: string,
  asking: ProviderId[],
  deadlineMs: number,
  step?: string,
): OfferItemError {
  const seconds = Math.round(deadlineMs / 100) / 10;
  const what = step === undefined ? '' : ` for ${step}`;
  const why =
    asking.length > 0
      ? `${asking.join(' and ')} had not answered${what} when the batch's ${seconds} s deadline passed; its answer is cached when it comes`
      : `not looked up${what} before the batch's ${seconds} s deadline passed`;
  return { kind: 'deadline', message: `offer ${offerId}: ${why} — ask again` };
}
