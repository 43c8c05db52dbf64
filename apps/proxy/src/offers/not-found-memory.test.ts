import { describe, expect, it } from 'vitest';
import { createNotFoundMemory } from './not-found-memory.js';

describe('createNotFoundMemory (local)', () => {
  it('remembers a not-found with when it was checked, for its lifetime only', async () => {
    let clock = Date.parse('2026-12-05T10:00:00Z');
    const memory = createNotFoundMemory({ ttlSeconds: 60, prefix: 't:', now: () => clock });
    expect(await memory.checkedAt('612345678901')).toBeUndefined();
    await memory.remember('612345678901', new Date(clock));
    clock += 59_000;
    expect(await memory.checkedAt('612345678901')).toBe('2026-12-05T10:00:00.000Z');
    clock += 2_000;
    expect(await memory.checkedAt('612345678901')).toBeUndefined();
  });

  it('is off with a lifetime of 0', async () => {
    const memory = createNotFoundMemory({ ttlSeconds: 0, prefix: 't:' });
    await memory.remember('612345678901', new Date());
    expect(await memory.checkedAt('612345678901')).toBeUndefined();
  });

  it('is bounded: the oldest entry goes first', async () => {
    const memory = createNotFoundMemory({ ttlSeconds: 60, prefix: 't:', maxLocal: 2 });
    for (const id of ['612345678901', '612345678902', '612345678903']) await memory.remember(id, new Date());
    expect(await memory.checkedAt('612345678901')).toBeUndefined();
    expect(await memory.checkedAt('612345678903')).toBeDefined();
  });
});
