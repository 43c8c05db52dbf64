import type {
  AnyProviderAdapter,
  ImageQuery,
  ImageSearchBody,
  OperationName,
  ProductQuery,
  ProviderId,
  SearchParams,
  Sort,
} from '@yuantou/core';
import type { ProviderSettings } from '../gateway/gateway-contract.js';
import { ProblemError, problem } from '../problem.js';

type Filters = Omit<SearchParams, 'q' | 'provider' | 'sort'> & { sort: SearchParams['sort'] };

/** Drops undefined fields so equal searches give equal cache keys upstream. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function providerFilters(params: Filters) {
  return defined({
    page: params.page,
    pageSize: params.pageSize,
    // `score` is our ranking; providers are asked for their default order and we rank the merged list.
    sort: (params.sort === 'score' ? 'default' : params.sort) as Sort,
    priceMin: params.priceMin,
    priceMax: params.priceMax,
    minOrder: params.minOrder,
    factoryOnly: params.factoryOnly,
    province: params.province,
    city: params.city,
    language: params.language,
  });
}

export function keywordQuery(params: SearchParams): ProductQuery {
  return { keyword: params.q, ...providerFilters(params) };
}

export function imageQuery(body: ImageSearchBody): ImageQuery {
  return defined({
    imageUrl: body.imageUrl,
    imageBase64: body.imageBase64,
    region: body.region,
    keyword: body.keyword,
    ...providerFilters(body),
  });
}

/**
 * The providers a search goes to: those asked for, else every enabled one that can serve the operation.
 * Naming a provider that is known but not configured, or that cannot serve the operation, is a caller error.
 */
export function selectProviders(
  requested: ProviderId[] | undefined,
  enabled: ProviderSettings[],
  canServe: (adapter: AnyProviderAdapter) => boolean,
): ProviderId[] {
  const byId = new Map(enabled.map((p) => [p.id, p.adapter]));
  if (requested === undefined) {
    const all = enabled.filter((p) => canServe(p.adapter)).map((p) => p.id);
    if (all.length === 0) throw providerProblem('no enabled provider can serve this search');
    return all;
  }
  const notEnabled = requested.filter((id) => !byId.has(id));
  if (notEnabled.length > 0) {
    throw providerProblem(
      `provider ${notEnabled.join(', ')} is not enabled (no credentials configured); enabled: ${[...byId.keys()].join(', ')}`,
    );
  }
  const unable = requested.filter((id) => !canServe(byId.get(id)!));
  if (unable.length > 0) {
    throw providerProblem(`provider ${unable.join(', ')} cannot serve this search`);
  }
  return requested;
}

export const supports = (operation: OperationName) => (adapter: AnyProviderAdapter) =>
  adapter[operation] !== undefined;

function providerProblem(detail: string): ProblemError {
  return new ProblemError(problem(400, detail, { field: 'provider', kind: 'validation' }));
}
