import { z } from 'zod';

/**
 * The provider's own account of its call quota, when it reports one with the answer (Onebound's
 * `api_info: "today:5 max:200 …"`): calls used today, the daily maximum, and when it resets (ISO 8601) if known.
 */
export const PageQuota = z.object({
  used: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  resetsAt: z.string().nullable(),
});
export type PageQuota = z.infer<typeof PageQuota>;

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    /** The size the provider really used (after clamping to its maximum). */
    pageSize: z.number().int().min(1),
    total: z.number().int().nonnegative().nullable(),
    hasNext: z.boolean(),
    quota: PageQuota.nullable().optional(),
  });

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number | null;
  hasNext: boolean;
  /** The provider's quota as it reported it with this page; absent when it says nothing. */
  quota?: PageQuota | null;
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
