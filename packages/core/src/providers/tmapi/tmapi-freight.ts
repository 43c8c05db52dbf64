import type { ChinaFreightEstimate, ChinaFreightQuery } from '../../models/china-freight.js';
import { asRecord, toNumber, toText } from '../../normalize/values.js';
import { defineFreightOperation, noFee, unsentFreightFields, yuan } from '../freight-operation.js';
import type { ProviderResponse, SignedRequest } from '../provider-contract.js';
import { definedParams, type QueryParams } from '../provider-params.js';
import { guardParse } from '../response-body.js';
import { tmapiErrorFor } from './tmapi-errors.js';
import { parseTmapiJson } from './tmapi-page.js';

// `GET /1688/item/shipping` (https://tmapi.top/docs/ali/item-detail/get-item-shipping-fee.md): `item_id`
// (required), `province` (required: "广东", "广东省", "gd", "Guangdong"), `total_quantity` (default 1),
// `total_weight` (kg; "if there is no weight information, just ignore") → `data{shipping_to, unit:"kg",
// first_unit, first_unit_fee, next_unit, next_unit_fee, total_quantity, total_weight, total_fee}`.

export const TMAPI_FREIGHT_PATH = '/1688/item/shipping';

/** The parameters sent: the province as its short Chinese name, which the docs list first. */
export function tmapiFreightParams(query: ChinaFreightQuery): QueryParams {
  return definedParams({
    item_id: query.offerId,
    province: query.destination.province,
    total_quantity: query.quantity,
    total_weight: query.totalWeightKg === undefined ? undefined : Number(query.totalWeightKg.toFixed(3)),
  });
}

export function parseTmapiFreight(response: ProviderResponse, params?: object): ChinaFreightEstimate {
  return guardParse('tmapi', () => {
    const body = parseTmapiJson(response);
    const error = tmapiErrorFor(response, body);
    if (error) throw error;
    const data = asRecord(asRecord(body).data);
    const amount = yuan(data.total_fee);
    if (amount === null) throw noFee('tmapi', response.status, 'data.total_fee');
    const sent = asRecord(params);
    const quantity = toNumber(data.total_quantity) ?? toNumber(sent.total_quantity) ?? 1;
    const weight = toNumber(data.total_weight);
    return {
      provider: 'tmapi',
      offerId: toText(sent.item_id) ?? '',
      quantity: Math.max(1, Math.round(quantity)),
      amountCny: amount,
      destination: toText(data.shipping_to) ?? toText(sent.province) ?? '',
      freePostage: null,
      // `unit: "kg"` with first/next units: a by-weight template.
      chargeType: toText(data.unit) === 'kg' ? 'weight' : null,
      unitWeightKg: weight !== null && weight > 0 && quantity > 0 ? weight / quantity : null,
      sample: false,
    };
  });
}

/** TMAPI's freight estimate, signed by the adapter's own `apiToken` signer. */
export function tmapiFreightOperation<Credentials>(
  sign: (path: string) => (params: QueryParams, credentials: Credentials) => SignedRequest,
) {
  return defineFreightOperation<Credentials, QueryParams>('tmapi', {
    map: (query) => ({
      params: tmapiFreightParams(query),
      ignored: unsentFreightFields(query, ['totalWeightKg']),
    }),
    sign: sign(TMAPI_FREIGHT_PATH),
    parseResponse: parseTmapiFreight,
  });
}
