import {
  mergeSuppliers,
  providerPositions,
  rankSuppliers,
  type SearchParams,
  type Supplier,
  type SupplierSearchResponse,
  sortRanked,
  supplierSource,
  suppliersFromProducts,
} from '@yuantou/core';
import type { FastifyBaseLogger } from 'fastify';
import type { ProviderGateway, ProviderSettings } from '../gateway/gateway-contract.js';
import { ProblemError } from '../problem.js';
import { allFailedProblem } from './all-failed.js';
import { combinedPaging, containsSampleData, fanOut } from './fan-out.js';
import { keywordQuery, selectProviders } from './search-query.js';

export interface SearchDeps {
  gateway: ProviderGateway;
  providers: ProviderSettings[];
  weights: Record<string, number>;
  log: FastifyBaseLogger;
  signal?: AbortSignal;
}

/**
 * Supplier search across providers: native supplier search where a provider has one, otherwise its product
 * search grouped by seller; then one merged, ranked list.
 */
export async function searchSuppliers(
  deps: SearchDeps,
  params: SearchParams,
): Promise<SupplierSearchResponse> {
  const selected = selectProviders(
    params.provider,
    deps.providers,
    (adapter) => supplierSource(adapter) !== 'none',
  );
  const adapters = new Map(deps.providers.map((p) => [p.id, p.adapter]));
  const query = keywordQuery(params);
  const outcomes = await fanOut<Supplier>(
    selected,
    async (provider) => {
      if (adapters.get(provider)?.searchSuppliers) {
        const result = await deps.gateway.search(provider, 'searchSuppliers', query, deps.signal);
        return { items: result.page.items, result };
      }
      const result = await deps.gateway.search(provider, 'searchProducts', query, deps.signal);
      return { items: suppliersFromProducts(result.page.items), result };
    },
    deps.log,
  );
  const statuses = outcomes.map((o) => o.status);
  if (statuses.every((s) => s.outcome === 'error')) throw new ProblemError(allFailedProblem(statuses));

  const lists = outcomes.map((o) => o.items);
  // Each provider's own order is a weak relevance prior; a seller listed by several keeps its best place.
  const ranked = rankSuppliers(mergeSuppliers(lists), {
    weights: deps.weights,
    keyword: params.q,
    positions: providerPositions(lists, (params.page - 1) * params.pageSize),
  });
  return {
    items: sortRanked(ranked, params.sort),
    page: params.page,
    pageSize: params.pageSize,
    ...combinedPaging(outcomes),
    providers: statuses,
    sampleData: containsSampleData(outcomes),
  };
}
