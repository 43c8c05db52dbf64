import { md5SecretSuffixSignature } from '@yuantou/signers';
import { ProviderError } from '../../models/provider-error.js';
import { asRecord, toText } from '../../normalize/values.js';
import type { OfferSearchParams } from '../official/official-search.js';
import type { PrepareStep, ProviderResponse, SignedRequest } from '../provider-contract.js';
import { joinUrl } from '../request-context.js';
import { errorFromTable, guardParse, httpStatusError, parseJsonBody } from '../response-body.js';
import { DAJISAAS_ERRORS } from './dajisaas-errors.js';

// Sourcing facts §3: DajiSaaS `POST /alibaba/upload/image` with `image_base64` (JPG/PNG/WEBP, ≤ 3 MB) or
// `pic_url` → `data` = imageId (https://wiki-en.dajisaas.com/api-207114140), then
// `GET /alibaba/product/imageQuery?imageId=…`.
export const DAJISAAS_UPLOAD_PATH = '/alibaba/upload/image';

/** DajiSaaS image-search params: an `imageUrl`, or an `upload` the prepare step turns into an `imageId`. */
export type DajisaasImageParams = OfferSearchParams & {
  imageUrl?: string;
  imageId?: string;
  upload?: { imageBase64: string };
};

/** The shape the adapter's signing takes: `(baseUrl) credentials`, as in `dajisaas-adapter.ts`. */
interface UploadCredentials {
  appKey: string;
  appSecret: string;
  baseUrl?: string;
}

/**
 * **Uncertain** (README "Uncertain facts"): "form vs query parameters disputed between two doc copies" (sourcing
 * facts §3). Sent here as the signed GETs are (`appKey` and `sign` in the query, the MD5 over every parameter with
 * the secret appended) with `image_base64` in an `application/x-www-form-urlencoded` body, inside the signature.
 * Change only this function when DajiSaaS confirms the other reading.
 */
export function uploadImageRequest(
  imageBase64: string,
  credentials: UploadCredentials,
  baseUrl: string,
): SignedRequest {
  const params = { appKey: credentials.appKey, image_base64: imageBase64 };
  const { signature } = md5SecretSuffixSignature({ params, secret: credentials.appSecret });
  const query = new URLSearchParams({ appKey: credentials.appKey, sign: signature });
  return {
    method: 'POST',
    url: `${joinUrl(credentials.baseUrl ?? baseUrl, DAJISAAS_UPLOAD_PATH)}?${query}`,
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ image_base64: imageBase64 }).toString(),
  };
}

/** The imageId in the upload answer's `data`, or the ProviderError the answer describes. */
export function parseDajisaasUpload(response: ProviderResponse): string {
  return guardParse('dajisaas', () => {
    const body = asRecord(parseJsonBody('dajisaas', response));
    const code = toText(body.code);
    if (code !== null && code !== '200')
      throw errorFromTable('dajisaas', DAJISAAS_ERRORS, code, response, body.msg ?? body.message);
    if (response.status >= 400) throw httpStatusError('dajisaas', response);
    const imageId = toText(body.data);
    if (imageId === null || imageId === '' || imageId === '0') {
      throw new ProviderError({
        provider: 'dajisaas',
        kind: 'bad_request',
        status: response.status,
        providerCode: 'upload.image',
        message: 'DajiSaaS could not take the image (no imageId came back; JPG, PNG or WebP up to 3 MB)',
      });
    }
    return imageId;
  });
}

/** Upload first, then search by `imageId`: run by the proxy before the image search is signed. */
export function dajisaasUploadStep(baseUrl: string): PrepareStep<DajisaasImageParams, UploadCredentials> {
  return {
    name: 'upload/image',
    sign: (params, credentials) =>
      params.upload === undefined
        ? null
        : uploadImageRequest(params.upload.imageBase64, credentials, baseUrl),
    cacheInput: (params) => params.upload?.imageBase64,
    complete(params, response) {
      const imageId = parseDajisaasUpload(response);
      const { upload: _uploaded, ...rest } = params;
      return { imageId, ...rest };
    },
  };
}
