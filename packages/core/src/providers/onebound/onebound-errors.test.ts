import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../models/provider-error.js';
import { providerErrorFrom } from '../../testing/parser-fuzzing.js';
import noResult from './__fixtures__/onebound-no-result.json' with { type: 'json' };
import unauthorized from './__fixtures__/onebound-unauthorized.json' with { type: 'json' };
import { oneboundAdapter } from './onebound-adapter.js';
import { ONEBOUND_ERRORS } from './onebound-errors.js';

const parse = (status: number, body: string) =>
  oneboundAdapter.searchSuppliers.parseResponse({ status, body });

/** Text whose non-ASCII parts are GBK bytes, decoded as UTF-8 the way a mislabelled body arrives. */
function gbkReadAsUtf8(...parts: Array<string | number[]>): string {
  const bytes = parts.flatMap((part) =>
    typeof part === 'string' ? [...new TextEncoder().encode(part)] : part,
  );
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}
const GBK_QUOTA_EXCEEDED = [0xd2, 0xd1, 0xb3, 0xac, 0xc1, 0xbf]; // 已超量
const GBK_WITH_BACKSLASH = [0xd5, 0x5c]; // a GBK character whose trail byte is `\`

// Written from providers.md §2 and seed 001 §8, independently of ONEBOUND_ERRORS.
const DOCUMENTED: Array<[code: string, kind: ErrorKind, retryable: boolean]> = [
  ['4000', 'upstream', false],
  ['4001', 'upstream', true],
  ['4002', 'upstream', true],
  ['4003', 'bad_request', false],
  ['4004', 'auth', false],
  ['4005', 'auth', false],
  ['4006', 'upstream', false],
  ['4013', 'quota', false],
  ['400', 'bad_request', false],
  ['401', 'auth', false],
  ['429', 'rate_limited', true],
  ['500', 'upstream', false],
  ['503', 'upstream', true],
];

describe('Onebound error codes', () => {
  it('the table covers exactly the documented error codes', () => {
    expect(Object.keys(ONEBOUND_ERRORS).sort()).toEqual(DOCUMENTED.map(([code]) => code).sort());
  });

  it.each(DOCUMENTED)('real envelope error_code %s → %s (retryable %s)', (code, kind, retryable) => {
    const body = JSON.stringify({ items: '', error_code: code, reason: '错误', error: 'something failed' });
    expect(providerErrorFrom(() => parse(200, body))).toMatchObject({
      provider: 'onebound',
      kind,
      retryable,
      providerCode: code,
      status: 200,
    });
  });

  it.each(DOCUMENTED)('seed envelope code %s → %s', (code, kind, retryable) => {
    const status = code.length === 3 ? Number(code) : 200;
    const body = JSON.stringify({
      code: Number(code),
      msg: 'x',
      error: { code: Number(code), message: 'why' },
    });
    const error = providerErrorFrom(() => parse(status, body));
    expect(error).toMatchObject({ kind, retryable, providerCode: code, status });
    expect(error.message).toContain('(why)');
  });

  it.each(DOCUMENTED)('GBK-mangled body with error_code %s is still classified as %s', (code, kind) => {
    const body = gbkReadAsUtf8(`{"error_code":"${code}","reason":"`, GBK_QUOTA_EXCEEDED, '"}');
    expect(body).toContain('\uFFFD');
    const error = providerErrorFrom(() => parse(200, body));
    expect(error).toMatchObject({ kind, providerCode: code });
    expect(error.message).not.toContain('\uFFFD');
  });

  it.each(DOCUMENTED)('GBK bytes that break the JSON still yield code %s → %s', (code, kind) => {
    const body = gbkReadAsUtf8(`{"error_code":"${code}","reason":"`, GBK_WITH_BACKSLASH, '"}');
    expect(() => JSON.parse(body)).toThrow();
    expect(providerErrorFrom(() => parse(200, body))).toMatchObject({ kind, providerCode: code });
  });

  it('reads the seed error body fixture', () => {
    expect(providerErrorFrom(() => parse(401, JSON.stringify(unauthorized)))).toMatchObject({
      kind: 'auth',
      providerCode: '401',
      message: 'Onebound refused the key (unauthorized) (Unauthorized: Invalid API Key)',
    });
  });

  it('error_code 2000 (no result) is an empty page, not an error', () => {
    expect(parse(200, JSON.stringify(noResult))).toEqual({
      items: [],
      page: 5,
      pageSize: 20,
      total: 0,
      hasNext: false,
    });
    expect(parse(200, '{"error_code":"2000","reason":"no data"}')).toMatchObject({ items: [], total: 0 });
  });

  it('an unknown code is an upstream error; an HTTP error without a code falls back to the status', () => {
    expect(providerErrorFrom(() => parse(200, '{"error_code":"5999"}'))).toMatchObject({
      kind: 'upstream',
      providerCode: '5999',
    });
    expect(providerErrorFrom(() => parse(403, '{"reason":"forbidden"}'))).toMatchObject({
      kind: 'auth',
      status: 403,
    });
    expect(providerErrorFrom(() => parse(503, '<html>busy</html>'))).toMatchObject({
      kind: 'upstream',
      retryable: true,
    });
    expect(providerErrorFrom(() => parse(429, 'Too Many Requests'))).toMatchObject({ kind: 'rate_limited' });
  });
});

describe('malformed Onebound bodies', () => {
  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'],
    ['truncated JSON', '{"items":{"page":"1","item":[{"seller_id":"b2b-1","shop_name":"'],
    ['a JSON number', '42'],
    ['success without items', '{"error_code":"0000","reason":"ok"}'],
    ['items that are a string', '{"code":200,"items":"NULL"}'],
    ['item that is an object', '{"error_code":"0000","items":{"item":{"seller_id":"b2b-1"}}}'],
    ['a broken success body', '{"error_code":"0000","items":{"item":[{"shop_name":"\\'],
  ])('%s → invalid_response', (_name, body) => {
    expect(providerErrorFrom(() => parse(200, body))).toMatchObject({ kind: 'invalid_response' });
  });

  it('keeps clean partial items from "NULL" strings, wrong types, GBK text and missing fields', () => {
    const mangledName = gbkReadAsUtf8(GBK_QUOTA_EXCEEDED);
    const body = JSON.stringify({
      error_code: '0000',
      items: {
        page: 'NULL',
        page_size: 'abc',
        total_results: '12',
        item: [
          {
            seller_id: 'b2b-x1',
            shop_name: mangledName,
            seller_nick: 'NULL',
            credit_level: 'AAAAAAA',
            years_in_business: 'eight',
            return_rate: '2%',
            products_count: -3,
            main_business: 42,
            is_factory: '是',
            location: null,
            area: '广东省深圳市',
          },
          { shop_name: 'no id: dropped' },
          ['not', 'an', 'item'],
          { shop_id: 998877 },
        ],
      },
    });
    const page = parse(200, body);
    expect(page).toMatchObject({ page: 1, pageSize: 4, total: 12, hasNext: true });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      id: 'b2b-x1',
      name: null,
      nick: null,
      creditLevel: null,
      yearsOnPlatform: null,
      returnRate: 0.02,
      productsCount: null,
      mainProducts: [],
      isFactory: true,
      location: { province: '广东', city: '深圳' },
    });
    expect(page.items[1]).toMatchObject({ id: 'onebound:998877', name: null });
  });
});
