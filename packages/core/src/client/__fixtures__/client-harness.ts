import { expect } from 'vitest';
import { ProductQuery } from '../../models/query.js';
import { demoAdapter } from '../../providers/demo/demo-adapter.js';
import { createClient, ProxyRequestError } from '../create-client.js';
import { FAKE_TOKEN, fakeProxy, type Handler } from './fake-proxy.js';

/** The fake proxy's base URL in client tests. */
export const BASE = 'http://proxy.test';

/** A client on the fake proxy (routes overridden by `override`), with what it sent and what it got back. */
export function setup(
  override: Record<string, Handler> = {},
  options: { token?: string; timeoutMs?: number } = {},
) {
  const proxy = fakeProxy(BASE, override);
  const client = createClient({ baseUrl: BASE, token: FAKE_TOKEN, fetch: proxy.fetch, ...options });
  return { client, requests: proxy.requests, answers: proxy.answers };
}

/** The ProxyRequestError a call rejects with (fails the test when it resolves or throws anything else). */
export async function failure(promise: Promise<unknown>): Promise<ProxyRequestError> {
  const error = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );
  expect(ProxyRequestError.isInstance(error)).toBe(true);
  return error as ProxyRequestError;
}

/** The first demo toy as an offer, through the demo adapter's whole contract. */
export function demoOffer() {
  const search = demoAdapter.searchProducts;
  const page = search.parseResponse(
    demoAdapter.respond(search.buildRequest(ProductQuery.parse({ keyword: '玩具' }), {})),
  );
  const id = page.items[0]!.id;
  return demoAdapter.getOffer.parseResponse(
    demoAdapter.respond(demoAdapter.getOffer.buildRequest({ id }, {})),
  );
}
