import {
  emptySupplier,
  type ImageSearchBodyInput,
  type ProductSearchResponse,
  type RankedProduct,
  type RankedSupplier,
  type SearchParamsInput,
  type SupplierSearchResponse,
} from '@yuantou/core';
import type { SearchClient } from '../search-functions.js';

// A stand-in for the proxy client that computes its answer from the request (one supplier per requested
// row, named after the keyword), records every request, and honours abort signals like fetch does.

export interface RecordedRequest {
  operation: 'searchSuppliers' | 'searchProducts' | 'searchProductsByImage';
  params: SearchParamsInput | ImageSearchBodyInput;
  signal: AbortSignal | undefined;
}

function supplier(keyword: string, i: number): RankedSupplier {
  return {
    ...emptySupplier('demo', `demo:${keyword}-${i}`),
    name: `${keyword} ${i}`,
    url: `https://example.1688.com/${i}`,
    isFactory: i % 2 === 1,
    yearsOnPlatform: i,
    sources: ['demo'],
    score: 100 - i,
    breakdown: [],
    flags: [],
  };
}

function product(keyword: string, i: number): RankedProduct {
  return {
    provider: 'demo',
    id: `${keyword}-${i}`,
    title: `${keyword} product ${i}`,
    titleTranslated: null,
    url: null,
    // Every other product has a picture, as on 1688 (protocol-relative, as the providers send them).
    imageUrl: i % 2 === 0 ? `//cbu01.alicdn.com/img/ibank/${i}.jpg` : null,
    price: i,
    priceMax: null,
    moq: null,
    monthSold: null,
    repurchaseRate: null,
    isAd: false,
    supplier: null,
    score: 100 - i,
    breakdown: [],
    flags: [],
  };
}

const page = <T>(items: T[]) => ({
  items,
  page: 1,
  pageSize: items.length || 1,
  total: items.length,
  hasNext: false,
  providers: [],
  sampleData: true,
});

export class FakeProxyClient implements SearchClient {
  readonly requests: RecordedRequest[] = [];
  /** Set to make every call fail with this error. */
  failWith: unknown;
  /** How many items a search finds at most (0 = nothing found). */
  found = 50;
  /** Calls wait for this before answering, so tests can hold requests in flight. */
  gate: Promise<void> = Promise.resolve();

  async #answer<T>(
    operation: RecordedRequest['operation'],
    params: RecordedRequest['params'],
    signal: AbortSignal | undefined,
    make: () => T,
  ): Promise<T> {
    this.requests.push({ operation, params, signal });
    await Promise.race([
      this.gate,
      new Promise((_, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
      ),
    ]);
    if (this.failWith) throw this.failWith;
    return make();
  }

  #count(params: { pageSize?: unknown }) {
    return Math.min(this.found, Number(params.pageSize ?? 20));
  }

  searchSuppliers(
    params: SearchParamsInput,
    opts?: { signal?: AbortSignal },
  ): Promise<SupplierSearchResponse> {
    return this.#answer('searchSuppliers', params, opts?.signal, () =>
      page(Array.from({ length: this.#count(params) }, (_, i) => supplier(params.q, i + 1))),
    );
  }

  searchProducts(params: SearchParamsInput, opts?: { signal?: AbortSignal }): Promise<ProductSearchResponse> {
    return this.#answer('searchProducts', params, opts?.signal, () =>
      page(Array.from({ length: this.#count(params) }, (_, i) => product(params.q, i + 1))),
    );
  }

  searchProductsByImage(
    body: ImageSearchBodyInput,
    opts?: { signal?: AbortSignal },
  ): Promise<ProductSearchResponse> {
    return this.#answer('searchProductsByImage', body, opts?.signal, () =>
      page(Array.from({ length: this.#count(body) }, (_, i) => product('image', i + 1))),
    );
  }
}
