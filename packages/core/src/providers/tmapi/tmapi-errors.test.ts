import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../models/provider-error.js';
import { providerErrorFrom } from '../../testing/parser-fuzzing.js';
import { tmapiAdapter } from './tmapi-adapter.js';
import { TMAPI_ERRORS } from './tmapi-errors.js';

const parse = (status: number, body: string) => tmapiAdapter.searchSuppliers.parseResponse({ status, body });

// Written from seed 000's response tabs, independently of TMAPI_ERRORS.
const DOCUMENTED: Array<[code: number, kind: ErrorKind, retryable: boolean, msg: string]> = [
  [417, 'upstream', true, 'Failed to retrieve data, please try again or contact customer service.'],
  [422, 'bad_request', false, 'Parameter error'],
  [439, 'quota', false, 'Subscription expired or insufficient balance.'],
  [499, 'timeout', true, 'Please try again or set your request timeout to 60 seconds.'],
  [500, 'upstream', false, 'Unexpected error, please contact customer service.'],
  [503, 'rate_limited', true, 'API request concurrency limit exceeded, please reduce concurrency.'],
];

describe('TMAPI error codes', () => {
  it('the table covers exactly the documented codes', () => {
    expect(Object.keys(TMAPI_ERRORS).sort()).toEqual(DOCUMENTED.map(([code]) => String(code)).sort());
  });

  it.each(DOCUMENTED)('code %i in status and body → %s (retryable %s)', (code, kind, retryable, msg) => {
    const error = providerErrorFrom(() => parse(code, JSON.stringify({ code, msg, data: null })));
    expect(error).toMatchObject({
      provider: 'tmapi',
      kind,
      retryable,
      status: code,
      providerCode: String(code),
    });
    expect(error.message).toContain(msg.slice(0, 20));
  });

  it.each(DOCUMENTED)('code %i in the body of an HTTP 200 → %s', (code, kind, retryable) => {
    const error = providerErrorFrom(() => parse(200, JSON.stringify({ code: String(code), msg: 'x' })));
    expect(error).toMatchObject({ kind, retryable, status: 200, providerCode: String(code) });
  });

  it.each(DOCUMENTED)('HTTP %i with an HTML body → %s', (code, kind, retryable) => {
    const error = providerErrorFrom(() => parse(code, '<html><body>Gateway</body></html>'));
    expect(error).toMatchObject({ kind, retryable, status: code, providerCode: String(code) });
  });

  it('an undocumented body code is an upstream error that keeps the code', () => {
    expect(providerErrorFrom(() => parse(200, '{"code":4242,"msg":"odd"}'))).toMatchObject({
      kind: 'upstream',
      providerCode: '4242',
    });
  });

  it('falls back to the HTTP status when the error body has no code', () => {
    expect(providerErrorFrom(() => parse(401, '{"message":"bad token"}'))).toMatchObject({
      kind: 'auth',
      status: 401,
    });
    expect(providerErrorFrom(() => parse(502, '{}'))).toMatchObject({ kind: 'upstream', retryable: true });
  });

  it('trusts the HTTP status over a body that claims success', () => {
    expect(providerErrorFrom(() => parse(439, '{"code":200,"data":{"items":[]}}'))).toMatchObject({
      kind: 'quota',
    });
  });
});

describe('malformed TMAPI bodies', () => {
  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'],
    ['truncated JSON', '{"code":200,"msg":"success","data":{"page":1,"items":[{"member_id":"b2b-1"'],
    ['a JSON string', '"success"'],
    ['a JSON list', '[1,2,3]'],
    ['no data', '{"code":200,"msg":"success"}'],
    ['data that is a string', '{"code":200,"data":"NULL"}'],
    ['items that are an object', '{"code":200,"data":{"items":{"a":1}}}'],
  ])('%s → invalid_response', (_name, body) => {
    expect(providerErrorFrom(() => parse(200, body))).toMatchObject({
      kind: 'invalid_response',
      status: 200,
    });
  });

  it('an empty or null item list is an empty page', () => {
    expect(parse(200, '{"code":200,"data":{"page":3,"page_size":20,"total_count":40,"items":null}}')).toEqual(
      {
        items: [],
        page: 3,
        pageSize: 20,
        total: 40,
        hasNext: false,
      },
    );
  });

  it('keeps what it can from items with "NULL" strings, wrong types and missing fields', () => {
    const body = JSON.stringify({
      code: 200,
      data: {
        page: '1',
        page_size: '20',
        total_count: 'NULL',
        items: [
          {
            member_id: 'b2b-abc',
            company_name: 'NULL',
            factory_area_size: 'big',
            shop_repurchase_rate: '130',
            response_rate: true,
            tp_year: -2,
            service_tags: 'AAA诚信等级',
            location: ['广东', '汕头市'],
            is_factory: 'yes',
            factory_url: 'not a url',
          },
          { company_name: 'no id, dropped' },
          'not an object',
          null,
          { userid: 12345, login_id: '\uFFFD\uFFFD玩具' },
        ],
      },
    });
    const page = parse(200, body);
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: null, hasNext: false });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      id: 'b2b-abc',
      name: null,
      areaM2: null,
      repurchaseRate: null,
      responseRate: null,
      yearsOnPlatform: null,
      // A single tag sent as a string instead of a list still counts.
      creditLevel: 'AAA',
      tags: ['AAA诚信等级'],
      location: { province: '广东', city: '汕头' },
      isFactory: true,
      url: null,
      isAd: false,
    });
    expect(page.items[1]).toMatchObject({ id: 'tmapi:12345', nick: null });
  });
});
