import * as z from 'zod';
import { PublicImageUrl } from './public-url.js';

/** The sort orders callers may ask for; each adapter maps what its provider supports and reports the rest. */
export const SORTS = [
  'default',
  'price_asc',
  'price_desc',
  'sales',
  'repurchase',
  'credit',
  'newest',
] as const;
/** A sort order callers may ask for, one of {@link SORTS}. */
export const Sort = z.enum(SORTS);
/** A sort order: `default`, `price_asc`, `price_desc`, `sales`, `repurchase`, `credit` or `newest`. */
export type Sort = z.infer<typeof Sort>;

/** Languages the providers translate titles into (DajiSaaS/official `country`, Onebound `lang`). */
export const LANGUAGES = ['zh', 'en', 'ru', 'vi', 'ja', 'ko', 'fr', 'pt', 'es'] as const;
/** A language to translate titles into, one of {@link LANGUAGES}. */
export const Language = z.enum(LANGUAGES);
/** A title language code: `zh`, `en`, `ru`, `vi`, `ja`, `ko`, `fr`, `pt` or `es`. */
export type Language = z.infer<typeof Language>;

/** Above this, a page size is a caller error; below it, adapters clamp to their provider's maximum. */
export const MAX_PAGE_SIZE = 100;

/** The search filters a query may carry; an adapter lists those its provider cannot honour as `ignored`. */
export const FILTER_NAMES = [
  'priceMin',
  'priceMax',
  'minOrder',
  'factoryOnly',
  'province',
  'city',
  'language',
] as const;
/** The name of a search filter, one of {@link FILTER_NAMES}. */
export type FilterName = (typeof FILTER_NAMES)[number];

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/**
 * Optional filters of every search: price range (CNY per unit), minimum order (pieces), factories only,
 * province and city (blank = none), and the title language.
 */
export const SearchFilters = z.object({
  priceMin: z.number().nonnegative().optional(),
  priceMax: z.number().nonnegative().optional(),
  minOrder: z.number().int().nonnegative().optional(),
  factoryOnly: z.boolean().optional(),
  province: optionalText,
  city: optionalText,
  language: Language.optional(),
});
/** The filters of a search, as parsed: see the {@link SearchFilters} schema. */
export type SearchFilters = z.infer<typeof SearchFilters>;

const paging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  sort: Sort.default('default'),
};

const priceRangeIsOrdered = (q: SearchFilters) =>
  q.priceMin === undefined || q.priceMax === undefined || q.priceMin <= q.priceMax;
const priceRangeIssue = { message: 'priceMin must not exceed priceMax', path: ['priceMin'] };

/** NUL and the other C0 controls and DEL, except tab and line breaks (an Excel cell may hold them: Alt+Enter). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/**
 * A search keyword: trimmed, 1–200 characters, no control characters (tab and line breaks allowed).
 * A control character is never part of a search term; sent upstream it only buys an error.
 */
export const Keyword = z
  .string()
  .trim()
  .min(1, 'keyword must not be empty')
  .max(200)
  .refine((s) => !hasControlCharacter(s), 'must not contain control characters');

/**
 * A keyword search, as adapters take it: `keyword`, the {@link SearchFilters}, `page` (default 1), `pageSize`
 * (1–{@link MAX_PAGE_SIZE}, default 20) and `sort` (default `default`). `priceMin` must not exceed `priceMax`.
 */
export const SupplierQuery = SearchFilters.extend({ keyword: Keyword, ...paging }).refine(
  priceRangeIsOrdered,
  priceRangeIssue,
);
/** A keyword search after parsing (defaults filled): see the {@link SupplierQuery} schema. */
export type SupplierQuery = z.infer<typeof SupplierQuery>;
/** A keyword search as a caller may write it, before defaults are filled. */
export type SupplierQueryInput = z.input<typeof SupplierQuery>;

/** A product keyword search: the same shape as {@link SupplierQuery}. */
export const ProductQuery = SupplierQuery;
/** A product keyword search after parsing (defaults filled). */
export type ProductQuery = z.infer<typeof ProductQuery>;
/** A product keyword search as a caller may write it, before defaults are filled. */
export type ProductQueryInput = z.input<typeof ProductQuery>;

/** A 1688 member id as the providers' shop endpoints take it: `b2b-` and letters or digits. */
export const MemberId = z
  .string()
  .trim()
  .regex(/^b2b-[0-9a-z]+$/i, 'memberId is a member id: b2b-…');

/**
 * One page of a supplier's own catalogue (TMAPI `GET /1688/shop/items`: `member_id` required, `page`,
 * `page_size`), as adapters take it: the member id, the title `language`, `page`, `pageSize` and `sort`.
 */
export const SupplierOffersQuery = z.object({
  memberId: MemberId,
  language: Language.optional(),
  ...paging,
});
/** A supplier catalogue page after parsing (defaults filled): see the {@link SupplierOffersQuery} schema. */
export type SupplierOffersQuery = z.infer<typeof SupplierOffersQuery>;
/** A supplier catalogue page as a caller may write it, before defaults are filled. */
export type SupplierOffersQueryInput = z.input<typeof SupplierOffersQuery>;

/** Base64 of an image, without the `data:image/...;base64,` header some tools add. */
export const ImageBase64 = z
  .string()
  .trim()
  .transform((s) => s.replace(/^data:image\/[a-z+.-]+;base64,/i, ''))
  .pipe(
    z
      .string()
      .min(16, 'imageBase64 is too short to be an image')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'imageBase64 is not valid base64'),
  );

/**
 * A part of the searched photo, as the official platform's image search takes it (`region`, an "x1,x2,y1,y2"-style
 * box — sourcing facts §3) and reports what it detected: whole pixels of the image as uploaded.
 */
export const ImageRegion = z
  .string()
  .trim()
  .regex(/^\d{1,5},\d{1,5},\d{1,5},\d{1,5}$/, 'region is four whole numbers "x1,x2,y1,y2"');

/**
 * A search by image: exactly one of `imageUrl` (a public http(s) URL) or `imageBase64`, plus the
 * {@link SearchFilters} and paging of {@link SupplierQuery}.
 */
export const ImageQuery = SearchFilters.extend({
  imageUrl: PublicImageUrl.optional(),
  imageBase64: ImageBase64.optional(),
  /** Search only this part of the photo (one of the `regions` a previous answer reported). */
  region: ImageRegion.optional(),
  /** Narrow the image matches by a word (the official platform's "search within results"). */
  keyword: Keyword.optional(),
  ...paging,
})
  .refine((q) => (q.imageUrl === undefined) !== (q.imageBase64 === undefined), {
    message: 'give exactly one of imageUrl or imageBase64',
    path: ['imageUrl'],
  })
  .refine(priceRangeIsOrdered, priceRangeIssue);
/** An image search after parsing (defaults filled): see the {@link ImageQuery} schema. */
export type ImageQuery = z.infer<typeof ImageQuery>;
/** An image search as a caller may write it, before defaults are filled. */
export type ImageQueryInput = z.input<typeof ImageQuery>;
