import type { ProviderGateway } from '../../src/gateway/gateway-contract.js';

/** Wraps a real gateway and records each search, offer and freight call (results pass through untouched). */
export function countingGateway(inner: ProviderGateway, calls: string[]): ProviderGateway {
  return {
    search(provider, operation, query, signal, freshness) {
      calls.push(`${provider}.${operation}`);
      return inner.search(provider, operation, query, signal, freshness);
    },
    getOffer(provider, query, signal, freshness) {
      calls.push(`${provider}.getOffer`);
      return inner.getOffer(provider, query, signal, freshness);
    },
    estimateFreight(provider, query, signal) {
      calls.push(`${provider}.estimateFreight`);
      return inner.estimateFreight(provider, query, signal);
    },
    // A cache look costs nothing: not counted as a call.
    peekOffer: (provider, query) => inner.peekOffer(provider, query),
    getSupplier(provider, ref, signal, freshness) {
      calls.push(`${provider}.getSupplier`);
      return inner.getSupplier(provider, ref, signal, freshness);
    },
    // A cache look costs nothing: not counted as a call.
    peekSupplier: (provider, ref) => inner.peekSupplier(provider, ref),
    // Kept seller facts: a cache or store read, never a call.
    sellerFacts: (provider, sellerOpenId, freshness) => inner.sellerFacts(provider, sellerOpenId, freshness),
    supplierOffers(provider, query, signal, freshness) {
      calls.push(`${provider}.supplierOffers`);
      return inner.supplierOffers(provider, query, signal, freshness);
    },
    usage: () => inner.usage(),
    countReplay: (provider) => inner.countReplay(provider),
    health: () => inner.health(),
    close: () => inner.close(),
  };
}
