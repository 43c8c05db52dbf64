import * as z from 'zod';
import { MaxAge } from '../models/max-age.js';
import { CurrencyCode } from '../models/money.js';
import { ProviderId } from '../models/provider-id.js';
import { PublicImageUrl } from '../models/public-url.js';
import { ImageRegion, Keyword, Language, MAX_PAGE_SIZE, SORTS } from '../models/query.js';

// What the proxy's searches ask for: the keyword searches' query string (`GET /v1/suppliers`, `GET /v1/products`),
// a supplier's catalogue (`GET /v1/suppliers/:id/offers`) and the photo search's body (`POST
// /v1/products/by-image`). Shared by the proxy (route schemas, OpenAPI) and createClient (validation), so the two
// cannot drift.

/** `score` (default) orders by our ranking; the others are passed to providers and applied to the merged list. */
export const RouteSort = z.enum(['score', ...SORTS]);
/** A sort order of the proxy's searches: `score` (default, our ranking) or a provider {@link Sort}. */
export type RouteSort = z.infer<typeof RouteSort>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const queryNumber = z.preprocess(blankToUndefined, z.coerce.number().nonnegative().optional());
const queryInt = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const queryText = z.preprocess(blankToUndefined, z.string().trim().max(50).optional());
const queryBool = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const text = v.trim().toLowerCase();
  if (text === '' || text === 'true' || text === '1' || text === 'yes') return true;
  if (text === 'false' || text === '0' || text === 'no') return false;
  return v;
}, z.boolean().optional());

/** `tmapi,onebound` or `['tmapi','onebound']` → a de-duplicated list of known provider ids. */
export const ProviderList = z.preprocess(
  (v) => {
    const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v;
    return Array.isArray(parts) ? [...new Set(parts.map((p) => String(p).trim()).filter(Boolean))] : parts;
  },
  z.array(ProviderId).min(1, 'name at least one provider'),
);

const filterParams = {
  provider: ProviderList.optional(),
  page: queryInt(1, 1000, 1),
  pageSize: queryInt(1, MAX_PAGE_SIZE, 20),
  sort: z.preprocess(blankToUndefined, RouteSort.default('score')),
  factoryOnly: queryBool,
  city: queryText,
  province: queryText,
  priceMin: queryNumber,
  priceMax: queryNumber,
  minOrder: z.preprocess(blankToUndefined, z.coerce.number().int().nonnegative().optional()),
  language: z.preprocess(blankToUndefined, Language.optional()),
  /** Prices are also given in this currency (ISO 4217), next to the original CNY. */
  currency: z.preprocess(blankToUndefined, CurrencyCode.optional()),
  /**
   * Pieces the buyer means to order (product searches): each product gets `priceAtQuantity` and is ranked on
   * it; an MOQ above it is flagged. Unlike `minOrder`, not a filter sent to providers. Supplier search refuses it.
   */
  quantity: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000_000).optional()),
  /** Seconds: how old a served answer may be (see {@link MaxAge}). */
  maxAge: MaxAge,
};

const priceRangeOrdered = (q: { priceMin?: number; priceMax?: number }) =>
  q.priceMin === undefined || q.priceMax === undefined || q.priceMin <= q.priceMax;
const priceRangeIssue = { message: 'priceMin must not exceed priceMax', path: ['priceMin'] };

/** `GET /v1/suppliers` and `GET /v1/products` query string. */
export const SearchParams = z
  .object({ q: Keyword, ...filterParams })
  .refine(priceRangeOrdered, priceRangeIssue);
/** A keyword search's query string after parsing (defaults filled): see the {@link SearchParams} schema. */
export type SearchParams = z.infer<typeof SearchParams>;
/** A keyword search's query string as a caller may give it (strings or numbers; blanks mean "not set"). */
export type SearchParamsInput = z.input<typeof SearchParams>;

/**
 * `GET /v1/suppliers/:id/offers` query string: a supplier's catalogue, ranked like a product search. Paging,
 * `sort`, `language`, `currency`, `quantity`, `provider` and `maxAge` as for {@link SearchParams}; no keyword
 * and no filters (no provider filters a shop's catalogue).
 */
export const SupplierOffersParams = z.object({
  provider: filterParams.provider,
  page: filterParams.page,
  pageSize: filterParams.pageSize,
  sort: filterParams.sort,
  language: filterParams.language,
  currency: filterParams.currency,
  quantity: filterParams.quantity,
  maxAge: filterParams.maxAge,
});
/** A supplier catalogue's query string after parsing: see the {@link SupplierOffersParams} schema. */
export type SupplierOffersParams = z.infer<typeof SupplierOffersParams>;
/** A supplier catalogue's query string as a caller may give it. */
export type SupplierOffersParamsInput = z.input<typeof SupplierOffersParams>;

/** Largest accepted base64 image (about 3 MB of image); the proxy's body limit is a little above it. */
export const MAX_IMAGE_BASE64_LENGTH = 4 * 1024 * 1024;

/** `POST /v1/products/by-image` JSON body. */
export const ImageSearchBody = z
  .object({
    imageUrl: PublicImageUrl.optional(),
    imageBase64: z
      .string()
      .trim()
      .max(MAX_IMAGE_BASE64_LENGTH, 'imageBase64 is larger than 4 MB')
      .transform((s) => s.replace(/^data:image\/[a-z+.-]+;base64,/i, ''))
      .pipe(
        z
          .string()
          .min(16, 'imageBase64 is too short')
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'imageBase64 is not valid base64'),
      )
      .optional(),
    /** Search only this part of the photo: a `regions[].box` of an earlier answer. */
    region: z.preprocess(blankToUndefined, ImageRegion.optional()),
    /** Narrow the image matches by a word (providers that cannot list it in `ignored`). */
    keyword: z.preprocess(blankToUndefined, Keyword.optional()),
    ...filterParams,
  })
  .refine((b) => (b.imageUrl === undefined) !== (b.imageBase64 === undefined), {
    message: 'give exactly one of imageUrl or imageBase64',
    path: ['imageUrl'],
  })
  .refine(priceRangeOrdered, priceRangeIssue);
/** An image search body after parsing: see the {@link ImageSearchBody} schema. */
export type ImageSearchBody = z.infer<typeof ImageSearchBody>;
/** An image search body as a caller may send it: exactly one of `imageUrl` or `imageBase64`, plus filters. */
export type ImageSearchBodyInput = z.input<typeof ImageSearchBody>;
