import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../models/provider-error.js';
import { ALIBABA_ERRORS, alibabaError, alibabaErrorRule } from './alibaba-errors.js';

const response = { status: 200, body: '' };

describe('alibaba error table', () => {
  // Expected kinds written from seed 002's table and the gateway's code names, not read from the table, keyed by
  // code: a row deleted from or added to the table, or a kind changed, fails the comparison below.
  const TABLE_KINDS: Record<string, ErrorKind> = {
    '101': 'auth',
    '110': 'auth',
    '200': 'bad_request',
    '400': 'bad_request',
    '401': 'auth',
    '403': 'auth',
    '429': 'rate_limited',
    '500': 'upstream',
    'gw.QpsOverLimit': 'rate_limited',
    'gw.SignatureInvalid': 'auth',
    'isv.invalid-signature': 'auth',
    // Recorded gateway answers (README).
    'gw.NoUsageLeftError': 'quota',
    'gw.QosAppFrequencyLimit': 'rate_limited',
    'gw.APIACLDecline': 'auth',
    'gw.ParamMissing': 'bad_request',
  };

  it.each(Object.entries(TABLE_KINDS))('code %s is %s', (code, kind) => {
    expect(alibabaError(code, response, 'text')).toMatchObject({
      kind,
      providerCode: code,
      provider: 'alibaba',
    });
  });

  it('covers every row of the table in the test above, with the same kind', () => {
    const tableKinds = Object.fromEntries(
      Object.entries(ALIBABA_ERRORS).map(([code, rule]) => [code, rule.kind]),
    );
    expect(tableKinds).toEqual(TABLE_KINDS);
  });

  it.each([
    ['gw.AccessTokenExpired', 'auth'],
    ['isv.AppKeyNotExist', 'auth'],
    ['gw.IpNotAllowed', 'auth'],
    ['gw.AppCallLimited', 'rate_limited'],
    ['isv.MissingParameter', 'bad_request'],
    ['isp.ServiceTimeout', 'timeout'],
  ])('infers %s as %s from its name', (code, kind) => {
    expect(alibabaError(code, response)).toMatchObject({ kind, providerCode: code });
  });

  it.each(['gw.SomethingNew', '9999', 'weird'])('treats unknown %s as retryable upstream', (code) => {
    expect(alibabaError(code, response)).toMatchObject({
      kind: 'upstream',
      retryable: true,
      providerCode: code,
    });
  });

  it('does not infer kinds for codes outside the gw./isv./isp. families', () => {
    expect(alibabaErrorRule('TokenExpired')).toBeUndefined();
  });

  it("appends the provider's text and keeps the retry hint", () => {
    const error = alibabaError(
      '429',
      { status: 429, body: '', headers: { 'retry-after': '7' } },
      '调用频率超限',
    );
    expect(error.message).toBe(
      '1688 Open Platform call limit exceeded (100 calls/min by default) (调用频率超限)',
    );
    expect(error.retryAfterMs).toBe(7000);
  });
});
