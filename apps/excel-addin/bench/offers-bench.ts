// `pnpm bench` (add-in part): a column of 500 =OFFER cells over 100 distinct 1688 links, filled the way the
// add-in does it (every cell of the recalculation joins one POST /v1/offers) against filling it with one
// GET /v1/offers/:ref per cell, both against the real proxy in demo mode, cold and warm, in the same run.
// Not a test: times depend on the machine; the README records the figures with the machine they came from.

import { cpus } from 'node:os';
import { createClient } from '@yuantou/core';
import { createAddinRuntime } from '../src/app/addin-runtime.js';
import { type DemoProxy, startDemoProxy } from '../test/demo-proxy.js';
import { demoOfferIds } from '../test/living-workbook.js';

const CELLS = 500;
const LINKS = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Browsers open at most 6 connections per host: one request per cell queues behind them. */
const BROWSER_CONNECTIONS = 6;

interface Fill {
  ms: number;
  proxyRequests: number;
  upstreamCalls: number;
  filled: number;
}

/** 100 demo offer ids, found the way a buyer would: from product searches. */
async function demoLinks(proxy: DemoProxy): Promise<string[]> {
  const ids = await demoOfferIds(proxy, LINKS);
  return ids.map((id, i) => `https://detail.1688.com/offer/${id}.html?spm=bench.${i}`);
}

const cellLinks = (links: string[]) => Array.from({ length: CELLS }, (_, i) => links[i % links.length]!);

/** Counts what one fill costs at the proxy and upstream. */
async function measure(proxy: DemoProxy, fill: () => Promise<number>): Promise<Fill> {
  proxy.requests.length = 0;
  const upstreamBefore = await proxy.upstreamCalls('getOffer');
  const started = performance.now();
  const filled = await fill();
  const ms = performance.now() - started;
  return {
    ms,
    proxyRequests: proxy.requests.filter((u) => u.startsWith('/v1/offers')).length,
    upstreamCalls: (await proxy.upstreamCalls('getOffer')) - upstreamBefore,
    filled,
  };
}

/** The add-in's way: 500 =OFFER calls in one recalculation of a fresh workbook session. */
function batchedFill(proxy: DemoProxy, links: string[]) {
  return async () => {
    const runtime = createAddinRuntime({ store: memoryStore() });
    await runtime.update({ proxyUrl: proxy.url, token: '' });
    const rows = await Promise.all(
      cellLinks(links).map((link) => runtime.offers.offer(link, 'id,price', undefined)),
    );
    return rows.filter((r) => r[0]?.[0]).length;
  };
}

/** The baseline: one GET /v1/offers/:ref per cell, 6 at a time like a browser. */
function perCellFill(proxy: DemoProxy, links: string[]) {
  return async () => {
    const client = createClient({ baseUrl: proxy.url });
    const queue = cellLinks(links);
    let filled = 0;
    await Promise.all(
      Array.from({ length: BROWSER_CONNECTIONS }, async () => {
        for (let link = queue.shift(); link !== undefined; link = queue.shift()) {
          if ((await client.getOffer(link)).offer) filled += 1;
        }
      }),
    );
    return filled;
  };
}

function memoryStore() {
  const memory = new Map<string, string>();
  return {
    getItem: async (k: string) => memory.get(k) ?? null,
    setItem: async (k: string, v: string) => void memory.set(k, v),
  };
}

// The per-cell baseline sends 1000 requests a round; the proxy's per-client limit must not be what is measured.
const PROXY_ENV = { YUANTOU_RATE_LIMIT_PER_MINUTE: '1000000' };

async function round(links: string[]) {
  const batchedProxy = await startDemoProxy({ env: PROXY_ENV });
  const perCellProxy = await startDemoProxy({ env: PROXY_ENV });
  try {
    const batchedCold = await measure(batchedProxy, batchedFill(batchedProxy, links));
    const batchedWarm = await measure(batchedProxy, batchedFill(batchedProxy, links));
    const perCellCold = await measure(perCellProxy, perCellFill(perCellProxy, links));
    const perCellWarm = await measure(perCellProxy, perCellFill(perCellProxy, links));
    return { batchedCold, batchedWarm, perCellCold, perCellWarm };
  } finally {
    await batchedProxy.close();
    await perCellProxy.close();
  }
}

const setup = await startDemoProxy({ env: PROXY_ENV });
const links = await demoLinks(setup);
await setup.close();

const rounds: Awaited<ReturnType<typeof round>>[] = [];
for (let i = 0; i < ROUNDS; i++) rounds.push(await round(links));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => n.toFixed(0);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`${CELLS} =OFFER cells over ${LINKS} distinct links, demo proxy, ${ROUNDS} rounds (medians)`);
console.log('');
console.log('| fill | cache | time ms | proxy requests | upstream calls | cells filled |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const [name, key] of [
  ['batched (add-in)', 'batchedCold'],
  ['batched (add-in)', 'batchedWarm'],
  ['one request per cell', 'perCellCold'],
  ['one request per cell', 'perCellWarm'],
] as const) {
  const fills = rounds.map((r) => r[key]);
  const cache = key.endsWith('Cold') ? 'cold' : 'warm';
  console.log(
    `| ${name} | ${cache} | ${fmt(median(fills.map((f) => f.ms)))} | ${median(fills.map((f) => f.proxyRequests))} | ${median(fills.map((f) => f.upstreamCalls))} | ${median(fills.map((f) => f.filled))} |`,
  );
}
const ratio = (a: 'perCellCold' | 'perCellWarm', b: 'batchedCold' | 'batchedWarm') =>
  rounds.map((r) => r[a].ms / r[b].ms).sort((x, y) => x - y);
for (const [label, values] of [
  ['cold', ratio('perCellCold', 'batchedCold')],
  ['warm', ratio('perCellWarm', 'batchedWarm')],
] as const) {
  console.log(
    `ratio per-cell/batched fill time, ${label}: median ${median(values).toFixed(1)} (range ${values[0]!.toFixed(1)}–${values.at(-1)!.toFixed(1)})`,
  );
}
const worst = rounds.flatMap((r) => [r.batchedCold, r.batchedWarm]);
const coldUpstream = rounds.map((r) => r.batchedCold.upstreamCalls);
const warmUpstream = rounds.map((r) => r.batchedWarm.upstreamCalls);
console.log(
  `targets: proxy requests ≤ 3 per fill (max ${Math.max(...worst.map((f) => f.proxyRequests))}), upstream exactly ${LINKS} cold (${coldUpstream.join(', ')}) and 0 warm (${warmUpstream.join(', ')})`,
);
