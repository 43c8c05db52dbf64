import type { SupplierDetailResponse } from '@yuantou/core';
import { asOfColumns, DEFAULT_STALE_AFTER_DAYS, richWithAsOf, type StalePolicy } from '../cells/as-of.js';
import { type RefreshSwitch, refreshSwitch } from '../cells/freshness.js';
import { InputError } from '../cells/input-error.js';
import type { QueryCache } from '../cells/query-cache.js';
import type { Cell, Column, RichRow } from '../cells/rows.js';
import { supplierCardId } from '../cells/supplier-card-id.js';
import type { RichCellCapabilities } from '../data-types/cell-values.js';
import { signalLine, supplierDetailCard, verdictText } from './supplier-card.js';

// What =SUPPLIER computes, without the Excel runtime: one row per supplier, so a column of member ids or shop
// links fills down. The id is checked here first (a bad one is #VALUE! naming it, without a request); identical
// ids share one QueryCache entry (one GET /v1/suppliers/:id in flight, then 10 minutes from memory), so a column
// that repeats a supplier asks once. Behind the proxy each supplier is cached a day, and recalculation asks with a
// long maxAge (what was paid for is reused, whatever its age; a pane refresh asks 0).

/** The part of core's ProxyClient =SUPPLIER uses. */
export interface SupplierClient {
  getSupplier(
    id: string,
    options?: { signal?: AbortSignal; maxAge?: number },
  ): Promise<SupplierDetailResponse>;
}

export interface SupplierFunctionDeps {
  client: () => SupplierClient;
  cache: QueryCache;
  /** The settings gate: awaited before a request, so none goes out with settings not yet read. */
  ready?: () => Promise<unknown>;
  /** What the host can show in cells; `null` or absent for plain values. */
  richCells?: () => RichCellCapabilities | null;
  /** When rows say `stale` (the stale-after setting), read at each call. */
  stalePolicy?: () => StalePolicy;
  /** The pane's refresh seam (cells/freshness.ts); the add-in's one switch when absent. */
  refresh?: RefreshSwitch;
}

type Answer = SupplierDetailResponse;
const rate = (value: number | null): Cell | null => value;

/** Every `fields` name, in the order the help lists them. */
export const SUPPLIER_COLUMNS: Record<string, Column<Answer>> = {
  company: {
    header: 'company',
    description:
      "The company's registered name (else the shop name); a card with registration, badges, ratings, signals and links.",
    format: 'text',
    value: (a) => a.supplier.companyName ?? a.supplier.shopName,
    rich: (a, capabilities) => supplierDetailCard(a, capabilities),
  },
  shopname: {
    header: 'shop name',
    description: "The shop's name on 1688.",
    format: 'text',
    value: (a) => a.supplier.shopName,
  },
  memberid: {
    header: 'member id',
    description: 'The 1688 member id (b2b-…): joins with SUPPLIERS, PRODUCTS and OFFERS rows.',
    format: 'text',
    value: (a) => a.supplier.memberId,
  },
  loginid: {
    header: 'login id',
    description: "The seller's 1688 login id.",
    format: 'text',
    value: (a) => a.supplier.loginId,
  },
  verdict: {
    header: 'factory or trader',
    description: 'Factory, trader or unclear, from the signals below.',
    format: 'text',
    value: (a) => verdictText(a),
  },
  signals: {
    header: 'signals',
    description: 'Factory evidence and trader risks, one per line, each with the fact it rests on.',
    format: 'text',
    value: (a) =>
      a.signals
        .filter((s) => s.kind !== 'unknown')
        .map(signalLine)
        .join('\n') || null,
  },
  location: {
    header: 'location',
    description: 'Province and city the shop gives.',
    format: 'text',
    value: (a) => [a.supplier.location.province, a.supplier.location.city].filter(Boolean).join(' ') || null,
  },
  years: {
    header: 'years',
    description: 'Years on 1688 as a paying member (TrustPass).',
    format: 'integer',
    value: (a) => a.supplier.yearsOnPlatform,
  },
  catalogue: {
    header: 'catalogue',
    description: 'How many products the shop lists (a very broad catalogue hints at a trader).',
    format: 'integer',
    value: (a) => a.supplier.catalogueSize,
  },
  creditcode: {
    header: 'credit code',
    description: 'Unified social credit code (registration number), when a provider gives it.',
    format: 'text',
    value: (a) => a.supplier.registration.creditCode,
  },
  businesstype: {
    header: 'business type',
    description: 'Registered business type, e.g. 个体经营 (sole proprietorship).',
    format: 'text',
    value: (a) => a.supplier.registration.businessType,
  },
  term: {
    header: 'business term',
    description: 'Business term from the registration.',
    format: 'text',
    value: (a) => a.supplier.registration.term,
  },
  manufacturetype: {
    header: 'manufacture type',
    description: 'Manufacture type the seller declares (empty hints at a trader).',
    format: 'text',
    value: (a) => a.supplier.capacity.manufactureType,
  },
  perfect30d: {
    header: 'perfect fulfilment 30d',
    description: 'Share of orders fulfilled perfectly in the last 30 days.',
    format: 'percent',
    value: (a) => rate(a.supplier.fulfilment.perfect30d),
  },
  pickup30d: {
    header: 'pickup 24h 30d',
    description: 'Share of orders picked up by the carrier within 24 h, last 30 days.',
    format: 'percent',
    value: (a) => rate(a.supplier.fulfilment.pickup24h30d),
  },
  repurchase: {
    header: 'repurchase rate',
    description: 'Share of buyers who ordered again.',
    format: 'percent',
    value: (a) => a.supplier.repurchaseRate,
  },
  response: {
    header: 'response rate',
    description: 'Share of inquiries answered.',
    format: 'percent',
    value: (a) => a.supplier.responseRate,
  },
  shop: {
    header: 'shop',
    description: 'Link to the shop on 1688.',
    format: 'link',
    value: (a) => a.supplier.shopUrl,
  },
  chat: {
    header: 'chat',
    description: 'Link to chat with the seller (旺旺).',
    format: 'link',
    value: (a) => a.supplier.chatUrl,
  },
  check: {
    header: 'check registration',
    description:
      'Link to check the registration on the national enterprise credit system (never fetched by yuantou).',
    format: 'link',
    value: (a) => a.supplier.creditCheckUrl,
  },
  providers: {
    header: 'providers',
    description: 'Which providers answered.',
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
      const ref = supplierCardId(idOrLink);
      if (ref === null)
        throw new InputError(
          'id_or_link',
          'id_or_link: give a member id (b2b-…), a 1688 shop link, a login id or a supplier id from OFFER',
        );
      // Ordinary recalculation reuses what was paid for; the pane's refresh asks for fresh (cells/freshness.ts).
      const asked = (deps.refresh ?? refreshSwitch).ask(undefined);
      const answer = await deps.cache.get(
        ref.key,
        async (loadSignal) => {
          await deps.ready?.();
          return deps.client().getSupplier(ref.id, { signal: loadSignal, maxAge: asked.maxAgeSeconds });
        },
        signal,
        asked.refresh === undefined ? {} : { refresh: asked.refresh },
      );
      const rich = deps.richCells?.() ?? null;
      // Every row ends with `as of` and `stale` (cells/as-of.ts): the card's oldest provider answer.
      const policy = deps.stalePolicy?.() ?? { staleAfterDays: DEFAULT_STALE_AFTER_DAYS };
      const age = (a: Answer) => ({ fetchedAt: a.fetchedAt });
      // The company card says "as of" too (cells/as-of.ts).
      const carded = columns.map((c) => {
        const withAsOf = richWithAsOf(c.rich, age, policy);
        return withAsOf ? { ...c, rich: withAsOf } : c;
      });
      const all = [...carded, ...asOfColumns<Answer>(age, policy)];
      return [all.map((c) => (rich && c.rich?.(answer, rich)) ?? c.value(answer, 1) ?? '')];
    },
  };
}
