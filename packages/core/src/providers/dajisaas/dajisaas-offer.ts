import type { Offer, OfferQuery } from '../../models/offer.js';
import { countryOf, officialCountry } from '../official/official-offer.js';
import { parseRelayedOffer } from '../official/reseller-envelope.js';
import type { ProviderResponse } from '../provider-contract.js';
import { DAJISAAS_ERRORS } from './dajisaas-errors.js';

// `GET /alibaba/product/queryProductDetail?appKey=…&offerId=…&country=…&sign=…` — GET with query parameters, as
// the docs' sidebar ("Product details search GET") and four client codebases call it (one Russian summary says
// POST; outnumbered). `data` is the official ProductDetailModel; `country` is required (en, ru, vi, ja, ko, fr,
// pt, es, th, id, ar; "languages other than en need activation").

export const DAJISAAS_OFFER_PATH = '/alibaba/product/queryProductDetail';

export function dajisaasOfferParams(query: OfferQuery): Record<string, string> {
  return { offerId: query.id, country: officialCountry(query.language) };
}

export const parseDajisaasOffer = (response: ProviderResponse, params?: object): Offer =>
  parseRelayedOffer('dajisaas', DAJISAAS_ERRORS, response, countryOf(params));
