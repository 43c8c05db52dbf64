import type { Page } from '../../models/page.js';
import type { Product } from '../../models/product.js';
import type { SupplierOffersQuery } from '../../models/query.js';
import { clampPageSize } from '../ignored-fields.js';
import type { MappedQuery, ProviderResponse } from '../provider-contract.js';
import type { QueryParams } from '../provider-params.js';
import { toTmapiProduct } from './tmapi-item.js';
import { readTmapiPage } from './tmapi-page.js';

// A supplier's own catalogue: `GET /1688/shop/items` (https://tmapi.top/docs/ali/shop/get-shop-items.md) takes
// `member_id` (required), `page`, `page_size`, `sort` and answers `total_count` and `items[…]`, the items in the
// search items' format (sourcing facts §2). The values `sort` takes are not documented, so no sort is sent and a
// sort asked for is reported as ignored; the titles come in the shop's language (no `language` parameter).

/** The largest page `shop/items` is asked for: the search items' documented maximum (providers.md: 20). */
export const TMAPI_SHOP_ITEMS_MAX_PAGE_SIZE = 20;

/** The `shop/items` parameters of one catalogue page; `sort` and `language` are reported, never sent. */
export function tmapiShopItemsParams(query: SupplierOffersQuery): MappedQuery<QueryParams> {
  return {
    params: {
      member_id: query.memberId,
      page: query.page,
      page_size: clampPageSize(query.pageSize, TMAPI_SHOP_ITEMS_MAX_PAGE_SIZE),
    },
    ignored: [
      ...(query.sort !== 'default' ? [`sort=${query.sort}`] : []),
      ...(query.language !== undefined && query.language !== 'zh' ? ['language'] : []),
    ],
  };
}

/**
 * A `shop/items` page as products. They are all the shop's own, so each gets the seller the parameters name (the
 * member id asked for, so the list joins with SUPPLIER rows) unless its own `shop_info` names that same seller.
 */
export function parseTmapiShopItems(response: ProviderResponse, params?: object): Page<Product> {
  const page = readTmapiPage(response, toTmapiProduct);
  const memberId = (params as QueryParams | undefined)?.member_id;
  if (typeof memberId !== 'string') return page;
  return {
    ...page,
    items: page.items.map((p) =>
      p.supplier?.id === memberId
        ? p
        : { ...p, supplier: { provider: 'tmapi' as const, id: memberId, name: null } },
    ),
  };
}
