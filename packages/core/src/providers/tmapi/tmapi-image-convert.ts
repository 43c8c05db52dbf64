import { ProviderError } from '../../models/provider-error.js';
import { asRecord, toText } from '../../normalize/values.js';
import type { PrepareStep, ProviderResponse } from '../provider-contract.js';
import { joinUrl } from '../request-context.js';
import { guardParse } from '../response-body.js';
import { tmapiErrorFor } from './tmapi-errors.js';
import { parseTmapiJson } from './tmapi-page.js';

// Sourcing facts §3, TMAPI: "Only images from Alibaba-affiliated platforms can be identified": other URLs must
// be converted first with `POST /1688/tools/image/convert_url` `{url, search_api_endpoint: "/search/image"}` →
// `data.image_url` (https://tmapi.top/docs/ali/tool-apis/image-url-convert.md); no base64.
export const TMAPI_CONVERT_PATH = '/1688/tools/image/convert_url';

/** TMAPI image-search params: `img_url`, or `convert_url` (a URL the prepare step converts into `img_url`). */
export type TmapiImageParams = Record<string, string | number | boolean> & {
  img_url?: string;
  convert_url?: string;
};

interface ConvertCredentials {
  apiToken: string;
  baseUrl?: string;
}

/** `data.image_url` of a convert answer, or the ProviderError the answer describes. */
export function parseConvertedUrl(response: ProviderResponse): string {
  return guardParse('tmapi', () => {
    const body = parseTmapiJson(response);
    const error = tmapiErrorFor(response, body);
    if (error) throw error;
    const url = toText(asRecord(asRecord(body).data).image_url);
    if (url === null || !/^https?:\/\//.test(url)) {
      throw new ProviderError({
        provider: 'tmapi',
        kind: 'invalid_response',
        status: response.status,
        message: 'TMAPI converted the image without giving an image_url',
      });
    }
    return url;
  });
}

/** Convert a URL not hosted by Alibaba, then search by the converted one: run by the proxy before the search. */
export function tmapiConvertStep(defaultBaseUrl: string): PrepareStep<TmapiImageParams, ConvertCredentials> {
  return {
    name: 'image/convert_url',
    sign(params, credentials) {
      if (params.convert_url === undefined) return null;
      const search = new URLSearchParams({ apiToken: credentials.apiToken });
      return {
        method: 'POST',
        url: `${joinUrl(credentials.baseUrl ?? defaultBaseUrl, TMAPI_CONVERT_PATH)}?${search}`,
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ url: params.convert_url, search_api_endpoint: '/search/image' }),
      };
    },
    cacheInput: (params) => params.convert_url,
    complete(params, response) {
      const { convert_url: _converted, ...rest } = params;
      return { img_url: parseConvertedUrl(response), ...rest };
    },
  };
}
