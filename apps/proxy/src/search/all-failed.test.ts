import { ProviderError, type ProviderStatus } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { allFailedProblem } from './all-failed.js';

function failed(
  provider: ProviderStatus['provider'],
  init: Partial<ConstructorParameters<typeof ProviderError>[0]>,
): ProviderStatus {
  const error = new ProviderError({ provider, kind: 'upstream', message: `${provider} failed`, ...init });
  return {
    provider,
    outcome: 'error',
    fromCache: false,
    stale: false,
    durationMs: 1,
    itemCount: 0,
    ignored: [],
    error: error.toJSON(),
  };
}

describe('allFailedProblem', () => {
  it('is 400 when every provider refused the request before sending it (a caller error)', () => {
    const problem = allFailedProblem([
      failed('tmapi', { kind: 'bad_request', message: 'tmapi takes image URLs only' }),
      failed('dajisaas', { kind: 'bad_request', message: 'dajisaas takes image URLs only' }),
    ]);
    expect(problem).toMatchObject({ status: 400, kind: 'bad_request' });
    expect(problem.detail).toContain('tmapi takes image URLs only');
  });

  it('stays 502 when a provider itself answered "parameter error"', () => {
    const problem = allFailedProblem([failed('tmapi', { kind: 'bad_request', status: 422 })]);
    expect(problem).toMatchObject({ status: 502, kind: 'bad_request' });
  });

  it('is 504 when every provider timed out', () => {
    const problem = allFailedProblem([
      failed('tmapi', { kind: 'timeout' }),
      failed('onebound', { kind: 'timeout' }),
    ]);
    expect(problem).toMatchObject({ status: 504, kind: 'timeout' });
    expect(problem.providers).toHaveLength(2);
  });

  it('is 503 with the shortest Retry-After when a provider is rate limited or out of quota', () => {
    const problem = allFailedProblem([
      failed('tmapi', { kind: 'rate_limited', retryAfterMs: 30_000 }),
      failed('onebound', { kind: 'quota', retryAfterMs: 1_500 }),
      failed('alibaba', { kind: 'timeout' }),
    ]);
    expect(problem).toMatchObject({ status: 503, kind: 'rate_limited', retryAfterSeconds: 2 });
  });

  it('treats an open circuit breaker (upstream with a retry hint) as unavailable', () => {
    const problem = allFailedProblem([
      failed('tmapi', {
        kind: 'upstream',
        retryAfterMs: 12_300,
        message: 'tmapi is failing; paused for 13s',
      }),
    ]);
    expect(problem).toMatchObject({ status: 503, kind: 'upstream', retryAfterSeconds: 13 });
  });

  it('is 502 for upstream and invalid responses, naming each provider', () => {
    const problem = allFailedProblem([
      failed('tmapi', { kind: 'invalid_response' }),
      failed('onebound', { kind: 'upstream' }),
    ]);
    expect(problem).toMatchObject({ status: 502, kind: 'invalid_response' });
    expect(problem.detail).toContain('tmapi: tmapi failed');
    expect(problem.detail).toContain('onebound: onebound failed');
  });
});
