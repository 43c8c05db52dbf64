// "Refresh requested for these cells": the seam between the pane's Refresh buttons and the functions' freshness
// (issue 22). Ordinary recalculation must reuse whatever was already paid for; only a deliberate refresh asks
// the proxy for fresh data (`maxAge=0`).
//
// Why the pane has to say which cells: "Non-volatile custom functions are not recalculated when a workbook
// opens or on F9; the saved values stay in the file. They are re-run on structural edits (inserting rows,
// filling, sorting), on Ctrl+Alt+F9 and when Excel on the web reloads" — so a function cannot tell a
// deliberate refresh from a sort by how it was called. "An add-in refreshes on purpose with `range.calculate()`"
// — so the pane records the cells first, then calculates exactly those.
//
// Why in memory: the functions and the pane share one runtime (manifest `<Runtime lifetime="long">`,
// app/shared-runtime.ts: "shared runtime = one page, one module graph"), so this module is the same object on
// both sides; nothing has to be written to storage or the workbook (and nothing should be: a request is for
// this run only).
//
// How the function side wires it (issue 22's freshness work, not done here):
//   1. declare `@requiresAddress` on each yuantou function (CustomFunctions.Invocation.address, the
//      formula's cell, e.g. `Sheet1!B2`; its exact spelling is unverified in real Excel, so `cellKey` accepts
//      quoted sheet names, `$` anchors and any case),
//   2. at the start of an evaluation call `takeFreshRequest(invocation.address)`; when it returns true, send
//      `maxAge: 0` to the proxy AND bypass the add-in's own QueryCache for this call (else a result cached in
//      memory answers without asking);
//   3. otherwise send the long everyday maxAge.
// A request is taken once (a second evaluation of the same cell in this refresh reuses what was just paid
// for) and expires after REQUEST_TTL_MS (a cell deleted before it recalculated must not make a later, ordinary
// recalculation pay). The pane ends its refresh with `endRefresh`, which drops whatever was not taken.

/** How long a recorded request waits for its cell to be evaluated. */
export const REQUEST_TTL_MS = 10 * 60_000;

interface Pending {
  generation: number;
  expiresAt: number;
}

const pending = new Map<string, Pending>();
let generation = 0;

/**
 * The one spelling of a cell address both sides compare: `'Link pricing'!$B$6` (Range.address) and
 * `Link pricing!B6` (what an invocation may give) → `LINK PRICING!B6`. Sheet names are case-insensitive in Excel.
 */
export function cellKey(address: string): string {
  const bang = address.lastIndexOf('!');
  const sheet =
    bang === -1
      ? ''
      : address
          .slice(0, bang)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
  const cell = address
    .slice(bang + 1)
    .replace(/\$/g, '')
    .split(':')[0]!;
  return `${sheet}!${cell}`.toUpperCase();
}

/**
 * Records that the next evaluation of each of these formula cells should ask for fresh data. Returns the
 * refresh's generation (for `endRefresh`). Addresses are single cells, sheet-qualified.
 */
export function requestRefresh(addresses: Iterable<string>, now = Date.now()): number {
  generation += 1;
  for (const address of addresses) {
    pending.set(cellKey(address), { generation, expiresAt: now + REQUEST_TTL_MS });
  }
  return generation;
}

/**
 * True (once) when the pane asked for fresh data for the formula in this cell and the request has not
 * expired: the caller then sends `maxAge: 0`. An unknown or missing address is never fresh.
 */
export function takeFreshRequest(address: string | undefined, now = Date.now()): boolean {
  if (!address) return false;
  const key = cellKey(address);
  const request = pending.get(key);
  if (!request) return false;
  pending.delete(key);
  return request.expiresAt > now;
}

/** Drops the requests of this refresh that no evaluation took (the refresh is over). */
export function endRefresh(ofGeneration: number): void {
  for (const [key, request] of pending) if (request.generation === ofGeneration) pending.delete(key);
}

/** How many cells still wait for a fresh evaluation (for tests and the pane's progress). */
export function pendingRefreshCount(now = Date.now()): number {
  let count = 0;
  for (const request of pending.values()) if (request.expiresAt > now) count += 1;
  return count;
}
