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
import type { CurrencyConverter } from '../fx/currency-converter.js';
import type { ProviderGateway, ProviderSettings } from '../gateway/gateway-contract.js';
import type { KeywordTranslator } from '../language/keyword-translator.js';
import { ProblemError, problem } from '../problem.js';
import { allFailedProblem } from './all-failed.js';
import { cachedSupplierDetails } from './cached-details.js';
import { combinedPaging, containsSampleData, fanOut } from './fan-out.js';
import { localizeSupplier, planKeyword, quoteCurrency } from './localize.js';
import { keywordQuery, selectProviders } from './search-query.js';

export interface SearchDeps {
  gateway: ProviderGateway;
  providers: ProviderSettings[];
  weights: Record<string, number>;
  translator: KeywordTranslator;
  fx: CurrencyConverter;
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
  if (params.quantity !== undefined) {
    // Suppliers have no price ladder to price at a quantity: refuse rather than silently ignore it.
    throw new ProblemError(
      problem(
        400,
        'quantity applies to product searches (GET /v1/products); use minOrder to filter suppliers by MOQ',
        {
          field: 'quantity',
          kind: 'validation',
        },
      ),
    );
  }
  const selected = selectProviders(
    params.provider,
    deps.providers,
    (adapter) => supplierSource(adapter) !== 'none',
  );
  const adapters = new Map(deps.providers.map((p) => [p.id, p.adapter]));
  // The rate first: an unknown currency is a 400 before any provider is paid.
  const quote = await quoteCurrency(deps.fx, params.currency, deps.signal);
  const plan = await planKeyword(deps.translator, params.q, selected, deps.signal);
  const outcomes = await fanOut<Supplier>(
    selected,
    async (provider) => {
      const query = keywordQuery({ ...params, q: plan.keywordFor(provider) });
      if (adapters.get(provider)?.searchSuppliers) {
        const result = await deps.gateway.search(provider, 'searchSuppliers', query, deps.signal, {
          maxAgeSeconds: params.maxAge,
        });
        return { items: result.page.items, result };
      }
      const result = await deps.gateway.search(provider, 'searchProducts', query, deps.signal, {
        maxAgeSeconds: params.maxAge,
      });
      return { items: suppliersFromProducts(result.page.items), result };
    },
    deps.log,
  );
  const statuses = outcomes.map((o) => o.status);
  if (statuses.every((s) => s.outcome === 'error')) throw new ProblemError(allFailedProblem(statuses));

  const lists = outcomes.map((o) => o.items);
  const merged = mergeSuppliers(lists);
  // The cards already looked up (cache only, free) decide factory or trader where they are clear.
  const details = await cachedSupplierDetails(deps.gateway, deps.providers, merged);
  // Each provider's own order is a weak relevance prior; a seller listed by several keeps its best place.
  const ranked = rankSuppliers(merged, {
    details,
    weights: deps.weights,
    keyword: params.q,
    ...(plan.translation ? { searchedAs: plan.translation.searchedAs } : {}),
    positions: providerPositions(lists, (params.page - 1) * params.pageSize),
  });
  return {
    items: sortRanked(ranked, params.sort).map((s) => localizeSupplier(s, quote, params.language)),
    page: params.page,
    pageSize: params.pageSize,
    ...combinedPaging(outcomes),
    providers: statuses,
    sampleData: containsSampleData(outcomes),
    searchedAs: plan.translation?.searchedAs,
    translation: plan.translation,
    currency: quote,
  };
}
