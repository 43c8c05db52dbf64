import { ROUTES } from '@yuantou/core';
import { describe, expect, it } from 'vitest';
import { emptyDir, useTestApp } from '../../test/support/test-app.js';
import { capabilitiesLeftOut, everyCapabilityLeftOut } from './capabilities.js';
import { loadConfig } from './load-config.js';

const providersOf = (env: Record<string, string>) => loadConfig({ env, cwd: emptyDir() }).providers;

const startApp = useTestApp();

describe('capabilitiesLeftOut', () => {
  it('names what the configured providers leave out: Onebound alone has no photo search', () => {
    const onebound = providersOf({
      YUANTOU_ONEBOUND_KEY: 'onebound-key-1234',
      YUANTOU_ONEBOUND_SECRET: 'onebound-secret-1234',
    });
    expect(onebound.map((p) => p.id)).toEqual(['onebound']);
    expect(capabilitiesLeftOut(onebound)).toEqual(['searchProductsByImage']);
  });

  it('names the later capabilities too, in a list of its own: the official platform has no supplier cards', () => {
    const official = providersOf({
      YUANTOU_ALIBABA_APP_KEY: 'alibaba-key-1234',
      YUANTOU_ALIBABA_APP_SECRET: 'alibaba-secret-1234',
      YUANTOU_ALIBABA_ACCESS_TOKEN: 'alibaba-token-1234',
    });
    expect(official.map((p) => p.id)).toEqual(['alibaba']);
    // Its listings name no seller by member id (listingsNameSeller: false), so no supplier search either.
    expect(everyCapabilityLeftOut(official)).toEqual([
      'searchSuppliers',
      'getSupplier',
      'searchSupplierOffers',
    ]);
    expect(everyCapabilityLeftOut(providersOf({ YUANTOU_TMAPI_API_TOKEN: 'tmapi-token-1234' }))).toEqual([]);
  });

  it('leaves nothing out with TMAPI, or with the bundled demo', () => {
    expect(capabilitiesLeftOut(providersOf({ YUANTOU_TMAPI_API_TOKEN: 'tmapi-token-1234' }))).toEqual([]);
    expect(capabilitiesLeftOut(providersOf({}))).toEqual([]);
  });

  it('is said in /v1/providers and in the start-up log', async () => {
    const lines: string[] = [];
    const { app, scan } = await startApp({
      YUANTOU_ONEBOUND_KEY: 'onebound-key-1234',
      YUANTOU_ONEBOUND_SECRET: 'onebound-secret-1234',
    });
    const answer = (await app.inject(ROUTES.providers)).json();
    expect(answer.capabilitiesLeftOut).toEqual(['searchProductsByImage']);
    expect(answer.leftOut).toEqual(['searchProductsByImage', 'searchSupplierOffers']);
    lines.push(...scan.lines);
    expect(lines.join('\n')).toContain(
      'no configured provider offers: searchProductsByImage, searchSupplierOffers',
    );
  });
});
