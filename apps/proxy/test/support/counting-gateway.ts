import type { ProviderGateway } from '../../src/gateway/gateway-contract.js';

/** Wraps a real gateway and records each search and offer call (results pass through untouched). */
export function countingGateway(inner: ProviderGateway, calls: string[]): ProviderGateway {
  return {
    search(provider, operation, query, signal) {
      calls.push(`${provider}.${operation}`);
      return inner.search(provider, operation, query, signal);
    },
    getOffer(provider, query, signal) {
      calls.push(`${provider}.getOffer`);
      return inner.getOffer(provider, query, signal);
    },
    getSupplier(provider, ref, signal) {
      calls.push(`${provider}.getSupplier`);
      return inner.getSupplier(provider, ref, signal);
    },
    usage: () => inner.usage(),
    countReplay: (provider) => inner.countReplay(provider),
    health: () => inner.health(),
    close: () => inner.close(),
  };
}
