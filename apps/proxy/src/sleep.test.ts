import { describe, expect, it } from 'vitest';
import { sleep } from './sleep.js';

describe('sleep', () => {
  it('never ends before Date.now() has moved the full time on, even with the event loop busy', async () => {
    for (let i = 0; i < 20; i++) {
      // Block the loop first so libuv's cached loop time lags behind Date.now() when the timer is armed.
      const busyUntil = Date.now() + 15;
      while (Date.now() < busyUntil) {}
      const started = Date.now();
      await sleep(25);
      expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    }
  });

  it('stops waiting as soon as the signal fires', async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError', cause: reason });
  });
});
