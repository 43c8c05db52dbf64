import {
  type ChinaFreightEstimate,
  type ChinaFreightQuery,
  chinaProvince,
  provinceCode,
} from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import { asRecord, toNumber, toText } from '../../normalize/values.js';
import { defineFreightOperation, noFee, unsentFreightFields, yuan } from '../freight-operation.js';
import type { ProviderResponse, SignedRequest } from '../provider-contract.js';
import { definedParams, type QueryParams } from '../provider-params.js';
import { guardParse } from '../response-body.js';
import { checkOneboundBody, errorFromUnparsableBody } from './onebound-errors.js';

// `GET /1688/item_fee/` — known only from a copy of the doc (https://blog.csdn.net/m0_72059466/article/details/125371273,
// uncertain): `num_iid`, `area_id`, `num` ("below the MOQ the MOQ is used") → `item{num_iid, location, area_id,
// shipping_to, num, express_fee, ems_fee, post_fee, price, beginAmount, unitWeight, Weight, memberId}`.

export const ONEBOUND_FREIGHT_API = 'item_fee';

/**
 * UNCERTAIN, isolated here: what Onebound's `item_fee` takes and which fee it answers with. `area_id` is sent as
 * the destination's most precise administrative-division code (district, else city, else province): the copy of
 * the doc names the parameter but not its coding. The fee read is `express_fee` (快递, how 1688 sellers ship),
 * else `post_fee`, else `ems_fee`.
 */
export const oneboundItemFee = {
  params(query: ChinaFreightQuery): QueryParams {
    const { destination } = query;
    return definedParams({
      api_name: ONEBOUND_FREIGHT_API,
      result_type: 'json',
      num_iid: query.offerId,
      area_id: destination.districtCode ?? destination.cityCode ?? provinceCode(destination),
      num: query.quantity,
    });
  },
  fee(item: Record<string, unknown>): number | null {
    return yuan(item.express_fee) ?? yuan(item.post_fee) ?? yuan(item.ems_fee);
  },
};

export function parseOneboundFreight(response: ProviderResponse, params?: object): ChinaFreightEstimate {
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
    if (checkOneboundBody(response, body) === 'empty') {
      throw new ProviderError({
        provider: 'onebound',
        kind: 'not_found',
        status: response.status,
        message: 'onebound has no freight for this offer',
      });
    }
    const item = asRecord(asRecord(body).item);
    const amount = oneboundItemFee.fee(item);
    if (amount === null) throw noFee('onebound', response.status, 'express_fee');
    const sent = asRecord(params);
    const quantity = toNumber(item.num) ?? toNumber(sent.num) ?? 1;
    const weight = toNumber(item.unitWeight);
    const shippingTo = toText(item.shipping_to);
    return {
      provider: 'onebound',
      offerId: toText(item.num_iid) ?? toText(sent.num_iid) ?? '',
      quantity: Math.max(1, Math.round(quantity)),
      amountCny: amount,
      destination: shippingTo ?? chinaProvince(toText(sent.area_id)?.replace(/\d{4}$/, '0000') ?? '') ?? '',
      freePostage: null,
      chargeType: null,
      unitWeightKg: weight !== null && weight > 0 ? weight : null,
      sample: false,
    };
  });
}

/** Onebound's freight estimate, signed by the adapter's own signer. */
export function oneboundFreightOperation<Credentials>(
  sign: (params: QueryParams, credentials: Credentials) => SignedRequest,
) {
  return defineFreightOperation<Credentials, QueryParams>('onebound', {
    map: (query) => ({ params: oneboundItemFee.params(query), ignored: unsentFreightFields(query, []) }),
    sign,
    parseResponse: parseOneboundFreight,
  });
}
