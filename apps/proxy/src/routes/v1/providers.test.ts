import { ProvidersResponse } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/test-app.js';

const start = useTestApp();

describe('GET /v1/providers', () => {
  it('lists every provider, marks demo mode, and never echoes credentials', async () => {
    const current = await start({
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
    const current = await start();
    const body = ProvidersResponse.parse((await current.inject('/v1/providers')).json());
    expect(body.demoMode).toBe(true);
    expect(body.providers.filter((p) => p.enabled).map((p) => p.id)).toEqual(['demo']);
  });
});
