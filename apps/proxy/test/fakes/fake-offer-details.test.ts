import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../packages/core/src/models/provider-error.js';
import { alibabaAdapter } from '../../../../packages/core/src/providers/alibaba/alibaba-adapter.js';
import { dajisaasAdapter } from '../../../../packages/core/src/providers/dajisaas/dajisaas-adapter.js';
import { oneboundAdapter } from '../../../../packages/core/src/providers/onebound/onebound-adapter.js';
import { pandaponAdapter } from '../../../../packages/core/src/providers/pandapon/pandapon-adapter.js';
import type { AnyProviderAdapter } from '../../../../packages/core/src/providers/provider-contract.js';
import { tmapiAdapter } from '../../../../packages/core/src/providers/tmapi/tmapi-adapter.js';
import { ALIBABA_APIS, ALIBABA_FAKE_CREDENTIALS, alibabaPath, startAlibabaFake } from './alibaba-fake.js';
import { DAJISAAS_FAKE_CREDENTIALS, DAJISAAS_PATHS, startDajisaasFake } from './dajisaas-fake.js';
import { offerIdFor } from './fake-data.js';
import { fakeOfferPrice } from './fake-offer-details.js';
import type { FakeServer } from './fake-server.js';
import { ONEBOUND_FAKE_CREDENTIALS, ONEBOUND_PATHS, startOneboundFake } from './onebound-fake.js';
import { PANDAPON_FAKE_CREDENTIALS, PANDAPON_PATHS, startPandaponFake } from './pandapon-fake.js';
import { sendRequest } from './send-request.js';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS, TMAPI_PATHS } from './tmapi-fake.js';

// Every provider's detail endpoint, end to end: the adapter's getOffer request goes to the provider's fake, which
// checks the credentials and signature with its own independent implementation before answering.

interface Case {
  adapter: AnyProviderAdapter;
  start: () => Promise<FakeServer>;
  credentials: Record<string, unknown>;
  /** The credential whose wrong value the fake must refuse. */
  secretField: string;
  basePath?: string;
  path: string;
  /** Whether the fake's search member ids travel with the detail (providers that name the member). */
  memberId: boolean;
}

const CASES: Record<string, Case> = {
  tmapi: {
    adapter: tmapiAdapter,
    start: startTmapiFake,
    credentials: TMAPI_FAKE_CREDENTIALS,
    secretField: 'apiToken',
    path: TMAPI_PATHS.detail,
    memberId: true,
  },
  onebound: {
    adapter: oneboundAdapter,
    start: startOneboundFake,
    credentials: { ...ONEBOUND_FAKE_CREDENTIALS, sign: true },
    secretField: 'secret',
    path: ONEBOUND_PATHS.detail,
    memberId: true,
  },
  alibaba: {
    adapter: alibabaAdapter,
    start: startAlibabaFake,
    credentials: ALIBABA_FAKE_CREDENTIALS,
    secretField: 'appSecret',
    basePath: '/openapi',
    path: alibabaPath(ALIBABA_APIS.offerDetail),
    memberId: false,
  },
  dajisaas: {
    adapter: dajisaasAdapter,
    start: startDajisaasFake,
    credentials: DAJISAAS_FAKE_CREDENTIALS,
    secretField: 'appSecret',
    path: DAJISAAS_PATHS.detail,
    memberId: false,
  },
  pandapon: {
    adapter: pandaponAdapter,
    start: startPandaponFake,
    credentials: PANDAPON_FAKE_CREDENTIALS,
    secretField: 'secret',
    path: PANDAPON_PATHS.detail,
    memberId: false,
  },
};

describe.each(Object.entries(CASES))('%s detail fake', (provider, c) => {
  let fake: FakeServer;
  let credentials: Record<string, unknown>;
  beforeAll(async () => {
    fake = await c.start();
    credentials = { ...c.credentials, baseUrl: `${fake.url}${c.basePath ?? ''}` };
  });
  afterAll(() => fake.close());

  const getOffer = async (id: string, creds = credentials) => {
    const response = await sendRequest(c.adapter.getOffer!.buildRequest({ id, language: 'en' }, creds));
    return c.adapter.getOffer!.parseResponse(response);
  };

  it('serves a signed getOffer with the offer the search listed, priced per offer', async () => {
    fake.reset();
    const offer = await getOffer(offerIdFor(7));
    expect(offer).toMatchObject({ provider, id: offerIdFor(7) });
    expect(offer.priceTiers[0]?.price).toBe(fakeOfferPrice(7));
    expect(offer.skus.length).toBeGreaterThan(0);
    if (c.memberId) expect(offer.supplier?.id).toMatch(/^b2b-/);
    else expect(offer.supplier?.id.startsWith('b2b-')).toBe(false);
    expect(fake.calls.count(c.path)).toBe(1);
  });

  it('refuses a wrong secret as auth, and answers an unknown offer as not_found', async () => {
    fake.reset();
    const wrong = { ...credentials, [c.secretField]: 'not-the-secret' };
    await expect(getOffer(offerIdFor(1), wrong)).rejects.toMatchObject({ kind: 'auth', provider });
    const missing = await getOffer('999999999999').catch((error: unknown) => error);
    expect(ProviderError.isInstance(missing) && missing.kind).toBe('not_found');
    expect(fake.calls.count(c.path)).toBe(2);
  });

  it('passes its documented errors and outages through as ProviderErrors', async () => {
    fake.reset();
    fake.behave([{ kind: 'html', status: 502 }, { kind: 'malformedJson' }]);
    await expect(getOffer(offerIdFor(2))).rejects.toMatchObject({ kind: 'upstream' });
    await expect(getOffer(offerIdFor(2))).rejects.toMatchObject({ kind: 'invalid_response' });
  });
});
