import type { ProviderId } from '@yuantou/core';

// Which provider this process is asking for an offer right now, shared by every POST /v1/offers. Two requests
// holding the same offer (a sheet's =OFFER and =OFFER(…, "currency=USD") go out as two batches at once) are
// dealt independently; without this, one could send the offer to tmapi and the other to onebound — two paid
// calls where the gateway's single-flight would have joined them at one provider.

export interface OffersInFlight {
  /** The provider being asked for this offer in this language now, if any. */
  at(offerId: string, language: string | undefined): ProviderId | undefined;
  /** Notes a call starting; the returned function notes its end. */
  begin(offerId: string, language: string | undefined, provider: ProviderId): () => void;
}

export function createOffersInFlight(): OffersInFlight {
  // Per offer and language: how many calls are at each provider now.
  const calls = new Map<string, Map<ProviderId, number>>();
  const key = (offerId: string, language: string | undefined) => `${language ?? ''}|${offerId}`;
  return {
    at: (offerId, language) => calls.get(key(offerId, language))?.keys().next().value,
    begin(offerId, language, provider) {
      const k = key(offerId, language);
      const byProvider = calls.get(k) ?? new Map<ProviderId, number>();
      byProvider.set(provider, (byProvider.get(provider) ?? 0) + 1);
      calls.set(k, byProvider);
      return () => {
        const left = (byProvider.get(provider) ?? 1) - 1;
        if (left > 0) byProvider.set(provider, left);
        else byProvider.delete(provider);
        if (byProvider.size === 0 && calls.get(k) === byProvider) calls.delete(k);
      };
    },
  };
}
