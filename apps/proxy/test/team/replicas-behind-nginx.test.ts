import { ROUTES } from '@yuantou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedisServer, startNginx, startRedis } from '../../../../scripts/test-services.mjs';
import {
  closeFakes,
  type RunningFakes,
  resetFakes,
  searchPath,
  startAllFakes,
} from '../e2e/proxy-harness.js';
import { fakeEnv } from '../start-fakes.js';
import { type ProxyProcess, startProxyProcess } from './proxy-processes.js';
import { nginxBinary } from './team-services.js';

// Issue 28: three proxy processes behind a real nginx on loopback, sharing one Redis, behave as one proxy:
// identical cold requests cost one paid call whatever the upstream latency; budgets, quota latches and client
// rate limits hold across replicas; /v1/usage counts exactly the calls the fake upstreams received.

const TOKEN = 'team-buyer-token-0123456789';
const LIMITED_TOKEN = 'team-limited-token-0123456789';
const PER_MINUTE = 60;
const PANDAPON_BUDGET = 3;

let fakes: RunningFakes;
let redis: { url: string; stop(): Promise<void> };
let replicas: ProxyProcess[] = [];
let nginx: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  const redisServer = findRedisServer();
  if (!redisServer) throw new Error('redis-server is not installed: run `pnpm verify`, which installs it');
  [fakes, redis] = await Promise.all([startAllFakes(), startRedis(redisServer)]);
  const env = {
    ...fakeEnv(fakes),
    YUANTOU_DEMO: 'false',
    REDIS_URL: redis.url,
    YUANTOU_TOKENS: `${TOKEN},${LIMITED_TOKEN}`,
    YUANTOU_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
    YUANTOU_PANDAPON_DAILY_CALLS: String(PANDAPON_BUDGET),
    YUANTOU_REDIS_COMMAND_TIMEOUT_MS: '1000',
    LOG_LEVEL: 'warn',
  };
  replicas = await Promise.all([1, 2, 3].map(() => startProxyProcess(env)));
  nginx = await startNginx(
    nginxBinary(),
    replicas.map((r) => `127.0.0.1:${r.port}`),
  );
}, 90_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(replicas.map((r) => r.stop()));
  await redis?.stop();
  await closeFakes(fakes);
});

async function get(path: string, token = TOKEN) {
  const response = await fetch(`${nginx.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const upstreamCalls = () => Object.values(fakes).reduce((sum, fake) => sum + fake.calls.count(), 0);

describe('three replicas behind nginx, one Redis', () => {
  it.each([0, 300, 1500])(
    'nine identical cold requests cost one paid call with an upstream answering in %i ms',
    async (delayMs) => {
      resetFakes(fakes);
      fakes.tmapi.setMode(delayMs === 0 ? { kind: 'ok' } : { kind: 'delay', ms: delayMs });
      const keyword = `冷请求${delayMs}`;
      const answers = await Promise.all(
        Array.from({ length: 9 }, () => get(searchPath(ROUTES.products, keyword, 'tmapi'))),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      expect(fakes.tmapi.calls.count()).toBe(1);
    },
    30_000,
  );

  it('shares the daily budget: three paid calls in all, whichever replica serves', async () => {
    resetFakes(fakes);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await get(searchPath(ROUTES.products, `预算${i}`, 'pandapon')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 503, 503]);
    expect(answers[3]!.body.detail).toContain(`pandapon daily budget of ${PANDAPON_BUDGET} calls spent`);
    expect(fakes.pandapon.calls.count()).toBe(PANDAPON_BUDGET);
  });

  it('shares a quota latch: after one "quota spent" answer no replica calls that provider', async () => {
    resetFakes(fakes);
    fakes.onebound.setMode({ kind: 'error', code: '4013' });
    expect((await get(searchPath(ROUTES.products, '额度', 'onebound'))).body.kind).toBe('quota');
    const more = await Promise.all(
      Array.from({ length: 6 }, (_, i) => get(searchPath(ROUTES.products, `额度${i}`, 'onebound'))),
    );
    expect(more.map((a) => a.body.kind)).toEqual(more.map(() => 'quota'));
    expect(fakes.onebound.calls.count()).toBe(1);
    resetFakes(fakes);
  });

  it('/v1/usage totals equal the calls the upstreams received, on every replica', async () => {
    const received = upstreamCalls();
    // Calls from the tests above, before their fakes were reset, are in the ledger too: count them afresh.
    resetFakes(fakes);
    expect(received).toBe(0);
    const before = await get(ROUTES.usage);
    const total = (body: { providers: { callsToday: number }[] }) =>
      body.providers.reduce((sum, p) => sum + p.callsToday, 0);
    for (let i = 0; i < 4; i++)
      await get(searchPath(ROUTES.products, `用量${i}`, i % 2 ? 'tmapi' : 'dajisaas'));
    const counted = upstreamCalls();
    expect(counted).toBeGreaterThanOrEqual(4);
    for (const replica of replicas) {
      const usage = await fetch(`${replica.url}${ROUTES.usage}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(total((await usage.json()) as never) - total(before.body)).toBe(counted);
    }
  });

  it(`shares the client rate limit: ${PER_MINUTE} a minute per token across the replicas, not per replica`, async () => {
    const answers = await Promise.all(
      Array.from({ length: PER_MINUTE + 30 }, () => get(ROUTES.usage, LIMITED_TOKEN)),
    );
    expect(answers.filter((a) => a.status === 200).length).toBe(PER_MINUTE);
    expect(answers.filter((a) => a.status === 429).length).toBe(30);
  });
});
