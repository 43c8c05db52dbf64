import fc from 'fast-check';
import { expect } from 'vitest';
import type * as z from 'zod';
import { ProviderError } from '../models/provider-error.js';

// Shared by the adapters' property tests: parseResponse may only ever return a valid page or throw a
// ProviderError, whatever the provider sends.

/** Runs a parser and checks it returned what `pageSchema` accepts, or threw a ProviderError — nothing else. */
export function expectPageOrProviderError(run: () => unknown, pageSchema: z.ZodType): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    expect(ProviderError.isInstance(error), String(error)).toBe(true);
    return;
  }
  expect(pageSchema.safeParse(result).error).toBeUndefined();
}

/** Values providers really send wrong: numbers as strings, `"NULL"`, percentages, negatives, overflow, U+FFFD. */
export const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.double(),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('NULL', '', '-1', '1e400', '50%', '-5%', '\uFFFD', '1.5-3', 'AA诚信等级', '//x', 'b2b-'),
);

/** A recorded item with some of its fields replaced by awkward values. */
export const mutatedItem = (sample: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .dictionary(fc.constantFrom(...Object.keys(sample)), awkwardValue)
    .map((patch) => ({ ...sample, ...patch }));

/** A list mixing mutated copies of a recorded item with arbitrary JSON. */
export const itemList = (sample: Record<string, unknown>): fc.Arbitrary<unknown[]> =>
  fc.array(fc.oneof(mutatedItem(sample), fc.jsonValue()), { maxLength: 5 });

/** Mostly near-valid envelopes (serialised), some arbitrary JSON and plain text. */
export const responseBodies = (envelope: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.string(), weight: 1 },
    { arbitrary: fc.json(), weight: 1 },
    { arbitrary: envelope.map((body) => JSON.stringify(body)), weight: 4 },
  );

/** The ProviderError `run` throws; fails the test when it returns or throws anything else. */
export function providerErrorFrom(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    if (ProviderError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}
