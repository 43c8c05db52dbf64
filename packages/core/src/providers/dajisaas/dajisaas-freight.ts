import { md5SecretSuffixSignature } from '@yuantou/signers';
import { chinaProvince } from '../../models/china-freight.js';
import { ProviderError } from '../../models/provider-error.js';
import { asRecord, toText } from '../../normalize/values.js';
import { defineFreightOperation, unsentFreightFields } from '../freight-operation.js';
import {
  type OfficialFreightParams,
  officialFreightParams,
  readOfficialFreight,
} from '../official/official-freight.js';
import type { SignedRequest } from '../provider-contract.js';
import { joinUrl } from '../request-context.js';
import { errorFromTable, guardParse, httpStatusError, parseJsonBody } from '../response-body.js';
import { DAJISAAS_ERRORS } from './dajisaas-errors.js';

// `POST /alibaba/product/freightEstimate` (JSON) — https://wiki.dajisaas.com/api-218256628 ("获取商品中国段的运费":
// the China leg): `offerId`, `toProvinceCode`, `toCityCode`, `toCountryCode`, `totalNum`,
// `logisticsSkuNumModels[{skuId, number}]`; `data` = the official freight model (uncertain: from client code),
// read by `../official/official-freight.ts`.

export const DAJISAAS_FREIGHT_PATH = '/alibaba/product/freightEstimate';

/**
 * UNCERTAIN, isolated here: how a JSON POST is signed. Seed 003 documents `appKey` + `sign` as query parameters
 * signed with `getSignString` over the request's parameters; the docs do not say whether a JSON body's fields
 * enter it. Here they do not: `appKey` and `sign` (MD5 over `appKey=…&secret=…`) travel in the query, the
 * business fields in the body.
 */
export function dajisaasFreightRequest(
  params: OfficialFreightParams,
  credentials: { appKey: string; appSecret: string; baseUrl?: string },
  baseUrl: string,
): SignedRequest {
  const signed = { appKey: credentials.appKey };
  const { signature } = md5SecretSuffixSignature({ params: signed, secret: credentials.appSecret });
  const query = new URLSearchParams({ ...signed, sign: signature });
  return {
    method: 'POST',
    url: `${joinUrl(credentials.baseUrl ?? baseUrl, DAJISAAS_FREIGHT_PATH)}?${query}`,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(params),
  };
}

/** DajiSaaS' China-leg estimate; `baseUrl` is the adapter's default host. */
export function dajisaasFreightOperation(baseUrl: string) {
  return defineFreightOperation<
    { appKey: string; appSecret: string; baseUrl?: string },
    OfficialFreightParams
  >('dajisaas', {
    map: (query) => ({
      params: officialFreightParams(query),
      ignored: unsentFreightFields(query, ['skuId']),
    }),
    sign: (params, credentials) => dajisaasFreightRequest(params, credentials, baseUrl),
    parseResponse: (response, params) =>
      guardParse('dajisaas', () => {
        const body = asRecord(parseJsonBody('dajisaas', response));
        const code = toText(body.code);
        if (code !== null && code !== '200') {
          throw errorFromTable('dajisaas', DAJISAAS_ERRORS, code, response, body.msg ?? body.message);
        }
        if (response.status >= 400) throw httpStatusError('dajisaas', response);
        if (code === null) {
          throw new ProviderError({
            provider: 'dajisaas',
            kind: 'invalid_response',
            status: response.status,
            message: 'dajisaas answered without a result code',
          });
        }
        const province = params ? (chinaProvince(params.toProvinceCode) ?? params.toProvinceCode) : '';
        return readOfficialFreight('dajisaas', response.status, body.data, params, province);
      }),
  });
}
