import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OfferQuery } from '../models/offer.js';
import { PROVIDER_IDS, type ProviderId } from '../models/provider-id.js';
import { ImageQuery, ProductQuery, SupplierQuery } from '../models/query.js';
import { loadFake, networkProviderIds } from '../testing/provider-fakes.js';
import type { AnyProviderAdapter, Operation, OperationName } from './provider-contract.js';
import { credentialShape, getProvider } from './registry.js';

// What a provider must provide, so that adding one is one folder plus one line in registry.ts: its adapter
// registered, an error table, a fake that reads its fixtures, fixtures, a README quoting every outside fact the
// folder's code cites, and a row in the package README. Providers are enumerated from the registry, never listed.

const folder = (id: ProviderId) => new URL(`./${id}/`, import.meta.url);
const read = (url: URL) => readFileSync(url, 'utf8');
const sources = (id: ProviderId) =>
  readdirSync(folder(id))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({ name, text: read(new URL(name, folder(id))) }));

const OPERATIONS: OperationName[] = ['searchSuppliers', 'searchProducts', 'searchProductsByImage'];
const QUERIES: Record<OperationName, unknown> = {
  searchSuppliers: SupplierQuery.parse({ keyword: '玩具厂', pageSize: 100, city: '汕头', sort: 'credit' }),
  searchProducts: ProductQuery.parse({ keyword: 'T恤', pageSize: 100, priceMin: 5, language: 'ru' }),
  searchProductsByImage: ImageQuery.parse({
    imageUrl: 'https://cbu01.alicdn.com/img/ibank/a.jpg',
    pageSize: 100,
  }),
};

describe.each(PROVIDER_IDS.map((id) => [id]))('provider folder %s', (id) => {
  const adapter = getProvider(id) as AnyProviderAdapter;
  const network = (networkProviderIds() as ProviderId[]).includes(id);

  it('holds its adapter, registered under its own id, with declared secret fields', () => {
    expect(existsSync(new URL(`${id}-adapter.ts`, folder(id)))).toBe(true);
    expect(adapter.id).toBe(id);
    const fields = Object.keys(credentialShape(adapter));
    for (const field of adapter.secretFields) expect(fields).toContain(field);
  });

  it('has a README that quotes every outside document its code cites', () => {
    const readme = new URL('README.md', folder(id));
    expect(existsSync(readme), `providers/${id}/README.md`).toBe(true);
    const text = read(readme);
    const cited = new Set(
      sources(id).flatMap(({ text: code }) =>
        [...code.matchAll(/(seed 00\d(?: §[\d.]+)?|providers\.md(?: §[\d.]+)?)/g)].map((m) => m[1]!),
      ),
    );
    for (const citation of cited) expect(text, `README quotes ${citation}`).toContain(citation);
  });

  it('has a row in the package README', () => {
    expect(read(new URL('../../README.md', import.meta.url))).toMatch(new RegExp(`^\\| \`${id}\``, 'm'));
  });

  it('answers in-process, or has an error table, fixtures and a fake serving its errors', async () => {
    if (!network) {
      expect(typeof adapter.respond).toBe('function');
      return;
    }
    expect(existsSync(new URL(`${id}-errors.ts`, folder(id)))).toBe(true);
    const fixtures = readdirSync(new URL('__fixtures__/', folder(id))).filter((name) =>
      name.endsWith('.json'),
    );
    expect(fixtures.length).toBeGreaterThan(0);
    const fake = await loadFake(id);
    expect(Object.keys(fake.errors).length).toBeGreaterThan(0);
    // The fake serves the adapter tests' own fixtures.
    expect(read(new URL(`${id}-fake.ts`, folder(id)))).toMatch(/from '\.\/__fixtures__\/[^']+\.json'/);
    expect(adapter.credentials.safeParse(fake.credentials).success).toBe(true);
  });

  it('splits every operation into a pure map and a sign, composed by buildRequest', async () => {
    const credentials = network ? (await loadFake(id)).credentials : {};
    const ctx = { now: new Date(1_700_000_000_000), nonce: 'n'.repeat(32) };
    for (const name of OPERATIONS) {
      // Seen without its query type: each operation gets the query of its own kind below.
      const operation = adapter[name] as unknown as Operation<unknown, unknown, unknown> | undefined;
      if (!operation) continue;
      const query = QUERIES[name];
      const mapped = operation.map(query);
      // Deterministic and credential-free: the same query maps to the same parameters, JSON all the way down.
      expect(operation.map(query)).toEqual(mapped);
      expect(JSON.parse(JSON.stringify(mapped.params))).toEqual(mapped.params);
      for (const value of Object.values(credentials))
        expect(JSON.stringify(mapped.params)).not.toContain(value);
      expect(operation.buildRequest(query, credentials, ctx)).toEqual({
        ...operation.sign(mapped.params, credentials, ctx),
        ignored: mapped.ignored,
      });
      // A page size above the provider's maximum is the same call as its maximum.
      const atMax = operation.map({ ...(query as object), pageSize: operation.maxPageSize });
      expect(atMax.params).toEqual(mapped.params);
    }
  });

  it('splits getOffer the same way, so offer lookups are cached and coalesced on what is sent', async () => {
    const credentials = network ? (await loadFake(id)).credentials : {};
    const ctx = { now: new Date(1_700_000_000_000), nonce: 'n'.repeat(32) };
    const operation = adapter.getOffer;
    if (!operation) return;
    const query = OfferQuery.parse({ id: '610947572360', language: 'en' });
    const mapped = operation.map(query);
    expect(operation.map(query)).toEqual(mapped);
    expect(JSON.parse(JSON.stringify(mapped.params))).toEqual(mapped.params);
    expect(JSON.stringify(mapped.params)).toContain('610947572360');
    for (const value of Object.values(credentials))
      expect(JSON.stringify(mapped.params)).not.toContain(value);
    expect(operation.buildRequest(query, credentials, ctx)).toEqual({
      ...operation.sign(mapped.params, credentials, ctx),
      ignored: mapped.ignored,
    });
  });
});
