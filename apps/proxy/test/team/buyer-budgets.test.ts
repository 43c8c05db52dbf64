import { randomUUID } from 'node:crypto';
import { ROUTES } from '@yuantou/core';
import { TMAPI_PATHS } from '@yuantou/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createBuyerLookup } from '../../src/plugins/app/buyers.js';
import { describeWithRedis, REDIS_URL } from '../../src/upstream/__fixtures__/redis.js';
import {
  closeFakes,
  fakeConfig,
  type RunningFakes,
  type RunningProxy,
  resetFakes,
  searchPath,
  startAllFakes,
  startProxy,
} from '../e2e/proxy-harness.js';

// Issue 28: named tokens, each buyer with an optional daily paid-call budget of their own. A buyer over budget
// is refused paid calls (cache hits still served) while the others go on; /v1/usage shows the caller's own
// spend and the team's.

const ALICE = `alice-token-${randomUUID()}`;
const BOB = `bob-token-${randomUUID()}`;

let fakes: RunningFakes;
const proxies: RunningProxy[] = [];
beforeAll(async () => {
  fakes = await startAllFakes();
});
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  resetFakes(fakes);
});
afterAll(() => closeFakes(fakes));

const tmapiCalls = () => fakes.tmapi.calls.count(TMAPI_PATHS.items);

async function teamProxy(redisUrl?: string) {
  const named = loadConfig({
    env: { YUANTOU_TOKENS: `alice:${ALICE},bob:${BOB}`, YUANTOU_TOKEN_DAILY_CALLS: 'alice:2' },
    cwd: '/',
  });
  const base = fakeConfig(fakes);
  const proxy = await startProxy({
    ...base,
    tokens: named.tokens,
    buyers: named.buyers,
    secrets: [...base.secrets, ...named.secrets],
    responseTtlSeconds: 0,
    ...(redisUrl ? { redisUrl, redisCommandTimeoutMs: 1000 } : {}),
  });
  proxies.push(proxy);
  return proxy;
}

async function as(proxy: RunningProxy, token: string, path: string) {
  const response = await fetch(`${proxy.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  proxy.bodies.push(text);
  return { status: response.status, body: JSON.parse(text) };
}

const products = (keyword: string) => searchPath(ROUTES.products, keyword, 'tmapi');

describe('a buyer over their own daily budget', () => {
  it('is refused paid calls with a problem naming the buyer budget and its reset; the others go on', async () => {
    const proxy = await teamProxy();
    const prefix = randomUUID();
    expect((await as(proxy, ALICE, products(`${prefix}1`))).status).toBe(200);
    expect((await as(proxy, ALICE, products(`${prefix}2`))).status).toBe(200);
    const refused = await as(proxy, ALICE, products(`${prefix}3`));
    expect([refused.status, refused.body.kind]).toEqual([503, 'quota']);
    expect(refused.body.detail).toContain(
      'buyer alice: daily budget of 2 paid calls spent; resets 00:00 UTC (other buyers are not affected)',
    );
    // What is already paid for is still hers: a cache hit costs nothing.
    const hit = await as(proxy, ALICE, products(`${prefix}1`));
    expect([hit.status, hit.body.providers[0].fromCache]).toEqual([200, true]);
    expect((await as(proxy, BOB, products(`${prefix}3`))).status).toBe(200);
    expect(tmapiCalls()).toBe(3);

    const alice = (await as(proxy, ALICE, ROUTES.usage)).body;
    expect(alice.buyer).toMatchObject({ name: 'alice', callsToday: 2, dailyBudget: 2 });
    expect(Date.parse(alice.buyer.exhaustedUntil)).toBeGreaterThan(Date.now());
    expect(alice.teamCallsToday).toBe(3);
    const bob = (await as(proxy, BOB, ROUTES.usage)).body;
    expect(bob.buyer).toEqual({ name: 'bob', callsToday: 1, dailyBudget: null, exhaustedUntil: null });
    expect(bob.teamCallsToday).toBe(3);
    // Tokens never reach a log line or a body; the buyer's name may.
    const everything = [...proxy.logLines, ...proxy.bodies].join('\n');
    expect(everything).not.toContain(ALICE);
    expect(everything).not.toContain(BOB);
  });
});

describe('a buyer over budget asking again for what was already paid for', () => {
  it('gets the older answer, stale, with "budget reached — values as of …", and costs nothing', async () => {
    const proxy = await teamProxy();
    const prefix = randomUUID();
    const bought = await as(proxy, BOB, products(`${prefix}kept`));
    for (const n of [1, 2]) await as(proxy, ALICE, products(`${prefix}${n}`));
    expect(tmapiCalls()).toBe(3);
    // maxAge=0 asks for a fresh answer: a paid call alice's budget refuses, so bob's older one is served.
    const again = await as(
      proxy,
      ALICE,
      searchPath(ROUTES.products, `${prefix}kept`, 'tmapi', { maxAge: '0' }),
    );
    expect(again.status).toBe(200);
    expect(again.body.providers[0]).toMatchObject({
      outcome: 'ok',
      stale: true,
      fetchedAt: bought.body.providers[0].fetchedAt,
    });
    expect(again.body.providers[0].staleReason).toMatch(/^budget reached — values as of .+ UTC$/);
    expect(again.body.items).toEqual(bought.body.items);
    expect(tmapiCalls()).toBe(3);
  });
});

describeWithRedis('buyer budgets across replicas', () => {
  it("one buyer's budget is shared by every replica", async () => {
    const a = await teamProxy(REDIS_URL);
    const b = await teamProxy(REDIS_URL);
    const before = (await as(a, ALICE, ROUTES.usage)).body.buyer.callsToday as number;
    const prefix = randomUUID();
    const statuses: number[] = [];
    for (let i = 0; i < 3 - before + 1; i++)
      statuses.push((await as(i % 2 ? a : b, ALICE, products(`${prefix}${i}`))).status);
    expect(statuses.at(-1)).toBe(503);
    expect((await as(b, ALICE, ROUTES.usage)).body.buyer.callsToday).toBe(2);
  });
});

describe('createBuyerLookup', () => {
  it('finds the buyer of a token, and nobody for a token that differs in one character or in length', () => {
    const lookup = createBuyerLookup([
      { name: 'alice', token: ALICE, dailyCalls: 2 },
      { name: 'bob', token: BOB, dailyCalls: null },
    ]);
    expect(lookup(ALICE)?.name).toBe('alice');
    expect(lookup(BOB)?.name).toBe('bob');
    expect(lookup(`${ALICE.slice(0, -1)}x`)).toBeUndefined();
    expect(lookup(`${ALICE}x`)).toBeUndefined();
    expect(lookup(undefined)).toBeUndefined();
  });
});
