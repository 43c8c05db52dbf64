import { describe, expect, it } from 'vitest';
import { createOffersInFlight } from './offers-in-flight.js';

describe('createOffersInFlight', () => {
  it('names a provider asked now for the offer in that language, until every call there has ended', () => {
    const inFlight = createOffersInFlight();
    const endA = inFlight.begin('612345678901', 'en', 'tmapi');
    const endB = inFlight.begin('612345678901', 'en', 'tmapi');
    expect(inFlight.at('612345678901', 'en')).toBe('tmapi');
    expect(inFlight.at('612345678901', undefined)).toBeUndefined();
    endA();
    expect(inFlight.at('612345678901', 'en')).toBe('tmapi');
    const endC = inFlight.begin('612345678901', 'en', 'onebound');
    endB();
    // tmapi is done: onebound is the one still being asked.
    expect(inFlight.at('612345678901', 'en')).toBe('onebound');
    endC();
    expect(inFlight.at('612345678901', 'en')).toBeUndefined();
  });
});
