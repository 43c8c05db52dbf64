import { ChinaFreightQuery } from '../models/china-freight.js';
import { ProviderError } from '../models/provider-error.js';
import type { ProviderId } from '../models/provider-id.js';
import type { FreightOperation, FreightOperationParts, ProviderParams } from './provider-contract.js';

// The interface lives in the contract (which every adapter's type reads); this module only builds it, so the
// import runs one way.
export type { FreightOperation, FreightOperationParts } from './provider-contract.js';

// The China-leg freight estimate (issue 24): TMAPI `GET /1688/item/shipping`, the official
// `product.freight.estimate`, DajiSaaS `freightEstimate`, Onebound `item_fee`, and demo's labelled sample. The
// same pure split as every operation — `map` (cache and single-flight key), `sign`, `parseResponse` — so the
// proxy sends it through the same gateway as a search: cached, coalesced, rate-limited and budgeted.

/** A freight operation from its parts; `buildRequest` validates the query (plain JavaScript callers) first. */
export function defineFreightOperation<Credentials, Params extends ProviderParams>(
  provider: ProviderId,
  parts: FreightOperationParts<Credentials, Params>,
): FreightOperation<Credentials, Params> {
  return {
    ...parts,
    buildRequest(query, credentials, ctx) {
      const parsed = ChinaFreightQuery.safeParse(query);
      if (!parsed.success) {
        const fields = parsed.error.issues
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        throw new ProviderError({
          provider,
          kind: 'bad_request',
          message: `${provider} estimateFreight query: ${fields}`,
        });
      }
      const { params, ignored } = parts.map(parsed.data);
      return { ...parts.sign(params, credentials, ctx), ignored };
    },
  };
}

/** The query fields a provider cannot send, for `ignored`. */
export function unsentFreightFields(
  query: ChinaFreightQuery,
  sent: ReadonlyArray<keyof ChinaFreightQuery>,
): string[] {
  const all: Array<keyof ChinaFreightQuery> = ['skuId', 'totalWeightKg'];
  return all.filter((field) => query[field] !== undefined && !sent.includes(field));
}

/** Money as providers write it (`"12.00"`, `12`, fen never): a non-negative yuan amount, or `null`. */
export function yuan(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** An answer that parsed but carries no fee: `invalid_response`, never a silent 0. */
export function noFee(provider: ProviderId, status: number, what: string): ProviderError {
  return new ProviderError({
    provider,
    kind: 'invalid_response',
    status,
    message: `${provider} answered a freight estimate without ${what}`,
  });
}
