import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../models/provider-id.js';
import { ProductQuery } from '../models/query.js';
import { loadFake, networkProviderIds } from '../testing/provider-fakes.js';
import type { AnyProviderAdapter } from './provider-contract.js';
import { getProvider } from './registry.js';

// buildRequest from plain JavaScript: a bad query or missing credentials is a clear `bad_request` naming the
// field, never a request carrying `NaN` or `undefined`.

const network = networkProviderIds() as string[];

describe.each(PROVIDER_IDS.map((id) => [id]))('%s buildRequest from plain JavaScript', (id) => {
  const adapter = getProvider(id) as AnyProviderAdapter;
  const credentialsOf = async () => (network.includes(id) ? { ...(await loadFake(id)).credentials } : {});
  const operation = adapter.searchProducts!;

  it('names a page size that is not a number', async () => {
    const credentials = await credentialsOf();
    const call = () => operation.buildRequest({ keyword: '玩具', pageSize: 'abc' } as never, credentials);
    expect(call).toThrow(expect.objectContaining({ provider: id, kind: 'bad_request' }));
    expect(call).toThrow(/searchProducts query: pageSize: /);
  });

  it('names a missing keyword and an unknown offer id', async () => {
    const credentials = await credentialsOf();
    expect(() => operation.buildRequest({} as never, credentials)).toThrow(/keyword/);
    if (adapter.getOffer) {
      expect(() => adapter.getOffer!.buildRequest({ id: undefined } as never, credentials)).toThrow(
        /getOffer query: id: /,
      );
    }
  });

  it('builds the same request as map then sign when the input is valid', async () => {
    const credentials = await credentialsOf();
    const query = ProductQuery.parse({ keyword: '玩具', pageSize: 10 });
    const ctx = { now: new Date(1_700_000_000_000), nonce: 'n'.repeat(32) };
    const mapped = operation.map(query);
    expect(operation.buildRequest(query, credentials, ctx)).toEqual({
      ...operation.sign(mapped.params, credentials, ctx),
      ignored: mapped.ignored,
    });
  });
});

describe.each(network.map((id) => [id]))('%s buildRequest with a credential missing', (id) => {
  const adapter = getProvider(id as never) as AnyProviderAdapter;
  const operation = adapter.searchProducts!;
  const credentialsOf = async () => ({ ...(await loadFake(id as never)).credentials });

  it('names each missing credential, without echoing any value', async () => {
    const credentials = await credentialsOf();
    const [first] = adapter.secretFields;
    const { [first!]: _dropped, ...missingOne } = credentials as Record<string, string>;
    const call = () => operation.buildRequest(ProductQuery.parse({ keyword: '玩具' }), missingOne);
    expect(call).toThrow(new RegExp(`credentials: ${first}: `));
    try {
      call();
    } catch (error) {
      for (const value of Object.values(credentials))
        expect(String((error as Error).message)).not.toContain(value);
    }
  });
});
