import { type PandaponSigner, pandaponSignature } from '@yuantou/signers';
import { z } from 'zod';
import type { Product } from '../../models/product.js';
import type { ImageQuery, ProductQuery } from '../../models/query.js';
import { parseOfferEnvelope } from '../offer-list.js';
import { offerSearchParams } from '../offer-query.js';
import type {
  Operation,
  ProviderAdapter,
  ProviderRequest,
  ProviderResponse,
  RequestContext,
} from '../provider-contract.js';
import { joinUrl, resolveContext } from '../request-context.js';
import { PANDAPON_ERRORS } from './pandapon-errors.js';
import { pandaponOfferCall, parsePandaponOffer } from './pandapon-offer.js';

export type { PandaponSigner } from '@yuantou/signers';

export const PANDAPON_BASE_URL = 'https://api.pandapon.com';

export const PandaponCredentials = z.object({
  accessKey: z.string().trim().min(1),
  secret: z.string().trim().min(1),
  /** The `user-id` header (seed 004 example: `2100007341207`); sent, not signed. */
  userId: z.string().trim().min(1),
  baseUrl: z.url().optional(),
});
export type PandaponCredentials = z.infer<typeof PandaponCredentials>;

// Not documented; the platform's own page limit.
const MAX_PAGE_SIZE = 50;

export interface PandaponAdapterOptions {
  /** The `signature` recipe is unverified (providers.md §5): pass the real one here when it is known. */
  sign?: PandaponSigner;
}

export function createPandaponAdapter({ sign = pandaponSignature }: PandaponAdapterOptions = {}) {
  /** `POST {base}{path}` with a JSON body and seed 004's system headers. */
  function signedPost(
    path: string,
    body: object,
    credentials: PandaponCredentials,
    context: Partial<RequestContext> | undefined,
    ignored: string[],
  ): ProviderRequest {
    const { now, nonce } = resolveContext(context);
    const timestamp = String(now.getTime());
    const { signature } = sign({
      accessKey: credentials.accessKey,
      timestamp,
      nonce,
      secret: credentials.secret,
    });
    return {
      method: 'POST',
      url: joinUrl(credentials.baseUrl ?? PANDAPON_BASE_URL, path),
      headers: {
        'access-key': credentials.accessKey,
        timestamp,
        'nonce-str': nonce,
        'user-id': credentials.userId,
        signature,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
      ignored,
    };
  }

  const parseResponse = (response: ProviderResponse) =>
    parseOfferEnvelope('pandapon', PANDAPON_ERRORS, response);

  const searchProducts: Operation<ProductQuery, PandaponCredentials, Product> = {
    maxPageSize: MAX_PAGE_SIZE,
    buildRequest(query, credentials, ctx) {
      const { params, ignored } = offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE });
      return signedPost('/v2/alibaba/product/keywords/query', params, credentials, ctx, ignored);
    },
    parseResponse,
  };

  const searchProductsByImage: Operation<ImageQuery, PandaponCredentials, Product> = {
    maxPageSize: MAX_PAGE_SIZE,
    buildRequest(query, credentials, ctx) {
      // Seed 004: `country` "目前固定传 en"; `imageAddress` only finds results for 1688-hosted images.
      const { params, ignored } = offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE, englishOnly: true });
      const image =
        query.imageBase64 === undefined
          ? { imageAddress: query.imageUrl }
          : { imageBase64: query.imageBase64 };
      return signedPost(
        '/v2/alibaba/product/image/query',
        { ...image, ...params },
        credentials,
        ctx,
        ignored,
      );
    },
    parseResponse,
  };

  return {
    id: 'pandapon',
    name: 'PandaPon',
    // The offer lists of keyword and image search name no seller, so no supplier can be grouped from them.
    listingsNameSeller: false,
    defaultBaseUrl: PANDAPON_BASE_URL,
    credentials: PandaponCredentials,
    // Not documented; the 1688 platform's default, as PandaPon passes calls through to it.
    limits: { requestsPerMinute: 100, concurrency: 5, timeoutMs: 20_000 },
    searchProducts,
    searchProductsByImage,
    getOffer: {
      buildRequest(query, credentials, ctx?) {
        const { path, body } = pandaponOfferCall(query);
        // v1 answers in English only ("currently fixed: en"); the Chinese `subject` comes back regardless.
        const ignored = query.language && !['en', 'zh'].includes(query.language) ? ['language'] : [];
        return signedPost(path, body, credentials, ctx, ignored);
      },
      parseResponse: parsePandaponOffer,
    },
  } satisfies ProviderAdapter<PandaponCredentials>;
}

export const pandaponAdapter = createPandaponAdapter();
