import { cycle, offerIdFor, type PageSlice } from './fake-data.js';

// The `product.search.keywordQuery` family's offers (official 1688, DajiSaaS, PandaPon), made from the adapter
// tests' own recorded or built fixture items: re-numbered per result, the keyword echoed in front of the subject.

type Offer = Record<string, unknown>;

/** Result `index` from the fixture's offers: a fresh `offerId` (when the provider sends one), keyword in front. */
export function offerFrom(templates: readonly Offer[], index: number, keyword: string | undefined): Offer {
  const template = cycle(templates, index);
  const subject = String(template.subject ?? '');
  return {
    ...template,
    ...('offerId' in template ? { offerId: Number(offerIdFor(index)) } : {}),
    ...('offerMapId' in template
      ? { offerMapId: `${String(template.offerMapId).slice(0, 16)}${offerIdFor(index).slice(-6)}` }
      : {}),
    subject: keyword ? `${keyword} ${subject}` : subject,
  };
}

/** The `{totalRecords, totalPage, pageSize, currentPage, data}` page every keywordQuery-family API returns. */
export function offerPage<T>(slice: PageSlice, make: (index: number) => T) {
  return {
    totalRecords: slice.total,
    totalPage: slice.totalPages,
    pageSize: slice.pageSize,
    currentPage: slice.page,
    data: slice.indexes.map(make),
  };
}
