import { chinaProvince } from '../../models/china-freight.js';
import { defineFreightOperation, unsentFreightFields } from '../freight-operation.js';
import {
  type OfficialFreightParams,
  officialFreightParams,
  readOfficialFreight,
} from '../official/official-freight.js';
import { resolveContext } from '../request-context.js';
import { guardParse } from '../response-body.js';
import { type AlibabaCredentials, aopRequest, officialResult } from './alibaba-gateway.js';

// `com.alibaba.fenxiao.crossborder:product.freight.estimate-1`, signed like every gateway call (needs
// `access_token`), its one business parameter `productFreightQueryParamsNew` as JSON text; the answer
// `{result:{success, code "S0000", message, result:<freight model>}}` (uncertain: read from a copy of the doc).
// The model is read by `../official/official-freight.ts`, shared with DajiSaaS.

export const FREIGHT_ESTIMATE_API = '1/com.alibaba.fenxiao.crossborder/product.freight.estimate';

/** What the official freight estimate sends: its one business parameter, the request model. */
export interface AlibabaFreightParams {
  /** The request model, sent as JSON text. */
  productFreightQueryParamsNew: OfficialFreightParams;
}

/** The official platform's China-leg estimate (`product.freight.estimate`). */
export const alibabaFreight = defineFreightOperation<AlibabaCredentials, AlibabaFreightParams>('alibaba', {
  map: (query) => ({
    params: { productFreightQueryParamsNew: officialFreightParams(query) },
    ignored: unsentFreightFields(query, ['skuId']),
  }),
  sign: (params, credentials, ctx) =>
    aopRequest(
      FREIGHT_ESTIMATE_API,
      { productFreightQueryParamsNew: JSON.stringify(params.productFreightQueryParamsNew) },
      credentials,
      resolveContext(ctx),
    ),
  parseResponse: (response, params) =>
    guardParse('alibaba', () => {
      const { wrapper } = officialResult(response);
      const sent = params?.productFreightQueryParamsNew;
      const province = sent ? (chinaProvince(sent.toProvinceCode) ?? sent.toProvinceCode) : '';
      return readOfficialFreight('alibaba', response.status, wrapper.result, sent, province);
    }),
});
