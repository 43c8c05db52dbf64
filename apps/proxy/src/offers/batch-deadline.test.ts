import { describe, expect, it } from 'vitest';
import { deadlineError, startBatchDeadline } from './batch-deadline.js';

describe('startBatchDeadline', () => {
  it('counts down from when the batch started, on the clock it is given', () => {
    let now = 1_000;
    const deadline = startBatchDeadline(500, () => now);
    expect(deadline.leftMs()).toBe(500);
    now += 300;
    expect(deadline.leftMs()).toBe(200);
    expect(deadline.passed()).toBe(false);
    now += 400;
    expect(deadline.leftMs()).toBe(0);
    expect(deadline.passed()).toBe(true);
    expect(deadline.ms).toBe(500);
  });

  it('race: the value when the work ends first, else missed while the work goes on', async () => {
    const deadline = startBatchDeadline(60);
    expect(await deadline.race(Promise.resolve(7))).toEqual({ value: 7 });
    let landed = false;
    const slow = new Promise<number>((resolve) => setTimeout(() => resolve(1), 150)).then((v) => {
      landed = true;
      return v;
    });
    expect(await deadline.race(slow)).toBe('missed');
    expect(landed).toBe(false);
    await slow;
    expect(landed).toBe(true);
    await expect(deadline.race(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('deadlineError', () => {
  it('says who was still answering, for which step, and that the answer is cached when it comes', () => {
    expect(deadlineError('1', ['tmapi'], 35_000)).toEqual({
      kind: 'deadline',
      message:
        "offer 1: tmapi had not answered when the batch's 35 s deadline passed; its answer is cached when it comes — ask again",
    });
    expect(deadlineError('1', [], 1_250, 'the China freight estimate').message).toBe(
      "offer 1: not looked up for the China freight estimate before the batch's 1.3 s deadline passed — ask again",
    );
  });
});
