import {
  mergeSupplierDetails,
  type ProviderId,
  parseSellerOpenIdRef,
  parseSupplierRef,
  type Supplier,
  type SupplierDetail,
} from '@yuantou/core';
import type { ProviderGateway, ProviderSettings } from '../gateway/gateway-contract.js';

// Issue 25: "The ranking uses the same signals when a detail is at hand." A supplier search looks up, in the cache
// only (never a paid call), the cards already fetched for the suppliers it found (GET /v1/suppliers/:id, =SUPPLIER,
// the pane's card), merged across providers as the card route merges them; rankSuppliers then takes factory or
// trader from their signals. A seller the official platform names by `<provider>:<sellerOpenId>` has no member id
// and no seller call: its card is the seller facts kept from that provider's offer answers (gateway/seller-facts.ts).

/** Cached supplier details by supplier id, for the suppliers whose id is a member id or a kept seller open id. */
export async function cachedSupplierDetails(
  gateway: Pick<ProviderGateway, 'peekSupplier' | 'sellerFacts'>,
  providers: readonly ProviderSettings[],
  suppliers: readonly Supplier[],
): Promise<Map<string, SupplierDetail>> {
  const withDetails: ProviderId[] = providers.filter((p) => p.adapter.getSupplier).map((p) => p.id);
  const details = new Map<string, SupplierDetail>();
  await Promise.all(
    suppliers.map(async (supplier) => {
      const seller = parseSellerOpenIdRef(supplier.id);
      if (seller !== null) {
        const kept = await gateway.sellerFacts(seller.provider, seller.sellerOpenId).catch(() => undefined);
        if (kept) details.set(supplier.id, kept.detail);
        return;
      }
      if (withDetails.length === 0) return;
      const ref = parseSupplierRef(supplier.id);
      if (ref?.kind !== 'memberId') return;
      const found = await Promise.all(
        withDetails.map((provider) => gateway.peekSupplier(provider, ref).catch(() => undefined)),
      );
      const cached = found.filter((d): d is SupplierDetail => d !== undefined);
      if (cached.length > 0) details.set(supplier.id, mergeSupplierDetails(cached));
    }),
  );
  return details;
}
