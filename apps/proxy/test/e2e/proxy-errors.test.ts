import { ROUTES } from '@yuantou/core';
import type { Behaviour } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../src/config/load-config.js';
import {
  fakeConfig,
  type RunningFakes,
  type RunningProxy,
  searchPath,
  useFakesAndProxy,
} from './proxy-harness.js';

// Each provider error, as its fake really sends it, → the proxy's problem status and kind (search/all-failed.ts:
// 504 when every provider timed out, 503 when waiting helps, 502 otherwise). After every test, no configured
// secret may appear in any response body or log line.

const suite = useFakesAndProxy({ afterClose: expectNoSecrets });

/** Every spelling a secret could take in a body or a log line. */
function expectNoSecrets(running: RunningProxy): void {
  expect(running.logLines.length).toBeGreaterThan(0);
  const text = [...running.bodies, ...running.logLines].join('\n');
  for (const secret of running.config.secrets) {
    for (const spelling of new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
    ])) {
      expect(text.includes(spelling), `secret ${secret.slice(0, 3)}… leaked`).toBe(false);
    }
  }
}

async function search(provider: keyof RunningFakes, config?: ProxyConfig) {
  const proxy = await suite.start(config ?? fakeConfig(suite.fakes));
  return proxy.get(searchPath(ROUTES.products, '错误测试', provider));
}

type Row = [keyof RunningFakes, Behaviour, number, string];

const rows: Row[] = [
  ['tmapi', { kind: 'error', code: '417' }, 502, 'upstream'],
  ['tmapi', { kind: 'error', code: '422' }, 502, 'bad_request'],
  ['tmapi', { kind: 'error', code: '439' }, 503, 'quota'],
  ['tmapi', { kind: 'error', code: '499' }, 504, 'timeout'],
  ['tmapi', { kind: 'error', code: '500' }, 502, 'upstream'],
  ['tmapi', { kind: 'error', code: '503' }, 503, 'rate_limited'],
  ['tmapi', { kind: 'status', status: 404, body: '' }, 502, 'not_found'],
  ['onebound', { kind: 'error', code: '4003' }, 502, 'bad_request'],
  ['onebound', { kind: 'error', code: '4004' }, 502, 'auth'],
  ['onebound', { kind: 'error', code: '4013', encoding: 'gbk' }, 503, 'quota'],
  ['onebound', { kind: 'error', code: '429', encoding: 'gbk' }, 503, 'rate_limited'],
  ['onebound', { kind: 'error', code: '429', retryAfterSeconds: 30 }, 503, 'rate_limited'],
  ['onebound', { kind: 'error', code: '4006' }, 502, 'upstream'],
  ['alibaba', { kind: 'error', code: '110' }, 502, 'auth'],
  ['alibaba', { kind: 'error', code: '200' }, 502, 'bad_request'],
  ['alibaba', { kind: 'error', code: 'gw.QpsOverLimit' }, 503, 'rate_limited'],
  ['alibaba', { kind: 'error', code: 'result.failure' }, 502, 'upstream'],
  ['dajisaas', { kind: 'error', code: '402' }, 503, 'quota'],
  ['dajisaas', { kind: 'error', code: '403' }, 502, 'auth'],
  ['pandapon', { kind: 'error', code: '400' }, 502, 'bad_request'],
  ['pandapon', { kind: 'malformedJson' }, 502, 'invalid_response'],
];

describe('provider errors at the proxy', () => {
  it.each(rows)('%s %j → HTTP %i, kind %s', async (provider, behaviour, status, kind) => {
    suite.fakes[provider].setMode(behaviour);
    const answer = await search(provider);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      status,
      kind,
      providers: [{ provider, outcome: 'error', error: { kind } }],
    });
    // The provider's own hint reaches the caller; without one, a rate limit pauses the provider for 1 s (and the
    // caller is told so), anything else gets no invented hint.
    const hint = behaviour.kind === 'error' ? behaviour.retryAfterSeconds : undefined;
    const expected = hint !== undefined ? String(hint) : kind === 'rate_limited' ? '1' : null;
    expect(answer.headers.get('retry-after')).toBe(expected);
  });

  it.each([
    ['tmapi', 'apiToken'],
    ['onebound', 'secret'],
    ['alibaba', 'appSecret'],
    ['dajisaas', 'appSecret'],
    ['pandapon', 'secret'],
  ] as const)(
    '%s with a wrong %s is rejected by the fake’s verifier → 502 auth, not retried',
    async (provider, field) => {
      const base = fakeConfig(suite.fakes);
      const config = {
        ...base,
        providers: base.providers.map((p) =>
          p.id === provider
            ? { ...p, credentials: { ...p.credentials, [field]: `wrong-${field}-value-123` } }
            : p,
        ),
        secrets: [...base.secrets, `wrong-${field}-value-123`],
      };
      const answer = await search(provider, config);
      expect(answer.status).toBe(502);
      expect(answer.body).toMatchObject({ kind: 'auth', providers: [{ provider, error: { kind: 'auth' } }] });
      expect(suite.fakes[provider].calls.count()).toBe(1);
    },
  );

  it('keeps secrets out even when the provider echoes one back in its error message', async () => {
    const token = fakeConfig(suite.fakes).providers.find((p) => p.id === 'tmapi')!.credentials
      .apiToken as string;
    suite.fakes.tmapi.setMode({
      kind: 'status',
      status: 422,
      body: JSON.stringify({ code: 422, msg: `Parameter error: apiToken=${token} page_size invalid` }),
    });
    const answer = await search('tmapi');
    expect(answer.body.kind).toBe('bad_request');
    // The provider's text does reach the caller, with the secret cut out (afterEach scans for it).
    expect(answer.body.providers[0].error.message).toContain('page_size invalid');
  });

  it('reports one failing provider next to the others that answered', async () => {
    suite.fakes.onebound.setMode({ kind: 'error', code: '4013' });
    const proxy = await suite.start(fakeConfig(suite.fakes));
    const answer = await proxy.get(
      `${ROUTES.products}?q=${encodeURIComponent('部分失败')}&provider=tmapi,onebound`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.providers).toEqual([
      expect.objectContaining({ provider: 'tmapi', outcome: 'ok' }),
      expect.objectContaining({
        provider: 'onebound',
        outcome: 'error',
        error: expect.objectContaining({ kind: 'quota' }),
      }),
    ]);
    expect(answer.body.items.length).toBeGreaterThan(0);
  });
});
