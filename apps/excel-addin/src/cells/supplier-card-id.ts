import { parseSellerOpenIdRef, parseSupplierRef } from '@yuantou/core';

// What names a supplier card, for =SUPPLIER and the pane alike: a member id, shop link or login id
// (`parseSupplierRef`), or `<provider>:<sellerOpenId>` — the only id the official platform, DajiSaaS and PandaPon give
// an offer's seller, whose card the proxy serves from the seller facts it kept from that provider's offers.

/** The id to ask the proxy for and the cache key of its card, or `null` when the text names no supplier. */
export function supplierCardId(input: unknown): { id: string; key: string } | null {
  const ref = parseSupplierRef(input);
  if (ref !== null) return { id: ref.value, key: `supplier:${ref.kind}:${ref.value}` };
  const seller = parseSellerOpenIdRef(input);
  if (seller === null) return null;
  const id = `${seller.provider}:${seller.sellerOpenId}`;
  return { id, key: `supplier:sellerOpenId:${id}` };
}
