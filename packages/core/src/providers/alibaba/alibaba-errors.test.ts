import { describe, expect, it } from 'vitest';
import { ALIBABA_ERRORS, alibabaError, alibabaErrorRule } from './alibaba-errors.js';

const response = { status: 200, body: '' };

describe('alibaba error table', () => {
  // Expected kinds written from seed 002's table and the gateway's code names, not read from the table.
  it.each([
    ['101', 'auth'],
    ['110', 'auth'],
    ['200', 'bad_request'],
    ['400', 'bad_request'],
    ['401', 'auth'],
    ['403', 'auth'],
    ['429', 'rate_limited'],
    ['500', 'upstream'],
    ['gw.QpsOverLimit', 'rate_limited'],
    ['gw.SignatureInvalid', 'auth'],
    ['isv.invalid-signature', 'auth'],
    // Recorded gateway answers (README).
    ['gw.NoUsageLeftError', 'quota'],
    ['gw.QosAppFrequencyLimit', 'rate_limited'],
    ['gw.APIACLDecline', 'auth'],
    ['gw.ParamMissing', 'bad_request'],
  ])('code %s is %s', (code, kind) => {
    expect(alibabaError(code, response, 'text')).toMatchObject({
      kind,
      providerCode: code,
      provider: 'alibaba',
    });
  });

  it('covers every row of the table in the test above', () => {
    expect(Object.keys(ALIBABA_ERRORS)).toHaveLength(15);
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
