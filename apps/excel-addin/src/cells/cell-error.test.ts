import { ProxyRequestError } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { InputError } from '../cells/input-error.js';
import { cellErrorFor } from './cell-error.js';

const url = 'http://127.0.0.1:8787';
const at = { proxyUrl: url, timeoutSeconds: 40 };
const proxyError = (init: Partial<ConstructorParameters<typeof ProxyRequestError>[0]>) =>
  new ProxyRequestError({ kind: 'internal', message: 'boom', url, ...init });
const providerStatus = (provider: 'tmapi' | 'onebound', kind: 'quota' | 'rate_limited' | 'auth') => ({
  provider,
  outcome: 'error' as const,
  fromCache: false,
  stale: false,
  durationMs: 5,
  itemCount: 0,
  ignored: [],
  error: {
    provider,
    kind,
    retryable: false,
    status: 200,
    providerCode: '4013',
    retryAfterMs: null,
    message: 'x',
  },
});

describe('cellErrorFor', () => {
  it('unreachable proxy, no block seen → #N/A: check the URL in Settings, else allow local network access', () => {
    expect(cellErrorFor(proxyError({ kind: 'unreachable' }), at)).toEqual({
      code: 'notAvailable',
      message:
        'Proxy not reachable at http://127.0.0.1:8787 — open yuantou → Settings to check the URL and that the proxy runs; if it does, allow local network access in your browser',
    });
  });

  it('unreachable because the browser blocks it → the remedy for that block', () => {
    const unreachable = proxyError({ kind: 'unreachable' });
    expect(cellErrorFor(unreachable, { ...at, block: 'local-network' }).message).toBe(
      'Proxy at http://127.0.0.1:8787 blocked by the browser — allow local network access in your browser (site settings), then recalculate',
    );
    expect(cellErrorFor(unreachable, { ...at, block: 'mixed-content' }).message).toMatch(
      /may not call http — open yuantou → Settings and use an https proxy URL/,
    );
    expect(
      cellErrorFor(unreachable, { ...at, block: 'cors', origin: 'https://addin.example.com' }).message,
    ).toBe(
      'Proxy at http://127.0.0.1:8787 answers but refuses this add-in (CORS) — add https://addin.example.com to YUANTOU_CORS_ORIGINS on the proxy',
    );
  });

  it("the proxy's daily budget spent → 'budget reached; resets 00:00 UTC', not 'out of quota'", () => {
    const status = providerStatus('tmapi', 'quota');
    status.error.message = 'tmapi daily budget of 500 calls spent; resets 00:00 UTC';
    const error = proxyError({ kind: 'quota', status: 503, providers: [status] });
    expect(cellErrorFor(error, at)).toEqual({
      code: 'notAvailable',
      message: 'daily budget reached at tmapi; resets 00:00 UTC',
    });
    const buyer = proxyError({ kind: 'quota', status: 429, message: 'buyer budget of ¥200 spent today' });
    expect(cellErrorFor(buyer, at).message).toBe('budget reached; resets 00:00 UTC');
  });

  it('rejected token → #VALUE! "token rejected"', () => {
    const error = cellErrorFor(proxyError({ kind: 'unauthorized', status: 401 }), at);
    expect(error.code).toBe('invalidValue');
    expect(error.message).toMatch(/^token rejected/);
  });

  it('quota → #N/A naming the provider that ran out', () => {
    const error = proxyError({ kind: 'quota', status: 502, providers: [providerStatus('tmapi', 'quota')] });
    expect(cellErrorFor(error, at)).toEqual({
      code: 'notAvailable',
      message: 'provider tmapi out of quota — top it up at the provider',
    });
  });

  it('rate limited → busy, with the wait when known', () => {
    const provider = proxyError({
      kind: 'rate_limited',
      providers: [providerStatus('onebound', 'rate_limited')],
    });
    expect(cellErrorFor(provider, at).message).toBe('provider onebound busy');
    const proxy = proxyError({ kind: 'too_many_requests', status: 429, retryAfterSeconds: 2.2 });
    expect(cellErrorFor(proxy, at).message).toBe('proxy busy — try again in 3 s');
  });

  it('validation → #VALUE! with the field', () => {
    const error = proxyError({
      kind: 'validation',
      status: 400,
      field: 'q',
      message: 'keyword must not be empty',
    });
    expect(cellErrorFor(error, at)).toEqual({
      code: 'invalidValue',
      message: 'q: keyword must not be empty',
    });
  });

  it('bad arguments and options → #VALUE! with their message', () => {
    expect(cellErrorFor(new InputError('keyword', 'keyword must not be empty'), at)).toEqual({
      code: 'invalidValue',
      message: 'keyword must not be empty',
    });
    expect(cellErrorFor(InputError.option('colour', 'unknown option'), at)).toEqual({
      code: 'invalidValue',
      message: 'option "colour": unknown option',
    });
  });

  it('our own request timer → #N/A "proxy did not answer within N s"; a provider timeout reported by the proxy names it', () => {
    const ours = proxyError({ kind: 'timeout', message: 'the proxy did not answer within 40000 ms' });
    expect(cellErrorFor(ours, { proxyUrl: url, timeoutSeconds: 40 })).toEqual({
      code: 'notAvailable',
      message: 'proxy did not answer within 40 s',
    });
    const upstream = proxyError({
      kind: 'timeout',
      status: 504,
      providers: [
        {
          ...providerStatus('tmapi', 'auth'),
          error: { ...providerStatus('tmapi', 'auth').error, kind: 'timeout' },
        },
      ],
    });
    expect(cellErrorFor(upstream, at).message).toBe('provider tmapi timed out');
  });

  it('keeps messages within Excel`s 256 characters', () => {
    const error = proxyError({ kind: 'upstream', message: 'x'.repeat(1000) });
    expect(cellErrorFor(error, at).message.length).toBeLessThanOrEqual(255);
  });
});
