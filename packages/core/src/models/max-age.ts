import * as z from 'zod';

/**
 * `maxAge`: seconds. An answer at most this old may be served from the proxy's cache or database; `0` forces one
 * fresh paid call (still single-flighted and budgeted); left out, the proxy's configured TTLs apply. Ordinary
 * recalculation asks with a long `maxAge` (anything already paid for is reused), a deliberate refresh with `0`.
 */
export const MaxAge = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce
    .number()
    .int('maxAge is a whole number of seconds')
    .nonnegative('maxAge must be 0 or more seconds')
    .max(10 * 365 * 86_400, 'maxAge is at most ten years')
    .optional(),
);
/** Seconds an answer may be old, as {@link MaxAge} parses it (`undefined` = the proxy's TTLs). */
export type MaxAge = z.infer<typeof MaxAge>;
