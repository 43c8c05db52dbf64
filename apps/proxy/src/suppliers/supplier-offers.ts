import {
  type Product,
  type ProductSearchResponse,
  parseSupplierRef,
  type SupplierOffersParams,
  type SupplierOffersQuery,
} from '@yuantou/core';
import { ProblemError, problem } from '../problem.js';
import { fanOut } from '../search/fan-out.js';
import { quoteCurrency } from '../search/localize.js';
import { rankedProducts } from '../search/search-products.js';
import { selectProviders } from '../search/search-query.js';
import type { SearchDeps } from '../search/search-suppliers.js';
import { lookupSupplier, type SupplierLookupDeps } from './lookup-supplier.js';

// `GET /v1/suppliers/:id/offers`: one page of a supplier's own catalogue, from every enabled provider that lists
// one (TMAPI's `shop/items`; the demo), each page through the gateway (cached as long as a product search,
// single-flighted, budgeted), ranked like `GET /v1/products` (no keyword: relevance is neutral). The providers list a
// catalogue by member id only, so a shop link or a login id is first turned into one by the supplier card
// (`GET /v1/suppliers/:id`, cached a day: a card already looked up costs nothing more).

const idProblem = (detail: string) =>
  new ProblemError(problem(400, detail, { kind: 'validation', field: 'id' }));

async function memberIdOf(lookup: SupplierLookupDeps, id: string): Promise<string> {
  const ref = parseSupplierRef(id);
  if (ref === null)
    throw idProblem(
      'id: give a member id (b2b-…), a 1688 shop link (https://shopNNN.1688.com) or a login id',
    );
  if (ref.kind === 'memberId') return ref.value;
  const card = await lookupSupplier(lookup, id);
  if (card.supplier.memberId === null)
    throw new ProblemError(
      problem(404, `no provider gave the member id of ${ref.value}, which a catalogue is listed by`, {
        kind: 'not_found',
      }),
    );
  return card.supplier.memberId;
}

/** The supplier's catalogue page, ranked; throws ProblemError (400 naming `id` or `provider`, 404, all failed). */
export async function supplierOffers(
  deps: SearchDeps,
  lookup: SupplierLookupDeps,
  id: string,
  params: SupplierOffersParams,
): Promise<ProductSearchResponse> {
  const lists = (adapter: { searchSupplierOffers?: unknown }) => adapter.searchSupplierOffers !== undefined;
  if (params.provider === undefined && !deps.providers.some((p) => lists(p.adapter)))
    throw new ProblemError(
      problem(400, "no enabled provider lists a supplier's catalogue (TMAPI's shop/items does)", {
        kind: 'validation',
        field: 'provider',
      }),
    );
  const selected = selectProviders(params.provider, deps.providers, lists);
  const memberId = await memberIdOf(lookup, id);
  // The rate before any catalogue is paid: an unknown currency is a 400 at no cost.
  const quote = await quoteCurrency(deps.fx, params.currency, deps.signal);
  const query: SupplierOffersQuery = {
    memberId,
    page: params.page,
    pageSize: params.pageSize,
    // `score` is our ranking; providers are asked for their own order and the merged list is ranked.
    sort: params.sort === 'score' ? 'default' : params.sort,
    ...(params.language ? { language: params.language } : {}),
  };
  const outcomes = await fanOut<Product>(
    selected,
    async (provider) => {
      const result = await deps.gateway.supplierOffers(provider, query, deps.signal, {
        maxAgeSeconds: params.maxAge,
      });
      return { items: result.page.items, result };
    },
    deps.log,
  );
  return rankedProducts(deps, outcomes, params, quote);
}
