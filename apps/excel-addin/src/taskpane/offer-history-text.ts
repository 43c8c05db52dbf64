import type { OfferSnapshot } from '@yuantou/core';
import {
  previousSnapshot,
  type SnapshotChanges,
  snapshotChanges,
  unchanged,
  type ValueChange,
} from '../cells/snapshot-changes.js';

// The Links view's "what changed since the last fetch" in words (issue 22): each change a sentence a buyer reads
// without a table — "lowest price ¥12.50 → ¥11.80 (−5.6 %)", "2 variants added: …" — or "no change since …" /
// "first fetch — no history yet". Pure, so the sentences are tested without a DOM; the comparison is
// cells/snapshot-changes.ts, the same one =OFFERS' `changes` columns use.

/** SKU ids named per sentence; the rest are counted. */
export const MAX_NAMED_SKUS = 5;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2026-12-03T14:05:00Z` → `3 Dec 2026 14:05 UTC`: in UTC, said so, as the proxy's own stale reasons are ("values
 * as of 3 Dec 14:05 UTC"), so a date reads the same on every machine that shares the workbook.
 */
export function historyDate(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const hh = String(at.getUTCHours()).padStart(2, '0');
  const mm = String(at.getUTCMinutes()).padStart(2, '0');
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${hh}:${mm} UTC`;
}

/** `¥12.50`, or `—` for a price the fetch did not have. */
export const yuan = (n: number | null) => (n === null ? '—' : `¥${n.toFixed(2)}`);

/** `−5.6 %` / `+6.7 %` (a real minus sign); null when there is no base to compare with. */
function percent(change: ValueChange): string | null {
  if (change.change === null || !change.before) return null;
  const p = (change.change / change.before) * 100;
  return `${p < 0 ? '−' : '+'}${Math.abs(p).toFixed(1)} %`;
}

const signed = (n: number) => `${n < 0 ? '−' : '+'}${Math.abs(n)}`;

function priceSentence(label: string, change: ValueChange): string {
  const pct = percent(change);
  return `${label} ${yuan(change.before)} → ${yuan(change.now)}${pct ? ` (${pct})` : ''}`;
}

function countSentence(label: string, change: ValueChange): string {
  const show = (n: number | null) => (n === null ? 'unknown' : String(n));
  const diff = change.change === null ? '' : ` (${signed(change.change)})`;
  return `${label} ${show(change.before)} → ${show(change.now)}${diff}`;
}

function skuSentence(ids: readonly string[], what: 'added' | 'removed'): string {
  const named = ids.slice(0, MAX_NAMED_SKUS).join(', ');
  const more = ids.length > MAX_NAMED_SKUS ? ` and ${ids.length - MAX_NAMED_SKUS} more` : '';
  return `${ids.length} variant${ids.length === 1 ? '' : 's'} ${what}: ${named}${more}`;
}

/** One sentence per change, price first, then stock, MOQ and the variants added and removed. */
export function changeSentences(changes: SnapshotChanges): string[] {
  const at = changes.priceAtQuantity;
  return [
    at ? priceSentence(`price at ${at.quantity} pcs`, at) : null,
    changes.priceMin ? priceSentence('lowest price', changes.priceMin) : null,
    changes.priceMax ? priceSentence('highest price', changes.priceMax) : null,
    changes.stock ? countSentence('stock', changes.stock) : null,
    changes.moq ? countSentence('MOQ', changes.moq) : null,
    changes.skusAdded.length > 0 ? skuSentence(changes.skusAdded, 'added') : null,
    changes.skusRemoved.length > 0 ? skuSentence(changes.skusRemoved, 'removed') : null,
  ].filter((s): s is string => s !== null);
}

/** What the Links view says about one offer's history: a heading line and the changes under it. */
export interface ChangeSummary {
  /** `Changed since 3 Dec 2026 14:05 UTC:`, `No change since …`, `First fetch — no history yet.` */
  headline: string;
  lines: string[];
}

/**
 * The offer shown (`now`, as the proxy snapshots it) against the snapshot of the fetch before it in `snapshots`
 * (newest first, as GET /v1/offers/:ref/history answers); `quantity` compares the price at that many pieces.
 */
export function changeSummary(
  now: OfferSnapshot,
  snapshots: readonly OfferSnapshot[],
  quantity?: number,
): ChangeSummary {
  const before = previousSnapshot(snapshots, now.fetchedAt);
  if (!before) return { headline: 'First fetch — no history yet.', lines: [] };
  const changes = snapshotChanges(now, before, quantity);
  const since = historyDate(changes.since);
  if (unchanged(changes)) return { headline: `No change since ${since}.`, lines: [] };
  return { headline: `Changed since ${since}:`, lines: changeSentences(changes) };
}
