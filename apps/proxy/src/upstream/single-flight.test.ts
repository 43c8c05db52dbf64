import { afterAll, describe, expect, it } from 'vitest';
import { sleep } from '../sleep.js';
import { connectTestRedis, describeWithRedis, uniquePrefix } from './__fixtures__/redis.js';
import { delay } from './__fixtures__/test-server.js';
import { createSingleFlight, redisLock } from './single-flight.js';

describe('createSingleFlight (one instance)', () => {
  it('runs the work once for 100 concurrent identical keys and gives everyone the result', async () => {
    const flight = createSingleFlight();
    let calls = 0;
    const work = async () => {
      calls++;
      await delay(20);
      return { n: calls };
    };
    const results = await Promise.all(Array.from({ length: 100 }, () => flight.run('k', work)));
    expect(calls).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(flight.inFlight).toBe(0);
    await flight.run('k', work);
    expect(calls).toBe(2);
  });

  it('shares a failure with every waiter and does not remember it', async () => {
    const flight = createSingleFlight();
    let calls = 0;
    const failing = async () => {
      calls++;
      await delay(5);
      throw new Error(`fail ${calls}`);
    };
    const outcomes = await Promise.allSettled([flight.run('k', failing), flight.run('k', failing)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(flight.run('k', failing)).rejects.toThrow('fail 2');
  });

  it('keeps different keys apart', async () => {
    const flight = createSingleFlight();
    let calls = 0;
    await Promise.all(['a', 'b', 'a'].map((k) => flight.run(k, async () => ++calls)));
    expect(calls).toBe(2);
  });

  it('a caller that aborts stops waiting; the shared work goes on for the others', async () => {
    const flight = createSingleFlight();
    let workSignal: AbortSignal | undefined;
    const work = async (signal: AbortSignal) => {
      workSignal = signal;
      await delay(40);
      return 'page';
    };
    const leaving = new AbortController();
    const first = flight.run('k', work, { signal: leaving.signal });
    const second = flight.run('k', work, { signal: new AbortController().signal });
    leaving.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await expect(second).resolves.toBe('page');
    expect(workSignal?.aborted).toBe(false);
  });

  it('aborts the shared work when every caller has aborted', async () => {
    const flight = createSingleFlight();
    let workSignal: AbortSignal | undefined;
    const controller = new AbortController();
    const run = flight.run(
      'k',
      async (signal) => {
        workSignal = signal;
        await sleep(1000, signal);
        return 'late';
      },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(workSignal?.aborted).toBe(true);
    expect(flight.inFlight).toBe(0);
  });
});

describe('createSingleFlight with a lease that was just released', () => {
  it('looks at the peer result once more after acquiring, so a finished peer is not paid for twice', async () => {
    // The lease is free (the peer finished and released it) and its answer is stored: no second call.
    const released: string[] = [];
    const lock = {
      tryAcquire: async () => 'token',
      renew: async () => true,
      release: async (key: string) => void released.push(key),
      isHeld: async () => false,
    };
    const flight = createSingleFlight({ lock });
    let calls = 0;
    const result = await flight.run('k', async () => ++calls, { peerResult: async () => 42 });
    expect([result, calls, released]).toEqual([42, 0, ['k']]);
    expect(await flight.run('k', async () => ++calls, { peerResult: async () => undefined })).toBe(1);
  });
});

describeWithRedis('createSingleFlight across instances (Redis lock)', () => {
  const redis = connectTestRedis();
  afterAll(() => redis.quit());

  it('one instance calls, the other picks up its result', async () => {
    const lock = redisLock(redis, uniquePrefix('lock'));
    const a = createSingleFlight({ lock, pollMs: 10 });
    const b = createSingleFlight({ lock, pollMs: 10 });
    let calls = 0;
    let shared: string | undefined;
    const work = async () => {
      calls++;
      await delay(60);
      shared = 'page';
      return shared;
    };
    const peerResult = async () => shared;
    const results = await Promise.all([
      a.run('k', work, { peerResult }),
      b.run('k', work, { peerResult }),
      b.run('k', work, { peerResult }),
    ]);
    expect(results).toEqual(['page', 'page', 'page']);
    expect(calls).toBe(1);
  });

  it('the loser calls itself when the winner ends without a result', async () => {
    const lock = redisLock(redis, uniquePrefix('lock'));
    const a = createSingleFlight({ lock, pollMs: 10 });
    const b = createSingleFlight({ lock, pollMs: 10 });
    let calls = 0;
    const work = async () => {
      calls++;
      await delay(30);
      if (calls === 1) throw new Error('winner failed');
      return 'second try';
    };
    const peerResult = async () => undefined;
    const [first, second] = await Promise.allSettled([
      a.run('k', work, { peerResult }),
      b.run('k', work, { peerResult }),
    ]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: 'second try' });
    expect(calls).toBe(2);
  });

  it('keeps one leader across instances when the call outlasts the lease several times (renewal)', async () => {
    const lock = redisLock(redis, uniquePrefix('lock'));
    const instances = [0, 1, 2].map(() => createSingleFlight({ lock, pollMs: 10, leaseMs: 400 }));
    let calls = 0;
    let shared: string | undefined;
    const work = async () => {
      calls++;
      await delay(2000);
      shared = 'slow page';
      return shared;
    };
    const peerResult = async () => shared;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => instances[i % 3]!.run('k', work, { peerResult })),
    );
    expect(results).toEqual(Array.from({ length: 6 }, () => 'slow page'));
    expect(calls).toBe(1);
  });

  it('renews only its own lease', async () => {
    const lock = redisLock(redis, uniquePrefix('lock'));
    const token = await lock.tryAcquire('k', 1000);
    expect(await lock.renew('k', 'someone-else', 5000)).toBe(false);
    expect(await lock.renew('k', token!, 5000)).toBe(true);
    // Past the first lease: only the renewal keeps it.
    await delay(1200);
    expect(await lock.isHeld('k')).toBe(true);
    await lock.release('k', token!);
  });

  it('releases only its own lease', async () => {
    const lock = redisLock(redis, uniquePrefix('lock'));
    const token = await lock.tryAcquire('k', 5000);
    expect(token).not.toBeNull();
    expect(await lock.tryAcquire('k', 5000)).toBeNull();
    await lock.release('k', 'someone-else');
    expect(await lock.isHeld('k')).toBe(true);
    await lock.release('k', token!);
    expect(await lock.isHeld('k')).toBe(false);
  });
});
