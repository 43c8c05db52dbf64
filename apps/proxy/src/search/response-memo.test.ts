import { SupplierSearchResponse } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { memoKey, ResponseMemo } from './response-memo.js';

const status = (overrides: Partial<SupplierSearchResponse['providers'][number]> = {}) => ({
  provider: 'demo' as const,
  outcome: 'ok' as const,
  fromCache: false,
  stale: false,
  durationMs: 42,
  itemCount: 0,
  ignored: [],
  ...overrides,
});

const answer = (providers = [status()]): SupplierSearchResponse => ({
  items: [],
  page: 1,
  pageSize: 20,
  total: 0,
  hasNext: false,
  providers,
  sampleData: false,
});

const noScrub = (text: string) => text;

describe('ResponseMemo', () => {
  it('stores replays through the secret scrubber', () => {
    const memo = new ResponseMemo(30, (text) => text.replaceAll('demo', '[redacted]'));
    memo.remember('k', answer(), SupplierSearchResponse);
    expect(memo.get('k')!.body.toString()).toContain('"provider":"[redacted]"');
  });

  it('replays an all-ok answer marked as served from cache', () => {
    const memo = new ResponseMemo(30, noScrub);
    memo.remember('k', answer(), SupplierSearchResponse);
    const replay = JSON.parse(memo.get('k')!.body.toString());
    expect(replay.providers).toEqual([{ ...status(), fromCache: true, durationMs: 0 }]);
  });

  it('never keeps an answer with a failed or stale provider', () => {
    const memo = new ResponseMemo(30, noScrub);
    memo.remember('failed', answer([status(), status({ outcome: 'error' })]), SupplierSearchResponse);
    memo.remember('stale', answer([status({ stale: true })]), SupplierSearchResponse);
    expect(memo.get('failed')).toBeUndefined();
    expect(memo.get('stale')).toBeUndefined();
  });

  it('replays by URL only what a URL was answered under, while that answer is kept', () => {
    const memo = new ResponseMemo(30, noScrub);
    memo.rememberUrl('/v1/suppliers?q=a', 'k');
    expect(memo.getByUrl('/v1/suppliers?q=a')).toBeUndefined();
    memo.remember('k', answer(), SupplierSearchResponse);
    expect(memo.getByUrl('/v1/suppliers?q=a')?.body).toEqual(memo.get('k')!.body);
    expect(memo.getByUrl('/v1/suppliers?q=b')).toBeUndefined();
    const long = `/v1/suppliers?q=${'a'.repeat(3000)}`;
    memo.rememberUrl(long, 'k');
    expect(memo.getByUrl(long)).toBeUndefined();
  });

  it('keeps nothing when switched off', () => {
    const memo = new ResponseMemo(0, noScrub);
    memo.remember('k', answer(), SupplierSearchResponse);
    expect(memo.get('k')).toBeUndefined();
  });

  it('serialises through the API schema, so fields outside it are never replayed', () => {
    const memo = new ResponseMemo(30, noScrub);
    memo.remember('k', { ...answer(), secret: 'x' } as SupplierSearchResponse, SupplierSearchResponse);
    expect(memo.get('k')!.body.toString()).not.toContain('secret');
  });
});

describe('ResponseMemo bounds', () => {
  it('is bounded by bytes, not entries: the oldest replays go once the bound is passed', () => {
    const one = Buffer.byteLength(JSON.stringify(SupplierSearchResponse.parse(answer())));
    // Room for exactly three replays of this size.
    const memo = new ResponseMemo(30, noScrub, one * 3 + 1);
    for (const key of ['a', 'b', 'c', 'd']) memo.remember(key, answer(), SupplierSearchResponse);
    expect(['a', 'b', 'c', 'd'].map((key) => memo.get(key) !== undefined)).toEqual([false, true, true, true]);
  });

  it('names the providers a replay stands for, so usage can count it as their cache hit', () => {
    const memo = new ResponseMemo(30, noScrub);
    memo.remember('k', answer([status(), status({ provider: 'tmapi' as never })]), SupplierSearchResponse);
    expect(memo.get('k')!.providers).toEqual(['demo', 'tmapi']);
  });
});

describe('memoKey', () => {
  it('does not depend on parameter order and skips undefined', () => {
    expect(memoKey('/r', { q: 'a', page: 1, city: undefined })).toBe(memoKey('/r', { page: 1, q: 'a' }));
    expect(memoKey('/r', { q: 'a' })).not.toBe(memoKey('/r', { q: 'b' }));
    expect(memoKey('/r', { q: 'a' })).not.toBe(memoKey('/other', { q: 'a' }));
  });
});
