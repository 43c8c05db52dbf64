import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createHarness } from './__fixtures__/gateway-harness.js';
import { watchRedisOutage } from './redis-outage-watch.js';

function logged() {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), messages: () => lines.map((l) => l.msg) };
}

describe('the Redis outage watch', () => {
  it('says so once per outage, whoever reports it, and once when Redis is back', () => {
    const redis = new EventEmitter();
    const { logger, messages } = logged();
    const report = watchRedisOutage(redis as unknown as Redis, logger);
    redis.emit('error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    report(new Error('Command timed out'));
    report(new Error('Command timed out'));
    redis.emit('ready');
    redis.emit('ready');
    report(new Error('Command timed out'));
    expect(messages()).toEqual([
      'redis unavailable; serving from this instance (local cache, counts, limits)',
      'redis is back; sharing state again',
      'redis unavailable; serving from this instance (local cache, counts, limits)',
    ]);
  });

  it('is one per process: a gateway given the process watch adds no listener of its own', async () => {
    const redis = new EventEmitter();
    const reported: unknown[] = [];
    const { gateway } = createHarness({
      baseUrl: 'http://127.0.0.1:9',
      gateway: { redis: redis as unknown as Redis, onRedisError: (error) => reported.push(error) },
    });
    expect(redis.listenerCount('error')).toBe(0);
    expect(redis.listenerCount('ready')).toBe(0);
    await gateway.close();
  });
});
