import { ROUTES } from '@yuantou/core';
import type { FakeServer } from '@yuantou/core/testing';
import {
  ALIBABA_APIS,
  alibabaPath,
  DAJISAAS_PATHS,
  ONEBOUND_PATHS,
  PANDAPON_PATHS,
  TMAPI_PATHS,
} from '@yuantou/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  fakeConfig,
  type RunningFakes,
  type RunningProxy,
  searchPath,
  useFakesAndProxy,
} from './proxy-harness.js';

// Every provider and every operation it offers, through the real proxy to its fake (which verifies the
// signature): the page the proxy returns must come from that fake.

const suite = useFakesAndProxy();
let proxy: RunningProxy;

beforeEach(async () => {
  proxy = await suite.start(fakeConfig(suite.fakes));
});

type ProviderName = keyof RunningFakes;

// Only these two search suppliers: the other three have no supplier search and their offer lists name no seller
// (describeProvider: supplierSearch `none`).
const supplierPaths: Partial<Record<ProviderName, string>> = {
  tmapi: TMAPI_PATHS.factories,
  onebound: ONEBOUND_PATHS.sellers,
};

const productPaths: Record<ProviderName, string> = {
  tmapi: TMAPI_PATHS.items,
  onebound: ONEBOUND_PATHS.items,
  alibaba: alibabaPath(ALIBABA_APIS.keywordQuery),
  dajisaas: DAJISAAS_PATHS.keywordQuery,
  pandapon: PANDAPON_PATHS.keywordQuery,
};

const imagePaths: Partial<Record<ProviderName, string>> = {
  tmapi: TMAPI_PATHS.image,
  alibaba: alibabaPath(ALIBABA_APIS.imageQuery),
  dajisaas: DAJISAAS_PATHS.imageQuery,
  pandapon: PANDAPON_PATHS.imageQuery,
};

const fake = (provider: ProviderName): FakeServer => suite.fakes[provider];
const PROVIDERS = Object.keys(productPaths) as ProviderName[];
const SUPPLIER_SEARCH = Object.keys(supplierPaths) as ProviderName[];
const NO_SUPPLIER_SEARCH = PROVIDERS.filter((p) => !SUPPLIER_SEARCH.includes(p));

describe('each provider through the proxy to its fake', () => {
  it.each(SUPPLIER_SEARCH)('%s: supplier search', async (provider) => {
    const answer = await proxy.get(searchPath(ROUTES.suppliers, '玩具厂', provider, { pageSize: '5' }));
    expect(answer.status).toBe(200);
    expect(answer.body.providers).toEqual([
      expect.objectContaining({ provider, outcome: 'ok', fromCache: false }),
    ]);
    expect(answer.body.items).toHaveLength(5);
    expect(fake(provider).calls.count(supplierPaths[provider]!)).toBe(1);
    expect(fake(provider).calls.count()).toBe(1);
  });

  it.each(NO_SUPPLIER_SEARCH)(
    '%s: a supplier search names it as unable, without calling it',
    async (provider) => {
      const answer = await proxy.get(searchPath(ROUTES.suppliers, '玩具厂', provider, { pageSize: '5' }));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ field: 'provider', detail: expect.stringContaining(provider) });
      expect(fake(provider).calls.count()).toBe(0);
    },
  );

  it.each(PROVIDERS)('%s: product search echoes the keyword in every title', async (provider) => {
    const answer = await proxy.get(searchPath(ROUTES.products, '保温杯', provider, { pageSize: '4' }));
    expect(answer.status).toBe(200);
    expect(answer.body.providers[0]).toMatchObject({ provider, outcome: 'ok', itemCount: 4 });
    expect(answer.body.items.map((item: { title: string }) => item.title.includes('保温杯'))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(fake(provider).calls.count(productPaths[provider])).toBe(1);
  });

  it.each(Object.keys(imagePaths) as ProviderName[])('%s: image search by URL', async (provider) => {
    const answer = await proxy.post(ROUTES.productsByImage, {
      imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01Gf8JoQ20i0lN5N8v2_!!2207943566882-0-cib.jpg',
      provider,
      pageSize: 6,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.providers[0]).toMatchObject({ provider, outcome: 'ok', itemCount: 6 });
    expect(fake(provider).calls.count(imagePaths[provider]!)).toBe(1);
  });

  it('fans a product search out to all five at once and ranks what they return together', async () => {
    const answer = await proxy.get(`${ROUTES.products}?q=${encodeURIComponent('玩具厂')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.providers.map((p: { provider: string; outcome: string }) => p.outcome)).toEqual(
      PROVIDERS.map(() => 'ok'),
    );
    for (const provider of PROVIDERS) expect(fake(provider).calls.count()).toBe(1);
  });

  it('a supplier search without a provider list goes only to the providers that can answer it', async () => {
    const answer = await proxy.get(`${ROUTES.suppliers}?q=${encodeURIComponent('玩具厂')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.providers.map((p: { provider: string }) => p.provider)).toEqual(SUPPLIER_SEARCH);
    for (const provider of NO_SUPPLIER_SEARCH) expect(fake(provider).calls.count()).toBe(0);
  });
});
