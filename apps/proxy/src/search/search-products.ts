import {
  type ImageSearchBody,
  type Product,
  type ProductSearchResponse,
  rankProducts,
  type SearchParams,
  type SupplierOffersParams,
  sortRanked,
} from '@yuantou/core';
import { startPhotoSearch } from '../image/photo-search.js';
import { ProblemError } from '../problem.js';
import { allFailedProblem } from './all-failed.js';
import { combinedPaging, containsSampleData, fanOut, type ProviderOutcome } from './fan-out.js';
import { type KeywordPlan, localizeProduct, planKeyword, quoteCurrency } from './localize.js';
import { imageQuery, keywordQuery, selectProviders, supports } from './search-query.js';
import type { SearchDeps } from './search-suppliers.js';

type ProductParams = SearchParams | ImageSearchBody | SupplierOffersParams;

/** The buyer's quantity: `quantity`, else `minOrder` (which also filters at the providers). */
const quantityOf = (params: ProductParams) =>
  params.quantity ?? ('minOrder' in params ? params.minOrder : undefined);

/**
 * The providers' products as one ranked answer (a keyword search, an image search, a supplier's catalogue); a
 * ProblemError when every provider failed.
 */
export function rankedProducts(
  deps: SearchDeps,
  outcomes: ProviderOutcome<Product>[],
  params: ProductParams,
  quote: Awaited<ReturnType<typeof quoteCurrency>>,
  plan?: KeywordPlan,
): ProductSearchResponse {
  const statuses = outcomes.map((o) => o.status);
  if (statuses.every((s) => s.outcome === 'error')) throw new ProblemError(allFailedProblem(statuses));
  // The keyword scores relevance (image search has none: neutral); `minOrder` is the buyer's quantity, so a
  // provider that ignored that filter still has MOQs above it flagged.
  const ranked = rankProducts(
    outcomes.flatMap((o) => o.items),
    {
      weights: deps.weights,
      ...('q' in params ? { keyword: params.q } : {}),
      ...(plan?.translation ? { searchedAs: plan.translation.searchedAs } : {}),
      ...(quantityOf(params) === undefined ? {} : { quantity: quantityOf(params) }),
    },
  );
  return {
    items: sortRanked(ranked, params.sort).map((p) =>
      localizeProduct(p, quote, params.language, params.quantity),
    ),
    page: params.page,
    pageSize: params.pageSize,
    ...combinedPaging(outcomes),
    providers: statuses,
    sampleData: containsSampleData(outcomes),
    searchedAs: plan?.translation?.searchedAs,
    translation: plan?.translation,
    currency: quote,
  };
}

export async function searchProducts(deps: SearchDeps, params: SearchParams): Promise<ProductSearchResponse> {
  const selected = selectProviders(params.provider, deps.providers, supports('searchProducts'));
  // The rate first: an unknown currency is a 400 before any provider is paid.
  const quote = await quoteCurrency(deps.fx, params.currency, deps.signal);
  const plan = await planKeyword(deps.translator, params.q, selected, deps.signal);
  const outcomes = await fanOut<Product>(
    selected,
    async (provider) => {
      const query = keywordQuery({ ...params, q: plan.keywordFor(provider) });
      const result = await deps.gateway.search(provider, 'searchProducts', query, deps.signal, {
        maxAgeSeconds: params.maxAge,
      });
      return { items: result.page.items, result };
    },
    deps.log,
  );
  return rankedProducts(deps, outcomes, params, quote, plan);
}

export async function searchProductsByImage(
  deps: SearchDeps,
  body: ImageSearchBody,
): Promise<ProductSearchResponse> {
  const selected = selectProviders(body.provider, deps.providers, supports('searchProductsByImage'));
  // The photo first: a bad image is a 400 before any rate or provider is asked.
  const photo = await startPhotoSearch(body, imageQuery(body), selected, { signal: deps.signal });
  const quote = await quoteCurrency(deps.fx, body.currency, deps.signal);
  const outcomes = await fanOut<Product>(
    selected,
    async (provider) => {
      const query = await photo.queryFor(provider);
      const result = await deps.gateway.search(provider, 'searchProductsByImage', query, deps.signal, {
        maxAgeSeconds: body.maxAge,
      });
      await photo.sawPage(provider, result.page);
      return { items: result.page.items, result };
    },
    deps.log,
  );
  const answer = rankedProducts(deps, outcomes, body, quote);
  const regions = photo.regions();
  const notes = photo.notes(selected);
  return { ...answer, ...regions, ...(notes ? { notes } : {}) };
}
