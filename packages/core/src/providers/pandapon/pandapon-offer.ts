import type { Offer, OfferQuery } from '../../models/offer.js';
import { parseRelayedOffer } from '../official/reseller-envelope.js';
import type { ProviderResponse } from '../provider-contract.js';
import { PANDAPON_ERRORS } from './pandapon-errors.js';

// UNVERIFIED: the detail call is documented only for PandaPon's v1 API (doc-vnm.pandapon.com/project-4008853/
// api-147289688, "Thông tin chi tiết sản phẩm"): `POST /alibaba/product/detail/get`, the same system headers as
// v2, body `{offerId: <number>, country: "en" ("Hiện tại cố định truyền en" — currently fixed to en),
// outMemberId: ""}`, answer `{requestId, code:200, developId, msg:"成功", data:<official ProductDetailModel>}`.
// The v2 path was not found, and v2 may want its masked `offerMapId` instead. Everything PandaPon-specific about
// details is in this one function, so correcting it after a first live call touches nothing else.
export function pandaponOfferCall(query: OfferQuery): { path: string; body: Record<string, unknown> } {
  return {
    path: '/alibaba/product/detail/get',
    body: { offerId: Number(query.id), country: 'en', outMemberId: '' },
  };
}

/** `country` is always `en` (see {@link pandaponOfferCall}): the `…Trans` fields are English. */
export const parsePandaponOffer = (response: ProviderResponse): Offer =>
  parseRelayedOffer('pandapon', PANDAPON_ERRORS, response, 'en');
