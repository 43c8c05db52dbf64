import { ROUTES } from '@yuantou/core';
import { DAJISAAS_PATHS, TMAPI_PATHS, times } from '@yuantou/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  fakeConfig,
  type RunningProxy,
  searchPath,
  TEST_CIRCUIT,
  TEST_RETRY,
  useFakesAndProxy,
} from './proxy-harness.js';

// Cache, single-flight, retries, 429 bursts and the circuit breaker, counted on the fake's side of the socket.

const suite = useFakesAndProxy();
let proxy: RunningProxy;

beforeEach(async () => {
  proxy = await suite.start(fakeConfig(suite.fakes));
});

const products = (provider: string, keyword: string) => searchPath(ROUTES.products, keyword, provider);

describe('proxy resilience against fake upstreams', () => {
  it('serves an identical second request from cache without calling the provider', async () => {
    const first = await proxy.get(products('tmapi', '缓存测试'));
    const second = await proxy.get(products('tmapi', '缓存测试'));
    expect(first.body.providers[0]).toMatchObject({ outcome: 'ok', fromCache: false });
    expect(second.body.providers[0]).toMatchObject({ outcome: 'ok', fromCache: true });
    expect(second.body.items).toEqual(first.body.items);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.items)).toBe(1);

    // A different keyword is a miss.
    await proxy.get(products('tmapi', '另一个词'));
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.items)).toBe(2);
  });

  it('coalesces 100 concurrent identical requests into one provider call', async () => {
    // Slow enough that every request arrives while the first call is in flight.
    suite.fakes.tmapi.setMode({ kind: 'delay', ms: 400 });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => proxy.get(products('tmapi', '并发'))),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body.items))).size).toBe(1);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.items)).toBe(1);
  });

  it('stops retrying a provider that keeps answering 503 after maxAttempts calls', async () => {
    suite.fakes.dajisaas.setMode({ kind: 'error', code: '503' });
    const answer = await proxy.get(products('dajisaas', '一直失败'));
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({
      kind: 'upstream',
      providers: [{ provider: 'dajisaas', outcome: 'error' }],
    });
    expect(suite.fakes.dajisaas.calls.count(DAJISAAS_PATHS.keywordQuery)).toBe(TEST_RETRY.maxAttempts);
  });

  it('rides out a 429 burst with Retry-After and returns the page', async () => {
    suite.fakes.tmapi.behave(times(2, { kind: 'status', status: 429, headers: { 'retry-after': '1' } }));
    const answer = await proxy.get(products('tmapi', '限流'));
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeGreaterThan(0);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.items)).toBe(3);
  });

  it('retries a reset connection and an HTML 502 page, but not malformed JSON', async () => {
    suite.fakes.tmapi.behave([{ kind: 'reset' }, { kind: 'html', status: 502 }]);
    expect((await proxy.get(products('tmapi', '重置'))).status).toBe(200);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.items)).toBe(3);

    suite.fakes.tmapi.behave({ kind: 'malformedJson' });
    const malformed = await proxy.get(products('tmapi', '坏的JSON'));
    expect([malformed.status, malformed.body.kind]).toEqual([502, 'invalid_response']);
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.items)).toBe(4);
  });

  it('opens the circuit (fast failure, no calls) and closes it after the reset time', async () => {
    suite.fakes.dajisaas.setMode({ kind: 'error', code: '503' });
    await proxy.get(products('dajisaas', '熔断'));
    await proxy.get(products('dajisaas', '熔断'));
    // The fourth consecutive failure tripped the breaker; the second request's last attempt was refused locally.
    const callsWhenOpen = suite.fakes.dajisaas.calls.count();
    expect(callsWhenOpen).toBe(TEST_CIRCUIT.failureThreshold);

    const started = performance.now();
    const refused = await proxy.get(products('dajisaas', '熔断'));
    // Fast (no upstream wait); generous for a loaded machine — the call count below is the real check.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refused.status).toBe(503);
    expect(refused.body.kind).toBe('upstream');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(suite.fakes.dajisaas.calls.count()).toBe(callsWhenOpen);

    suite.fakes.dajisaas.setMode({ kind: 'ok' });
    await new Promise((resolve) => setTimeout(resolve, TEST_CIRCUIT.resetAfterMs + 100));
    const recovered = await proxy.get(products('dajisaas', '熔断'));
    expect(recovered.status).toBe(200);
    const again = await proxy.get(products('dajisaas', '恢复后'));
    expect(again.status).toBe(200);
    expect(suite.fakes.dajisaas.calls.count()).toBe(callsWhenOpen + 2);
  });

  it.each([
    ['headers', { kind: 'delay', ms: 3000 }],
    ['body', { kind: 'slowBody', ms: 3000 }],
  ] as const)('times out a provider that is too slow to send its %s', async (_, behaviour) => {
    suite.fakes.tmapi.setMode(behaviour);
    const answer = await proxy.get(products('tmapi', '慢'));
    expect([answer.status, answer.body.kind]).toEqual([504, 'timeout']);
    // The provider took the request and never answered: it may have been billed, so it is not sent again.
    expect(suite.fakes.tmapi.calls.count(TMAPI_PATHS.items)).toBe(1);
  });
});
