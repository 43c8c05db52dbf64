import type { PrepareStep, ProviderResponse } from '@yuantou/core';
import { cacheKey, type ResponseCache } from '../upstream/response-cache.js';
import type { SingleFlight } from '../upstream/single-flight.js';
import type { Deadline } from './deadline.js';
import type { GatewayOperation, ProviderSettings } from './gateway-contract.js';
import type { UpstreamCall } from './upstream-chain.js';

// The prepare step of an operation (issue 26: the official platform's and DajiSaaS' image upload, TMAPI's
// convert_url) is its own paid call. It runs through the caller's UPSTREAM_CHAIN like the search it prepares, and
// through the shared stores of shared-stores.ts (the response cache and the single-flight) when the adapter names
// a `cacheInput`: the same cleaned photo is uploaded once, however many searches, regions or instances ask for it.

/** What a cached prepare step needs: the provider, and the gateway's shared cache and single-flight (optional). */
export interface PrepareCacheDeps {
  settings: ProviderSettings;
  /** Where a prepare step's answer (an uploaded image's id) is kept and shared, keyed by what it sent. */
  cache?: ResponseCache;
  flight?: SingleFlight;
}

/**
 * A prepare step's answer is a paid call like any other: cached by what it sent (the image's bytes, so the same
 * photo searched again with another region or keyword is not uploaded again) and single-flighted across
 * requests and instances. Only answers that complete the params are stored.
 */
export async function cachedPrepare(
  deps: PrepareCacheDeps,
  protectedCall: UpstreamCall,
  prepare: PrepareStep<object, unknown>,
  operation: GatewayOperation,
  params: object,
  signal: AbortSignal,
  deadline: Deadline,
): Promise<object> {
  const input = prepare.cacheInput?.(params);
  const { cache, flight, settings } = deps;
  if (input === undefined || !cache || !flight || operation === 'getOffer')
    return prepared(protectedCall, settings, prepare, operation, params, signal, deadline);
  const key = cacheKey(settings.id, operation, { prepare: prepare.name, input });
  const lookup = async () => {
    const found = await cache.lookup(key, operation).catch(() => undefined);
    return found?.freshness === 'fresh' ? (found.entry.page as ProviderResponse) : undefined;
  };
  const hit = await lookup();
  if (hit) return prepare.complete(params, hit);
  const response = await flight.run(
    key,
    async (flightSignal) => {
      let answer: ProviderResponse | undefined;
      const capture: PrepareStep<object, unknown> = {
        ...prepare,
        complete: (p, r) => {
          const done = prepare.complete(p, r);
          answer = { status: r.status, body: r.body };
          return done;
        },
      };
      await prepared(protectedCall, settings, capture, operation, params, flightSignal, deadline);
      await cache.store(key, operation, answer).catch(() => undefined);
      return answer!;
    },
    { signal, peerResult: lookup },
  );
  return prepare.complete(params, response);
}

/**
 * The paid call an operation needs first (the 1688 image upload), once per call and outside the main call's
 * retries: a retried search must not upload the same image again. Returns the params completed by it.
 */
async function prepared(
  protectedCall: UpstreamCall,
  settings: ProviderSettings,
  prepare: PrepareStep<object, unknown>,
  operation: GatewayOperation,
  params: object,
  signal: AbortSignal,
  deadline: Deadline,
): Promise<object> {
  let first = prepare.sign(params, settings.credentials);
  if (first === null) return params;
  return (await protectedCall({
    operation,
    step: prepare.name,
    // The first attempt sends the request just signed; a retry signs again with a fresh timestamp.
    sign: () => {
      const request = first ?? prepare.sign(params, settings.credentials);
      first = null;
      if (request === null) throw new Error(`${prepare.name}: nothing to prepare on retry`);
      return request;
    },
    parse: (response) => prepare.complete(params, response),
    signal,
    deadline,
    attempt: 1,
  })) as object;
}
