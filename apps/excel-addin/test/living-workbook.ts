import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@yuantou/core';
import { type AddinRuntime, createAddinRuntime } from '../src/app/addin-runtime.js';
import { refreshSwitch } from '../src/cells/freshness.js';
import { memoryStore } from '../src/runtime/settings-store.js';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';

// "No paid call unless the buyer asks" (issue 22), driven the way Excel drives the add-in, against the real proxy
// in demo mode (its store keeps what was paid for). Shared by test/freshness-proxy.integration.test.ts, the
// living-workbook scenario test and `pnpm bench` (bench/living-workbook-bench.ts): the short-TTL proxy config, a
// workbook session, waiting for the TTLs to pass, demo links, and the OFFERS-sheet scenario itself.

/** Written into the proxy's yuantou.config.json: every cache lasts `ttlSeconds`, nothing is served stale. */
export function shortCacheConfig(ttlSeconds: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yuantou-freshness-'));
  const file = path.join(dir, 'yuantou.config.json');
  const cache = {
    supplierTtlSeconds: ttlSeconds,
    productTtlSeconds: ttlSeconds,
    offerTtlSeconds: ttlSeconds,
    staleSeconds: 0,
    responseTtlSeconds: 0,
  };
  writeFileSync(file, JSON.stringify({ cache }));
  return file;
}

/** Waits until caches of `ttlSeconds` have expired (with a margin for the proxy's clock checks). */
export const expire = (ttlSeconds: number) =>
  new Promise((resolve) => setTimeout(resolve, ttlSeconds * 1000 + 300));

/**
 * A new workbook session: a fresh add-in runtime (empty memory: Excel on the web reloading, a reopened file),
 * pointed at the proxy. `cacheTtlMs` shortens the add-in's own memory (default 10 min) for scenarios that
 * recalculate in the same session after every cache has expired.
 */
export async function session(proxy: DemoProxy, options: { cacheTtlMs?: number } = {}) {
  const runtime = createAddinRuntime({ store: memoryStore(), settingsWaitMs: 1000, ...options });
  await runtime.update({ proxyUrl: proxy.url, token: '' });
  return runtime;
}

/** `count` distinct demo offer ids, found the way a buyer would: from product searches. */
export async function demoOfferIds(proxy: DemoProxy, count: number): Promise<string[]> {
  const client = createClient({ baseUrl: proxy.url });
  const ids = new Set<string>();
  for (const q of ['玩具', 'T恤', '丝绸', '连衣裙', '手机壳', '包装', '毛绒', '礼盒', '杯子', '鞋']) {
    const { items } = await client.searchProducts({ q, pageSize: 100 });
    for (const item of items) ids.add(item.id);
    if (ids.size >= count) break;
  }
  if (ids.size < count) throw new Error(`the demo catalogue gave only ${ids.size} offers`);
  return [...ids].slice(0, count);
}

/** One row of the scenario: what one recalculation cost, and what it must cost. */
export interface LivingWorkbookStep {
  step: string;
  /** `POST /v1/offers` and `GET /v1/offers/…` requests the proxy received. */
  proxyRequests: number;
  /** Calls the proxy paid its providers for (its own `yuantou_upstream_requests_total`, every operation). */
  upstreamCalls: number;
  /** What `upstreamCalls` must be: 0, or the distinct offers (first fill, Refresh sheet). */
  expected: number;
  /** Rows of the spill with an offer in them (header and blank rows excluded). */
  filledRows: number;
  ms: number;
}

export interface LivingWorkbookResult {
  links: number;
  distinctOffers: number;
  ttlSeconds: number;
  steps: LivingWorkbookStep[];
}

/**
 * The issue-22 benchmark: an =OFFERS sheet over `links` 1688 links (every fifth repeats an earlier offer with
 * another tracking parameter, as pasted links do: `links × 4/5` distinct offers). First fill; then, each time
 * after every cache TTL (the proxy's and the add-in's memory, both `ttlSeconds`) has expired: a row inserted in
 * the links range (the same session recalculates the formula, now with a blank row), the rows sorted (same
 * offers, new order), the workbook reopened (a new session: empty add-in memory, same proxy and store); then one
 * Refresh sheet through the pane's seam (`refreshSwitch`, cells/freshness.ts), then an ordinary recalculation.
 * Counted at the proxy, never on a mock.
 */
export async function runLivingWorkbook(options: {
  links: number;
  ttlSeconds?: number;
  env?: Record<string, string>;
}): Promise<LivingWorkbookResult> {
  const ttlSeconds = options.ttlSeconds ?? 1;
  const cacheTtlMs = ttlSeconds * 1000;
  const proxy = await startDemoProxy({
    env: { YUANTOU_CONFIG: shortCacheConfig(ttlSeconds), ...options.env },
  });
  try {
    const distinct = await demoOfferIds(proxy, Math.ceil((options.links * 4) / 5));
    const column = Array.from({ length: options.links }, (_, i) => {
      const used = i - Math.floor(i / 5);
      const id = i % 5 === 4 ? distinct[(i * 7) % used]! : distinct[used]!;
      return `https://detail.1688.com/offer/${id}.html?spm=a2615.${i}`;
    });
    const steps: LivingWorkbookStep[] = [];
    const measure = async (
      step: string,
      expected: number,
      runtime: AddinRuntime,
      rows: string[],
    ): Promise<void> => {
      proxy.requests.length = 0;
      const before = await proxy.upstreamCalls();
      const started = performance.now();
      const spill = await runtime.offers.offers(
        rows.map((link) => [link]),
        'id,price',
        undefined,
      );
      const ms = performance.now() - started;
      steps.push({
        step,
        proxyRequests: proxy.requests.filter((url) => url.startsWith('/v1/offers')).length,
        upstreamCalls: (await proxy.upstreamCalls()) - before,
        expected,
        filledRows: spill.slice(1).filter((row) => typeof row[0] === 'string' && row[0] !== '').length,
        ms,
      });
    };

    const workbook = await session(proxy, { cacheTtlMs });
    await measure('first fill', distinct.length, workbook, column);

    await expire(ttlSeconds);
    const inserted = [...column];
    inserted.splice(Math.floor(column.length / 2), 0, '');
    await measure('insert row (same session)', 0, workbook, inserted);

    await expire(ttlSeconds);
    const sorted = [...column].sort().reverse();
    await measure('sort (same session)', 0, workbook, sorted);

    await expire(ttlSeconds);
    const reopened = await session(proxy, { cacheTtlMs });
    await measure('reopen (new session)', 0, reopened, column);

    const run = refreshSwitch.begin();
    try {
      await measure('Refresh sheet (pane)', distinct.length, reopened, column);
    } finally {
      run.end();
    }

    await expire(ttlSeconds);
    await measure('recalculation after the refresh', 0, reopened, column);
    return { links: options.links, distinctOffers: distinct.length, ttlSeconds, steps };
  } finally {
    await proxy.close();
  }
}
