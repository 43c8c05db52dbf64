// Public API of @yuantou/core. Everything exported here is covered by semver (see README and changesets).

export * from './api/landed-routes.js';
export * from './api/offer-routes.js';
export * from './api/routes.js';
export * from './api/search-params.js';
export * from './api/search-responses.js';
export * from './api/seller-labels.js';
export * from './api/supplier-routes.js';
export {
  type CallOptions,
  createClient,
  type OnOfferResult,
  type ProxyClient,
  type ProxyClientOptions,
  type ProxyErrorKind,
  ProxyRequestError,
  type SupplierCallOptions,
} from './client/create-client.js';
export type { ProxyRequestErrorInit } from './client/proxy-request-error.js';
export { createInFlightCoalescer, type InFlightCoalescer } from './coalesce/in-flight.js';
export {
  type ChinaFreightQuote,
  LandedCostError,
  type LandedCostInputs,
  type LandedCostProblem,
  landedCost,
} from './landed/landed-cost.js';
export * from './landed/landed-options.js';
export * from './models/china-freight.js';
export * from './models/max-age.js';
export * from './models/money.js';
export * from './models/offer.js';
export * from './models/page.js';
export * from './models/product.js';
export * from './models/provider-error.js';
export * from './models/provider-id.js';
export { isPublicHostname, MAX_IMAGE_URL_LENGTH, PublicImageUrl } from './models/public-url.js';
export * from './models/query.js';
export * from './models/ranked.js';
export * from './models/supplier.js';
export * from './models/supplier-detail.js';
export {
  creditLevelFromTags,
  normalizeCreditLevel,
  normalizeCreditScore,
  normalizeTradeLevel,
} from './normalize/credit-level.js';
export { normalizeLocation } from './normalize/location.js';
export { trustedTranslation } from './normalize/translated-text.js';
export { isOfferId, OfferRefError, type OfferRefProblem, parseOfferRef } from './offers/offer-ref.js';
export {
  effectivePrice,
  OfferPriceError,
  type OfferPriceProblem,
  type PriceAt,
  type PriceAtOptions,
  type PriceableOffer,
  priceAt,
} from './offers/price-at.js';
export {
  CheaperTotalAt,
  cheaperTotalAt,
  ProductPriceAt,
  productPriceAt,
} from './offers/product-price-at.js';
export { type AlibabaCredentials, alibabaAdapter } from './providers/alibaba/alibaba-adapter.js';
export type { AlibabaFreightParams } from './providers/alibaba/alibaba-freight.js';
export { type DajisaasCredentials, dajisaasAdapter } from './providers/dajisaas/dajisaas-adapter.js';
export {
  defineOfferOperation,
  defineOperation,
  defineSupplierOperation,
  type OfferOperationParts,
  type OperationParts,
  type SupplierOperationParts,
} from './providers/define-operation.js';
export { type DemoCredentials, demoAdapter } from './providers/demo/demo-adapter.js';
export type { DemoFreightParams } from './providers/demo/demo-freight.js';
export {
  defineFreightOperation,
  type FreightOperation,
  type FreightOperationParts,
} from './providers/freight-operation.js';
export { clampPageSize, ignoredFields } from './providers/ignored-fields.js';
export type { OfficialFreightParams } from './providers/official/official-freight.js';
export { isAlibabaHosted } from './providers/official/official-search.js';
export { type OneboundCredentials, oneboundAdapter } from './providers/onebound/onebound-adapter.js';
export {
  createPandaponAdapter,
  type PandaponAdapterOptions,
  type PandaponCredentials,
  type PandaponSigner,
  pandaponAdapter,
} from './providers/pandapon/pandapon-adapter.js';
export type * from './providers/provider-contract.js';
export {
  type AdapterById,
  credentialShape,
  describeProvider,
  getProvider,
  listProviders,
  supplierSource,
} from './providers/registry.js';
export { type TmapiCredentials, tmapiAdapter } from './providers/tmapi/tmapi-adapter.js';
export { mergeSuppliers } from './ranking/merge-suppliers.js';
export {
  DEFAULT_PRODUCT_WEIGHTS,
  type ProductWeights,
  type RankProductsOptions,
  rankProducts,
} from './ranking/rank-products.js';
export { type RankSuppliersOptions, rankSuppliers } from './ranking/rank-suppliers.js';
export { RED_FLAG_CAPS } from './ranking/red-flags.js';
export {
  type KeywordMatcher,
  keywordParts,
  type Positions,
  providerPositions,
  searchMatcher,
} from './ranking/relevance.js';
export {
  type Compare,
  PRODUCT_COMPARATORS,
  SUPPLIER_COMPARATORS,
  sortRanked,
} from './ranking/sort-ranked.js';
export { INSPECTION_TAGS, RETURN_RATE_LIMIT } from './ranking/supplier-signals.js';
export { DEFAULT_SUPPLIER_WEIGHTS, type SupplierWeights } from './ranking/supplier-weights.js';
export { suppliersFromProducts } from './ranking/suppliers-from-products.js';
export { inferFactory, type TraderInference } from './ranking/trader-inference.js';
export { mergeSupplierDetails } from './suppliers/merge-supplier-details.js';
export {
  BROAD_CATALOGUE,
  LOW_FULFILMENT,
  LOW_PICKUP,
  namesDiffer,
  type SupplierSignal,
  type SupplierSignalKind,
  supplierSignals,
  supplierVerdict,
  VERY_BROAD_CATALOGUE,
} from './suppliers/supplier-evidence.js';
export {
  creditCheckUrl,
  parseSellerOpenIdRef,
  parseSupplierRef,
  type SellerOpenIdRef,
  supplierRefText,
} from './suppliers/supplier-ref.js';
