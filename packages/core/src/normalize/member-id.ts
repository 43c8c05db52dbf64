import type { ProviderId } from '../models/provider-id.js';
import { toText } from './values.js';

/**
 * The 1688 member id (`b2b-…`) among a seller's id fields — the key that merges the same seller across
 * providers (providers.md, "Shared facts") — else the first id present as `<provider>:<id>`, else `null`.
 */
export function sellerIdFrom(provider: ProviderId, ...candidates: unknown[]): string | null {
  const ids = candidates.map(toText).filter((id): id is string => id !== null);
  const memberId = ids.find((id) => id.startsWith('b2b-') && id.length > 4);
  return memberId ?? (ids[0] ? `${provider}:${ids[0]}` : null);
}
