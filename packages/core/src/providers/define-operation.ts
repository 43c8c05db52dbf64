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
} from './provider-contract.js';

export interface OperationParts<Query, Credentials, Item, Params extends ProviderParams> {
  readonly maxPageSize: number;
  map(query: Query): MappedQuery<Params>;
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest;
  parseResponse(response: ProviderResponse): Page<Item>;
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

export interface OfferOperationParts<Credentials, Params extends ProviderParams> {
  map(query: OfferQuery): MappedQuery<Params>;
  sign(params: Params, credentials: Credentials, ctx?: Partial<RequestContext>): SignedRequest;
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
