import { type PandaponSigner, pandaponSignature } from '@yuantou/signers';
import * as z from 'zod';
import { ProviderError } from '../../models/provider-error.js';
import type { ImageQuery, ProductQuery } from '../../models/query.js';
import { defineAdapter } from '../define-adapter.js';
import { defineOfferOperation, defineOperation } from '../define-operation.js';
import { imageRefinementsIgnored } from '../ignored-fields.js';
import { isAlibabaHosted, type OfferSearchParams, offerSearchParams } from '../official/official-search.js';
import { parseOfferEnvelope } from '../official/reseller-envelope.js';
import type {
  AdapterWith,
  ProviderAdapter,
  ProviderResponse,
  RequestContext,
  SignedRequest,
} from '../provider-contract.js';
import { joinUrl, resolveContext } from '../request-context.js';
import { PANDAPON_ERRORS } from './pandapon-errors.js';
import { pandaponOfferCall, parsePandaponOffer } from './pandapon-offer.js';

export type { PandaponSigner } from '@yuantou/signers';

export const PANDAPON_BASE_URL = 'https://api.pandapon.com';

export const PANDAPON_PATHS = {
  keywordQuery: '/v2/alibaba/product/keywords/query',
  imageQuery: '/v2/alibaba/product/image/query',
} as const;

/**
 * PandaPon credentials: `accessKey`, `secret` (secret, only signed with) and `userId` (the `user-id` header);
 * optional `baseUrl`.
 */
export const PandaponCredentials = z.object({
  accessKey: z.string().trim().min(1),
  secret: z.string().trim().min(1),
  /** The `user-id` header (seed 004 example: `2100007341207`); sent, not signed. */
  userId: z.string().trim().min(1),
  baseUrl: z.url().optional(),
});
/** PandaPon credentials: see the {@link PandaponCredentials} schema. */
export type PandaponCredentials = z.infer<typeof PandaponCredentials>;

// Not documented; the platform's own page limit.
const MAX_PAGE_SIZE = 50;

/** PandaPon's adapter: keyword and image search, and offer details. */
export type PandaponAdapter = AdapterWith<
  PandaponCredentials,
  'searchProducts' | 'searchProductsByImage' | 'getOffer'
>;

/** Options of {@link createPandaponAdapter}. */
export interface PandaponAdapterOptions {
  /** The `signature` recipe is unverified (providers.md §5): pass the real one here when it is known. */
  sign?: PandaponSigner;
}

export type PandaponImageParams = OfferSearchParams & { imageBase64?: string; imageAddress?: string };

/**
 * The image as PandaPon's v2 image search takes it (README): `imageBase64` (marked required) whenever we have
 * the bytes, `imageAddress` for 1688-hosted links, which are the only addresses it finds results for.
 */
function imageField(query: ImageQuery): { imageBase64: string } | { imageAddress: string } {
  if (query.imageBase64 !== undefined) return { imageBase64: query.imageBase64 };
  if (query.imageUrl !== undefined && isAlibabaHosted(query.imageUrl))
    return { imageAddress: query.imageUrl };
  throw new ProviderError({
    provider: 'pandapon',
    kind: 'bad_request',
    message:
      'PandaPon finds images by address only when 1688 hosts them (alicdn.com); send the image itself as imageBase64',
  });
}

/**
 * A PandaPon adapter signing with `options.sign` (default: `pandaponSignature` from `@yuantou/signers`, an
 * unverified guess of the recipe). Use it once the real `signature` recipe is known.
 */
export function createPandaponAdapter({
  sign = pandaponSignature,
}: PandaponAdapterOptions = {}): PandaponAdapter {
  /** `POST {base}{path}` with the mapped parameters as JSON and seed 004's system headers. */
  const signedPost =
    (path: string) =>
    (params: object, credentials: PandaponCredentials, context?: Partial<RequestContext>): SignedRequest => {
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
          // v2 lists `nonce-str` as optional; it is sent because the signature covers it.
          'nonce-str': nonce,
          'user-id': credentials.userId,
          signature,
          'content-type': 'application/json',
        },
        body: JSON.stringify(params),
      };
    };

  const parseResponse = (response: ProviderResponse) =>
    parseOfferEnvelope('pandapon', PANDAPON_ERRORS, response);

  // Seed 004 and the v2 docs: `country` "目前固定传 en" (currently fixed to en), for keyword and image search
  // alike: another requested language is reported ignored.
  const searchProducts = defineOperation({
    maxPageSize: MAX_PAGE_SIZE,
    map: (query: ProductQuery) => offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE, englishOnly: true }),
    sign: signedPost(PANDAPON_PATHS.keywordQuery),
    parseResponse,
  });

  const searchProductsByImage = defineOperation({
    maxPageSize: MAX_PAGE_SIZE,
    map(query: ImageQuery): { params: PandaponImageParams; ignored: string[] } {
      const { params, ignored } = offerSearchParams(query, { maxPageSize: MAX_PAGE_SIZE, englishOnly: true });
      return {
        params: { ...imageField(query), ...params },
        ignored: [...ignored, ...imageRefinementsIgnored(query)],
      };
    },
    sign: signedPost(PANDAPON_PATHS.imageQuery),
    parseResponse,
  });

  return defineAdapter({
    id: 'pandapon',
    name: 'PandaPon',
    // The offer lists of keyword and image search name no seller, so no supplier can be grouped from them.
    listingsNameSeller: false,
    defaultBaseUrl: PANDAPON_BASE_URL,
    credentials: PandaponCredentials,
    // `accessKey` and `userId` travel in plain headers on every call; only `secret` signs.
    secretFields: ['secret'],
    // Not documented; the 1688 platform's default, as PandaPon passes calls through to it.
    limits: { requestsPerMinute: 100, concurrency: 5, timeoutMs: 20_000 },
    searchProducts,
    searchProductsByImage,
    getOffer: defineOfferOperation({
      map(query) {
        // v1 answers in English only ("currently fixed: en"); the Chinese `subject` comes back regardless.
        const ignored = query.language && !['en', 'zh'].includes(query.language) ? ['language'] : [];
        return { params: pandaponOfferCall(query), ignored };
      },
      sign: ({ path, body }, credentials, ctx?) => signedPost(path)(body, credentials, ctx),
      parseResponse: parsePandaponOffer,
    }),
  } satisfies ProviderAdapter<PandaponCredentials>);
}

/**
 * PandaPon: product search by keyword and by image (base64, or a 1688-hosted URL), and offer details; signed with
 * the default, unverified `signature` recipe (see {@link createPandaponAdapter}).
 */
export const pandaponAdapter = createPandaponAdapter();
