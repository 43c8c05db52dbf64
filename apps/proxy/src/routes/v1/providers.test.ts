import { ProvidersResponse } from '@yuantou/core';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';

let current: TestApp | undefined;
afterEach(async () => {
  if (current) {
    expect(current.scan.leaks()).toEqual([]);
    await current.app.close();
  }
  current = undefined;
});

describe('GET /v1/providers', () => {
  it('lists every provider, marks demo mode, and never echoes credentials', async () => {
    current = await buildTestApp({
      YUANTOU_DAJISAAS_APP_KEY: 'daji-app-key-0001',
      YUANTOU_DAJISAAS_APP_SECRET: 'daji-app-secret-0001',
    });
    const response = await current.inject('/v1/providers');
    expect(response.statusCode).toBe(200);
    const body = ProvidersResponse.parse(response.json());
    expect(body.demoMode).toBe(false);
    expect(body.providers.map((p) => p.id).sort()).toEqual([
      'alibaba',
      'dajisaas',
      'demo',
      'onebound',
      'pandapon',
      'tmapi',
    ]);
    expect(body.providers.filter((p) => p.enabled).map((p) => p.id)).toEqual(['dajisaas']);
    expect(response.body).not.toContain('daji-app');
  });

  it('in demo mode only demo is enabled', async () => {
    current = await buildTestApp();
    const body = ProvidersResponse.parse((await current.inject('/v1/providers')).json());
    expect(body.demoMode).toBe(true);
    expect(body.providers.filter((p) => p.enabled).map((p) => p.id)).toEqual(['demo']);
  });
});
