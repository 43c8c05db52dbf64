import type { SupplierDetail } from '../models/supplier-detail.js';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeValue(values: unknown[]): unknown {
  const known = values.filter((v) => v !== null && v !== undefined);
  if (known.length === 0) return values[0] ?? null;
  if (isPlain(known[0])) {
    const keys = new Set(known.flatMap((v) => Object.keys(v as Plain)));
    return Object.fromEntries([...keys].map((k) => [k, mergeValue(known.map((v) => (v as Plain)[k]))]));
  }
  if (Array.isArray(known[0])) return known.find((v) => (v as unknown[]).length > 0) ?? known[0];
  return known[0];
}

/**
 * One supplier's details from several providers as one: per field, the first provider's known value (earlier
 * details win conflicts, as in `mergeSuppliers`); lists come whole from the first provider that has any.
 * `provider` is the first detail's. Throws `RangeError` on an empty list.
 */
export function mergeSupplierDetails(details: readonly SupplierDetail[]): SupplierDetail {
  if (details.length === 0) throw new RangeError('mergeSupplierDetails needs at least one detail');
  return mergeValue([...details]) as SupplierDetail;
}
