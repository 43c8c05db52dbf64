import type { Offer, OfferQuery } from '../models/offer.js';
import type { Page } from '../models/page.js';
import type {
  MappedQuery,
  OfferOperation,
  Operation,
  PrepareStep,
  ProviderParams,
  ProviderResponse,
  RequestContext,
  SignedRequest,
  SupplierOperation,
} from './provider-contract.js';

/** What {@link defineOperation} builds an {@link Operation} from: every part of it except `buildRequest`. */
export interface OperationParts<Query, Credentials, Item, Params extends ProviderParams> {
  /** The provider's hard page-size limit; larger requests are clamped. */
  readonly maxPageSize: number;
  /** Pure, credential-free and deterministic: the provider parameters a query becomes, and what it ignores. */
  map(query: Query): MappedQuery<Params>;
  /** Adds credentials, timestamps, nonces and signatures. */
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest;
  /** Returns a page or throws `ProviderError`; never throws anything else. */
  parseResponse(response: ProviderResponse): Page<Item>;
  /** An earlier paid call some parameters need (see {@link PrepareStep}). */
  readonly prepare?: PrepareStep<Params, Credentials>;
}

/**
 * An operation from its parts: `buildRequest` is `sign(map(query).params)` with the query's ignored fields,
 * so the one-call API and the proxy's map-then-sign path can never disagree.
 */
export function defineOperation<Query, Credentials, Item, Params extends ProviderParams>(
  parts: OperationParts<Query, Credentials, Item, Params>,
): Operation<Query, Credentials, Item, Params> {
  return {
    ...parts,
    buildRequest(query, credentials, ctx) {
      const { params, ignored } = parts.map(query);
      return { ...parts.sign(params, credentials, ctx), ignored };
    },
  };
}

/** What {@link defineOfferOperation} builds an {@link OfferOperation} from: every part except `buildRequest`. */
export interface OfferOperationParts<Credentials, Params extends ProviderParams> {
  /** Pure, credential-free and deterministic: the provider parameters of one offer lookup. */
  map(query: OfferQuery): MappedQuery<Params>;
  /** Adds credentials, timestamps, nonces and signatures. */
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest;
  /**
   * Returns the offer or throws `ProviderError` (`not_found` for an unknown or removed offer); never anything else.
   * `params` are what was sent, for providers whose answer does not say which language it is in.
   */
  parseResponse(response: ProviderResponse, params?: Params): Offer;
}

/** `getOffer` from its parts, composed the same way as {@link defineOperation}. */
export function defineOfferOperation<Credentials, Params extends ProviderParams>(
  parts: OfferOperationParts<Credentials, Params>,
): OfferOperation<Credentials, Params> {
  return {
    ...parts,
    buildRequest(query, credentials, ctx) {
      const { params, ignored } = parts.map(query);
      return { ...parts.sign(params, credentials, ctx), ignored };
    },
  };
}

/** What {@link defineSupplierOperation} builds a {@link SupplierOperation} from: every part but `buildRequest`. */
export type SupplierOperationParts<Credentials, Params extends ProviderParams> = Omit<
  SupplierOperation<Credentials, Params>,
  'buildRequest'
>;

/** `getSupplier` from its parts, composed the same way as {@link defineOperation}. */
export function defineSupplierOperation<Credentials, Params extends ProviderParams>(
  parts: SupplierOperationParts<Credentials, Params>,
): SupplierOperation<Credentials, Params> {
  return {
    ...parts,
    buildRequest(ref, credentials, ctx) {
      const { params, ignored } = parts.map(ref);
      return { ...parts.sign(params, credentials, ctx), ignored };
    },
  };
}
