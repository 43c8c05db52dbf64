import type { DetectedRegion } from '../../models/page.js';
import { ProviderError } from '../../models/provider-error.js';
import { asRecord, toText } from '../../normalize/values.js';
import type { OfferSearchParams } from '../official/official-search.js';
import type { PrepareStep, ProviderResponse, RequestContext } from '../provider-contract.js';
import { resolveContext } from '../request-context.js';
import { guardParse } from '../response-body.js';
import { type AlibabaCredentials, aopRequest, officialResult } from './alibaba-gateway.js';

// `product.image.upload` (README "Image upload"): `uploadImageParam` = JSON `{imageBase64}` (no `data:` header),
// answering `{result:{success:"true", code, message, result:"<imageId>"}}`; an imageId of "0" or "" is a
// failure ("compress the image to about 100 KB").
export const IMAGE_UPLOAD_API = '1/com.alibaba.fenxiao.crossborder/product.image.upload';

export interface AlibabaImageParams {
  /** Present until the image is uploaded; the upload step replaces it by `offerQueryParam.imageId`. */
  upload?: { imageBase64: string };
  offerQueryParam: OfferSearchParams & {
    imageAddress?: string;
    imageId?: string;
    region?: string;
    keyword?: string;
  };
}

function uploadFailed(response: ProviderResponse, detail: unknown): ProviderError {
  return new ProviderError({
    provider: 'alibaba',
    kind: 'bad_request',
    status: response.status,
    providerCode: 'image.upload',
    message: `1688 Open Platform could not take the image (no imageId came back; compress it to about 100 KB)${
      toText(detail) ? `: ${toText(detail)}` : ''
    }`,
  });
}

/** The imageId of an upload answer, or the ProviderError it describes. */
export function parseImageUpload(response: ProviderResponse): string {
  return guardParse('alibaba', () => {
    const { wrapper } = officialResult(response);
    const imageId = toText(wrapper.result);
    if (imageId === null || imageId === '0') throw uploadFailed(response, wrapper.message);
    return imageId;
  });
}

/** Upload first, then search by `imageId`: the step the proxy runs before signing the image search. */
export const imageUploadStep: PrepareStep<AlibabaImageParams, AlibabaCredentials> = {
  name: 'product.image.upload',
  sign(params, credentials, ctx?: Partial<RequestContext>) {
    if (params.upload === undefined) return null;
    const uploadImageParam = JSON.stringify({ imageBase64: params.upload.imageBase64 });
    return aopRequest(IMAGE_UPLOAD_API, { uploadImageParam }, credentials, resolveContext(ctx));
  },
  cacheInput: (params) => params.upload?.imageBase64,
  complete(params, response) {
    const imageId = parseImageUpload(response);
    const { upload: _uploaded, ...rest } = params;
    return { ...rest, offerQueryParam: { imageId, ...params.offerQueryParam } };
  },
};

const BOX = /^\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$/;

/**
 * **Uncertain** (README "Uncertain facts"): `picRegionInfo{currentRegion, yoloCropRegion}` is "the objects it
 * detected" (sourcing facts §3), from a copy of the doc page with no example. Read here as `currentRegion` one
 * "x1,x2,y1,y2" box and `yoloCropRegion` boxes separated by `;` (a JSON array of boxes is taken too); anything
 * else is no region. Change only this function when a real answer shows otherwise.
 */
export function readPicRegions(picRegionInfo: unknown): DetectedRegion[] {
  const info = asRecord(picRegionInfo);
  const box = (value: unknown): string | null => {
    const match = BOX.exec(toText(value) ?? '');
    return match ? match.slice(1, 5).map(Number).join(',') : null;
  };
  const current = box(info.currentRegion);
  const listed = Array.isArray(info.yoloCropRegion)
    ? info.yoloCropRegion
    : (toText(info.yoloCropRegion) ?? '').split(';');
  const boxes = [...new Set(listed.map(box).filter((b): b is string => b !== null))];
  if (current !== null && !boxes.includes(current)) boxes.unshift(current);
  return boxes.slice(0, 20).map((b) => ({ box: b, current: b === current }));
}
