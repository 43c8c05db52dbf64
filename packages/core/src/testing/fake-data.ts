import { randomBytes } from 'node:crypto';

// Paging and id helpers shared by the fakes, so every fake honours page/page_size the same way and the same
// supplier gets the same 1688 member id from TMAPI and Onebound (the merge key).

/** Result set size every fake reports unless a test asks for another. */
export const DEFAULT_TOTAL = 57;

export function intParam(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface PageSlice {
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
  /** Global indexes (0-based) of the items on this page. */
  indexes: number[];
  hasNext: boolean;
}

/** The slice of a `total`-item result that `page` of `pageSize` covers, pageSize clamped to `maxPageSize`. */
export function slicePage(
  page: number,
  requestedSize: number,
  maxPageSize: number,
  total: number,
): PageSlice {
  const pageSize = Math.min(requestedSize, maxPageSize);
  const start = (page - 1) * pageSize;
  const end = Math.min(total, start + pageSize);
  const indexes = Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
  return { page, pageSize, total, totalPages: Math.ceil(total / pageSize), indexes, hasNext: end < total };
}

/** A member id in 1688's shape (`b2b-` + 22 hex-ish chars), stable per result index. */
export function memberIdFor(index: number): string {
  return `b2b-22080874${(705310000 + index).toString(16).padStart(8, '0')}de12c`;
}

export function offerIdFor(index: number): string {
  return String(628745190321 + index);
}

/** The template at `index`, cycling. */
export function cycle<T>(templates: readonly T[], index: number): T {
  return templates[index % templates.length]!;
}

export function requestId(): string {
  return randomBytes(16).toString('hex');
}
