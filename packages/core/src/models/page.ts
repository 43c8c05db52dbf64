import * as z from 'zod';

/**
 * A provider's own account of its call quota, when its answer carries one (Onebound's `api_info`
 * `"today:12 max:10000 …"`). `used` calls of `limit` in the current window; `resetsAt` is when the window
 * starts again (ISO 8601), `null` when the provider's answer does not tell.
 */
export const Quota = z.object({
  used: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  resetsAt: z.string().nullable(),
});
/** A provider's reported call quota: `used` of `limit`, resetting at `resetsAt` (ISO 8601, `null` = not said). */
export type Quota = z.infer<typeof Quota>;

/** The zod schema of one page of results of `item`; see the {@link Page} type. */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    /** The size the provider really used (after clamping to its maximum). */
    pageSize: z.number().int().min(1),
    total: z.number().int().nonnegative().nullable(),
    hasNext: z.boolean(),
    /** Present only for providers that report their quota with each answer. */
    quota: Quota.nullable().optional(),
    regions: z.array(z.object({ box: z.string(), current: z.boolean() })).optional(),
  });

/**
 * An object an image search found in the photo: its `box` ("x1,x2,y1,y2", pixels of the image as uploaded; send
 * it back as `region` to search that object) and whether it is the one these results are for (`current`).
 */
export interface DetectedRegion {
  /** `"x1,x2,y1,y2"` in pixels of the image as uploaded; sent back as `region` to search that object. */
  box: string;
  /** True for the object these results are for. */
  current: boolean;
}

/** One page of a provider's results, as every adapter's `parseResponse` returns it. */
export interface Page<T> {
  /** The results on this page, in the provider's order. */
  items: T[];
  /** 1-based page number. */
  page: number;
  /** The size the provider really used (after clamping to its maximum). */
  pageSize: number;
  /** Results across all pages as the provider reports them; `null` when it does not say. */
  total: number | null;
  /** Whether another page may follow (from the provider, else inferred from `total` or a full page). */
  hasNext: boolean;
  /** The provider's quota as its answer reports it; absent when the provider says nothing about it. */
  quota?: Quota | null;
  /** Image searches of providers that detect objects in the photo (the official platform): what they found. */
  regions?: DetectedRegion[];
}

/** A page whose `hasNext` comes from the total when the provider does not say. */
export function makePage<T>(
  items: T[],
  meta: { page: number; pageSize: number; total: number | null; hasNext?: boolean | null },
): Page<T> {
  const page = Math.max(1, safeInteger(meta.page) || 1);
  const pageSize = Math.max(1, safeInteger(meta.pageSize) || Math.max(1, items.length));
  const total =
    meta.total === null || !Number.isFinite(meta.total) ? null : Math.max(0, safeInteger(meta.total));
  const hasNext = meta.hasNext ?? (total === null ? items.length >= pageSize : page * pageSize < total);
  return { items, page, pageSize, total, hasNext };
}

/** Providers send absurd counts (`1e300`) now and then; the schema needs safe integers. */
function safeInteger(n: number): number {
  return Math.min(Math.trunc(n), Number.MAX_SAFE_INTEGER) || 0;
}
