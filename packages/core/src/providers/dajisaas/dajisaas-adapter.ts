import { md5SecretSuffixSignature } from '@yuantou/signers';
import * as z from 'zod';
import { ProviderError } from '../../models/provider-error.js';
import type { ImageQuery, ProductQuery } from '../../models/query.js';
import { defineAdapter } from '../define-adapter.js';
import { defineOfferOperation, defineOperation } from '../define-operation.js';
import { imageRefinementsIgnored } from '../ignored-fields.js';
import { officialIgnored } from '../official/official-offer.js';
import { offerSearchParams } from '../official/official-search.js';
import { parseOfferEnvelope } from '../official/reseller-envelope.js';
import type { AdapterWith, ProviderAdapter, ProviderResponse, SignedRequest } from '../provider-contract.js';
import { joinUrl } from '../request-context.js';
import { DAJISAAS_ERRORS } from './dajisaas-errors.js';
import { dajisaasFreightOperation } from './dajisaas-freight.js';
import { type DajisaasImageParams, dajisaasUploadStep } from './dajisaas-image-upload.js';
import { DAJISAAS_OFFER_PATH, dajisaasOfferParams, parseDajisaasOffer } from './dajisaas-offer.js';

export const DAJISAAS_BASE_URL = 'https://openapi.dajisaas.com';

export const DAJISAAS_PATHS = {
  keywordQuery: '/alibaba/product/keywordQuery',
  imageQuery: '/alibaba/product/imageQuery',
} as const;

/** DajiSaaS credentials: `appKey` (sent in every URL) and `appSecret` (secret, only signed with); optional `baseUrl`. */
export const DajisaasCredentials = z.object({
  appKey: z.string().trim().min(1),
  appSecret: z.string().trim().min(1),
  baseUrl: z.url().optional(),
});
/** DajiSaaS credentials: see the {@link DajisaasCredentials} schema. */
export type DajisaasCredentials = z.infer<typeof DajisaasCredentials>;

// Seed 003: image search pages hold at most 50; the keyword search is the platform's, also 50.
const MAX_PAGE_SIZE = 50;

/**
 * `GET {base}{path}?appKey=…&<params>&sign=…`: `sign` is seed 003's MD5 over every other query parameter,
 * `appKey` included, with the secret appended (never sent). Two independent real clients sign and call
 * exactly this way (README).
 */
function signedGet(path: string) {
  return (business: object, credentials: DajisaasCredentials): SignedRequest => {
    const params: Record<string, string> = { appKey: credentials.appKey };
    for (const [key, value] of Object.entries(business)) if (value !== undefined) params[key] = String(value);
    const { signature } = md5SecretSuffixSignature({ params, secret: credentials.appSecret });
    const query = new URLSearchParams({ ...params, sign: signature });
    return {
      method: 'GET',
      url: `${joinUrl(credentials.baseUrl ?? DAJISAAS_BASE_URL, path)}?${query}`,
      headers: { accept: 'application/json' },
    };
  };
}

const parseResponse = (response: ProviderResponse) =>
  parseOfferEnvelope('dajisaas', DAJISAAS_ERRORS, response);

const searchProducts = defineOperation({
  maxPageSize: MAX_PAGE_SIZE,
  map: (query: ProductQuery) => offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE }),
  sign: signedGet(DAJISAAS_PATHS.keywordQuery),
  parseResponse,
});

const searchProductsByImage = defineOperation({
  maxPageSize: MAX_PAGE_SIZE,
  map(query: ImageQuery): { params: DajisaasImageParams; ignored: string[] } {
    const { params, ignored } = offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE });
    const refinements = imageRefinementsIgnored(query);
    // Seed 003: base64 images go to `POST /alibaba/upload/image` first, for an `imageId` (the prepare step).
    if (query.imageBase64 !== undefined)
      return {
        params: { upload: { imageBase64: query.imageBase64 }, ...params },
        ignored: [...ignored, ...refinements],
      };
    return { params: { imageUrl: query.imageUrl, ...params }, ignored: [...ignored, ...refinements] };
  },
  sign(params: DajisaasImageParams, credentials: DajisaasCredentials) {
    if (params.upload !== undefined) {
      throw new ProviderError({
        provider: 'dajisaas',
        kind: 'bad_request',
        message:
          'this image must first be uploaded with upload/image (the proxy runs that step; buildRequest alone cannot)',
      });
    }
    return signedGet(DAJISAAS_PATHS.imageQuery)(params, credentials);
  },
  prepare: dajisaasUploadStep(DAJISAAS_BASE_URL),
  parseResponse,
});

/**
 * DajiSaaS (大吉SaaS): product search by keyword and by image, and offer details, answering in the official
 * platform's offer-page shape; no supplier search (its offer lists name no seller).
 */
export const dajisaasAdapter: AdapterWith<
  DajisaasCredentials,
  'searchProducts' | 'searchProductsByImage' | 'getOffer'
> = defineAdapter({
  id: 'dajisaas',
  name: 'DajiSaaS (大吉SaaS)',
  // The offer lists of keyword and image search name no seller, so no supplier can be grouped from them.
  listingsNameSeller: false,
  defaultBaseUrl: DAJISAAS_BASE_URL,
  credentials: DajisaasCredentials,
  // `appKey` is sent in every URL and signed over; `appSecret` only ever enters the MD5.
  secretFields: ['appSecret'],
  // Not documented; the platform's own default (100 calls/min) as the reseller passes calls through to it.
  limits: { requestsPerMinute: 100, concurrency: 5, timeoutMs: 20_000 },
  searchProducts,
  searchProductsByImage,
  getOffer: defineOfferOperation({
    map: (query) => ({ params: dajisaasOfferParams(query), ignored: officialIgnored(query.language) }),
    sign: signedGet(DAJISAAS_OFFER_PATH),
    parseResponse: parseDajisaasOffer,
  }),
  estimateFreight: dajisaasFreightOperation(DAJISAAS_BASE_URL),
} satisfies ProviderAdapter<DajisaasCredentials>);
