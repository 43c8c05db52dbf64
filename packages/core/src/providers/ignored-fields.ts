import { FILTER_NAMES, type FilterName, type SearchFilters, type Sort } from '../models/query.js';

/**
 * The filters and sort a provider cannot honour for this query, as `field` or `sort=value`, so the proxy can
 * report them instead of silently returning something the user did not ask for.
 */
export function ignoredFields(
  query: SearchFilters & { sort?: Sort },
  supported: { filters: readonly FilterName[]; sorts: readonly Sort[] },
): string[] {
  const ignored: string[] = FILTER_NAMES.filter(
    (name) => query[name] !== undefined && query[name] !== false && !supported.filters.includes(name),
  );
  if (query.sort && query.sort !== 'default' && !supported.sorts.includes(query.sort))
    ignored.push(`sort=${query.sort}`);
  return ignored;
}

/** The page size actually requested from a provider: never above its documented maximum. */
export function clampPageSize(requested: number, max: number): number {
  return Math.max(1, Math.min(requested, max));
}

/**
 * The image-search refinements (`region`, `keyword`) a query carries, for a provider that cannot honour them:
 * only the official platform's `imageQuery` documents them (sourcing facts §3).
 */
export function imageRefinementsIgnored(query: { region?: string; keyword?: string }): string[] {
  return (['region', 'keyword'] as const).filter((name) => query[name] !== undefined);
}
