import { parseSupplierRef, type SupplierDetailResponse } from '@yuantou/core';
import { InputError } from '../cells/input-error.js';
import type { QueryCache } from '../cells/query-cache.js';
import type { Cell, Column, RichRow } from '../cells/rows.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { signalLine, supplierDetailCard, verdictText } from './supplier-card.js';

// What =SUPPLIER computes, without the Excel runtime: one row per supplier, so a column of member ids or shop
// links fills down. The id is checked here first (a bad one is #VALUE! naming it, without a request); identical
// ids share one QueryCache entry (one GET /v1/suppliers/:id in flight, then 10 minutes from memory), so a column
// that repeats a supplier asks once. Behind the proxy each supplier is cached a day.

/** The part of core's ProxyClient =SUPPLIER uses. */
export interface SupplierClient {
  getSupplier(id: string, options?: { signal?: AbortSignal }): Promise<SupplierDetailResponse>;
}

export interface SupplierFunctionDeps {
  client: () => SupplierClient;
  cache: QueryCache;
  /** The settings gate: awaited before a request, so none goes out with settings not yet read. */
  ready?: () => Promise<unknown>;
  /** What the host can show in cells; `null` or absent for plain values. */
  richCells?: () => RichCellCapabilities | null;
}

type Answer = SupplierDetailResponse;
const rate = (value: number | null): Cell | null => value;

/** Every `fields` name, in the order the help lists them. */
export const SUPPLIER_COLUMNS: Record<string, Column<Answer>> = {
  company: {
    header: 'company',
    format: 'text',
    value: (a) => a.supplier.companyName ?? a.supplier.shopName,
    rich: (a, capabilities) => supplierDetailCard(a, capabilities),
  },
  shopname: { header: 'shop name', format: 'text', value: (a) => a.supplier.shopName },
  memberid: { header: 'member id', format: 'text', value: (a) => a.supplier.memberId },
  loginid: { header: 'login id', format: 'text', value: (a) => a.supplier.loginId },
  verdict: { header: 'factory or trader', format: 'text', value: (a) => verdictText(a) },
  signals: {
    header: 'signals',
    format: 'text',
    value: (a) =>
      a.signals
        .filter((s) => s.kind !== 'unknown')
        .map(signalLine)
        .join('\n') || null,
  },
  location: {
    header: 'location',
    format: 'text',
    value: (a) => [a.supplier.location.province, a.supplier.location.city].filter(Boolean).join(' ') || null,
  },
  years: { header: 'years', format: 'integer', value: (a) => a.supplier.yearsOnPlatform },
  catalogue: { header: 'catalogue', format: 'integer', value: (a) => a.supplier.catalogueSize },
  creditcode: { header: 'credit code', format: 'text', value: (a) => a.supplier.registration.creditCode },
  businesstype: {
    header: 'business type',
    format: 'text',
    value: (a) => a.supplier.registration.businessType,
  },
  term: { header: 'business term', format: 'text', value: (a) => a.supplier.registration.term },
  manufacturetype: {
    header: 'manufacture type',
    format: 'text',
    value: (a) => a.supplier.capacity.manufactureType,
  },
  perfect30d: {
    header: 'perfect fulfilment 30d',
    format: 'percent',
    value: (a) => rate(a.supplier.fulfilment.perfect30d),
  },
  pickup30d: {
    header: 'pickup 24h 30d',
    format: 'percent',
    value: (a) => rate(a.supplier.fulfilment.pickup24h30d),
  },
  repurchase: { header: 'repurchase rate', format: 'percent', value: (a) => a.supplier.repurchaseRate },
  response: { header: 'response rate', format: 'percent', value: (a) => a.supplier.responseRate },
  shop: { header: 'shop', format: 'link', value: (a) => a.supplier.shopUrl },
  chat: { header: 'chat', format: 'link', value: (a) => a.supplier.chatUrl },
  check: { header: 'check registration', format: 'link', value: (a) => a.supplier.creditCheckUrl },
  providers: {
    header: 'providers',
    format: 'text',
    value: (a) =>
      a.providers
        .filter((p) => p.outcome === 'ok')
        .map((p) => p.provider)
        .join(', '),
  },
};

export const DEFAULT_SUPPLIER_FIELDS =
  'company,verdict,location,years,catalogue,creditCode,businessType,perfect30d,repurchase,shop,chat';

/** `fields` as columns: comma-separated, case-insensitive, `_`/`-`/spaces ignored; an unknown one is #VALUE! listing them. */
export function parseSupplierFields(fields: unknown): Column<Answer>[] {
  const text = typeof fields === 'string' && fields.trim() !== '' ? fields : DEFAULT_SUPPLIER_FIELDS;
  return text.split(',').map((raw) => {
    const column = SUPPLIER_COLUMNS[raw.toLowerCase().replace(/[\s_-]/g, '')];
    if (!column)
      throw new InputError(
        'fields',
        `fields: unknown "${raw.trim()}"; use ${Object.keys(SUPPLIER_COLUMNS).join(', ')}`,
      );
    return column;
  });
}

export interface SupplierFunctions {
  /** =SUPPLIER: one row (no header) for the supplier `idOrLink` names. */
  supplier(idOrLink: unknown, fields: unknown, signal?: AbortSignal): Promise<RichRow[]>;
}

export function createSupplierFunctions(deps: SupplierFunctionDeps): SupplierFunctions {
  return {
    async supplier(idOrLink, fields, signal) {
      const columns = parseSupplierFields(fields);
      const ref = parseSupplierRef(idOrLink);
      if (ref === null)
        throw new InputError(
          'id_or_link',
          'id_or_link: give a member id (b2b-…), a 1688 shop link or a login id',
        );
      const answer = await deps.cache.get(
        `supplier:${ref.kind}:${ref.value}`,
        async (loadSignal) => {
          await deps.ready?.();
          return deps.client().getSupplier(ref.value, { signal: loadSignal });
        },
        signal,
      );
      const rich = deps.richCells?.() ?? null;
      return [columns.map((c) => (rich && c.rich?.(answer, rich)) ?? c.value(answer, 1) ?? '')];
    },
  };
}
