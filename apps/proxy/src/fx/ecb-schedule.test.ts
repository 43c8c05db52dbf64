import { describe, expect, it } from 'vitest';
import { ageInDays, frankfurtTime, LATE_RETRY_MS, nextPoll } from './ecb-schedule.js';

const at = (iso: string) => Date.parse(iso);

describe('ECB publication schedule', () => {
  it('converts Frankfurt wall-clock time in winter (CET) and summer (CEST)', () => {
    expect(frankfurtTime('2024-03-14', 16, 30)).toBe(at('2024-03-14T15:30:00Z'));
    expect(frankfurtTime('2024-04-02', 16, 30)).toBe(at('2024-04-02T14:30:00Z'));
  });

  it('keeps a set until the next working day’s poll', () => {
    expect(nextPoll('2024-03-13', at('2024-03-13T16:00:00Z'))).toBe(at('2024-03-14T15:30:00Z'));
    // Friday's set lasts the weekend.
    expect(nextPoll('2024-03-15', at('2024-03-16T12:00:00Z'))).toBe(at('2024-03-18T15:30:00Z'));
  });

  it('retries every half hour until 18:00 when the expected set is late, then waits for the next day', () => {
    const late = at('2024-03-14T15:40:00Z');
    expect(nextPoll('2024-03-13', late)).toBe(late + LATE_RETRY_MS);
    expect(nextPoll('2024-03-13', at('2024-03-14T16:50:00Z'))).toBe(at('2024-03-14T17:00:00Z'));
    expect(nextPoll('2024-03-13', at('2024-03-14T17:30:00Z'))).toBe(at('2024-03-15T15:30:00Z'));
  });

  it('jumps a holiday gap (Easter 2024: Thursday 28 March to Tuesday 2 April)', () => {
    expect(nextPoll('2024-03-28', at('2024-03-30T10:00:00Z'))).toBe(at('2024-04-01T14:30:00Z'));
    expect(nextPoll('2024-03-28', at('2024-04-02T07:00:00Z'))).toBe(at('2024-04-02T14:30:00Z'));
  });

  it('counts a rate’s age in days', () => {
    expect(ageInDays('2024-03-28', at('2024-04-01T12:00:00Z'))).toBe(4);
    expect(ageInDays('2024-03-28', at('2024-04-02T07:00:00Z'))).toBe(5);
  });
});
