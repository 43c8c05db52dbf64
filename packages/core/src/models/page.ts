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
export type Quota = z.infer<typeof Quota>;

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
  });

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number | null;
  hasNext: boolean;
  /** The provider's quota as its answer reports it; absent when the provider says nothing about it. */
  quota?: Quota | null;
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
