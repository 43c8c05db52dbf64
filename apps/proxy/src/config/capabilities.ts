import type { ProviderSettings } from '../gateway/gateway-contract.js';

/** What a team can ask the proxy for: the three searches and offer details (`/v1/offers`). */
export const CAPABILITIES = [
  'searchSuppliers',
  'searchProducts',
  'searchProductsByImage',
  'getOffer',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * The capabilities added after `capabilitiesLeftOut`'s enum was published (adding to an enum of a response
 * would fail older clients' validation): they are said in `leftOut`, a list of plain strings, with the first four.
 */
export const LATER_CAPABILITIES = ['estimateFreight', 'getSupplier', 'searchSupplierOffers'] as const;
type LaterCapability = (typeof LATER_CAPABILITIES)[number];

/**
 * The capabilities no enabled provider offers (the bundled demo counts: it answers everything with sample
 * data). Said at start-up and in `/v1/providers`, so an admin sees what a choice of providers leaves out
 * before a buyer meets it as an error — e.g. Onebound alone has no photo search.
 */
export function capabilitiesLeftOut(providers: readonly Pick<ProviderSettings, 'adapter'>[]): Capability[] {
  // Suppliers are also grouped from product listings that name their seller (supplierSearch: fromProducts).
  const offers = (adapter: ProviderSettings['adapter'], capability: Capability) =>
    adapter[capability] !== undefined ||
    (capability === 'searchSuppliers' &&
      adapter.searchProducts !== undefined &&
      adapter.listingsNameSeller !== false);
  return CAPABILITIES.filter((capability) => !providers.some(({ adapter }) => offers(adapter, capability)));
}

/** Every capability no enabled provider offers: {@link capabilitiesLeftOut}, then the later ones. */
export function everyCapabilityLeftOut(
  providers: readonly Pick<ProviderSettings, 'adapter'>[],
): Array<Capability | LaterCapability> {
  const later = LATER_CAPABILITIES.filter(
    (capability) => !providers.some(({ adapter }) => adapter[capability] !== undefined),
  );
  return [...capabilitiesLeftOut(providers), ...later];
}
