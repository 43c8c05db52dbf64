import { ProviderError } from '../../models/provider-error.js';
import { emptySupplierDetail, SupplierDetail, type SupplierRef } from '../../models/supplier-detail.js';
import { cleanLink } from '../../normalize/ad-link.js';
import { normalizeLocation } from '../../normalize/location.js';
import { sellerIdFrom } from '../../normalize/member-id.js';
import { asRecord, toText } from '../../normalize/values.js';
import type { ProviderResponse } from '../provider-contract.js';
import type { QueryParams } from '../provider-params.js';
import { guardParse } from '../response-body.js';
import { checkOneboundBody, errorFromUnparsableBody } from './onebound-errors.js';

// `GET /1688/seller_info/` — known only from a copy of the doc (https://juejin.cn/post/7149072248024236039,
// UNCERTAIN): `company_id` is a unified social credit code ("92330281MA2EP3DC93"), `company_dj` the registering
// authority, `company_time` the term ("2009-03-23 至 长期"), `shop_type` ("个体经营": sole proprietorship),
// `address` marked "(自主申报)" (self-declared), `company_info{annualRevenue, factorySize, manufactureType,
// productionCapacity, qaQc, rndStaffNum…}`.

export const ONEBOUND_SELLER_API = 'seller_info';

/**
 * UNCERTAIN — the one place that names the lookup parameter: the copy shows `sid=b2b-…`, another copy
 * `seller_id=`. If recorded answers show the other name, change it here only.
 */
export function oneboundSellerParam(memberId: string): QueryParams {
  return { sid: memberId };
}

/** The documented key is a member id: a shop link or login id is refused before anything is paid. */
export function oneboundSupplierParams(ref: SupplierRef): { params: QueryParams; ignored: string[] } {
  if (ref.kind !== 'memberId') {
    throw new ProviderError({
      provider: 'onebound',
      kind: 'bad_request',
      message: 'Onebound looks a seller up by member id (b2b-…) only',
    });
  }
  return {
    params: { api_name: ONEBOUND_SELLER_API, result_type: 'json', ...oneboundSellerParam(ref.value) },
    ignored: [],
  };
}

const SELF_DECLARED = /[(（]\s*自主申报\s*[)）]/;

/** UNCERTAIN — where the seller object sits: `item` as in item_get's recorded envelope, else `user` or `data`. */
function sellerRecord(envelope: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['item', 'user', 'data']) {
    const value = envelope[key];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return asRecord(value);
  }
  return {};
}

/** A seller_info object as a detail; `null` when it names no seller. Empty strings stay unknown. */
export function toOneboundSupplierDetail(raw: Record<string, unknown>): SupplierDetail | null {
  const id = sellerIdFrom('onebound', raw.sid, raw.member_id, raw.seller_id);
  const companyName = toText(raw.company_name);
  if (id === null && companyName === null && toText(raw.company_id) === null) return null;
  const info = asRecord(raw.company_info);
  const address = toText(raw.address);
  const empty = emptySupplierDetail('onebound');
  return {
    ...empty,
    memberId: id?.startsWith('b2b-') ? id : null,
    companyName,
    shopName: toText(raw.shop_name),
    loginId: toText(raw.seller_nick) ?? toText(raw.nick),
    shopUrl: cleanLink(raw.shop_url).url,
    location: normalizeLocation(raw.location ?? null),
    registration: {
      creditCode: toText(raw.company_id),
      authority: toText(raw.company_dj),
      term: toText(raw.company_time),
      businessType: toText(raw.shop_type),
      address: address === null ? null : toText(address.replace(SELF_DECLARED, '')),
      selfDeclared: address === null ? null : SELF_DECLARED.test(address),
    },
    capacity: {
      factorySize: toText(info.factorySize),
      manufactureType: toText(info.manufactureType),
      productionCapacity: toText(info.productionCapacity),
      annualRevenue: toText(info.annualRevenue),
    },
  };
}

/** Reads a seller_info body; "no result" (2000) or a body without a seller is `not_found`. */
export function parseOneboundSupplier(response: ProviderResponse): SupplierDetail {
  return guardParse('onebound', () => {
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      throw (
        errorFromUnparsableBody(response) ??
        new ProviderError({
          provider: 'onebound',
          kind: 'invalid_response',
          status: response.status,
          message: 'onebound answered with a body that is not JSON',
        })
      );
    }
    const outcome = checkOneboundBody(response, body);
    const detail = outcome === 'empty' ? null : toOneboundSupplierDetail(sellerRecord(asRecord(body)));
    if (detail === null) {
      throw new ProviderError({
        provider: 'onebound',
        kind: 'not_found',
        status: response.status,
        message: 'Onebound returned no seller for this id',
      });
    }
    return SupplierDetail.parse(detail);
  });
}
