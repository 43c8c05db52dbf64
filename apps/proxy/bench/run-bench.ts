// `pnpm bench`: what the proxy costs on a cache hit, measured against a bare node:http server that returns the
// same bytes in the same run, plus how many upstream calls N identical cold requests cause.
// Not a test: figures depend on the machine; the README records them with the machine they came from.

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS, TMAPI_PATHS } from '@yuantou/core/testing';
import type autocannon from 'autocannon';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';
import { offersAtScaleBenchmark, offersReport } from './offers-bench.js';
import {
  paidCallsBenchmark,
  redisDownBenchmark,
  storeCostBenchmark,
  uniqueKeywordsMemoryBenchmark,
} from './paid-calls.js';
import { teamBenchmark } from './team-bench.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// One run's rounds share one proxy process and one moment of the machine: the ratio is reported over several
// runs (a fresh proxy and baseline each), as the median and range of the runs' medians, never one run alone.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// `BENCH_ONLY=cache-hit` measures the cache-hit ratio alone (the README figure), without the paid-call benchmarks.
const ONLY_CACHE_HIT = process.env.BENCH_ONLY === 'cache-hit';
// `BENCH_ONLY=offers` runs the offers-at-scale scenario alone (BENCH_OFFERS, BENCH_OFFER_LATENCY_MS to shrink it).
const ONLY_OFFERS = process.env.BENCH_ONLY === 'offers';
const COLD_REQUESTS = 100;
const AUTOCANNON_BIN = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const run = promisify(execFile);
const SUPPLIERS_PATH = `/v1/suppliers?q=${encodeURIComponent('玩具厂')}&pageSize=20`;

interface Figures {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
}

// autocannon runs in its own process: in this one it would share the event loop with the server under test.
async function load(url: string): Promise<Figures> {
  const { stdout } = await run(process.execPath, [
    AUTOCANNON_BIN,
    '--json',
    '--connections',
    String(CONNECTIONS),
    '--duration',
    String(SECONDS),
    url,
  ]);
  const result = JSON.parse(stdout) as autocannon.Result;
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function mean(figures: Figures[]): Figures {
  const avg = (pick: (f: Figures) => number) => figures.reduce((sum, f) => sum + pick(f), 0) / figures.length;
  return {
    requestsPerSecond: avg((f) => f.requestsPerSecond),
    p99Ms: avg((f) => f.p99Ms),
    errors: avg((f) => f.errors),
  };
}

/** Median and range of a set of ratios. */
function spread(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

async function startProxy(env: Record<string, string>) {
  const config = loadConfig({
    env: { LOG_LEVEL: 'silent', YUANTOU_RATE_LIMIT_PER_MINUTE: '100000000', YUANTOU_STORE: 'off', ...env },
    cwd: mkdtempSync(join(tmpdir(), 'yuantou-bench-')),
  });
  const app = await buildApp(config);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

async function cacheHitBenchmark() {
  const { app, url } = await startProxy({});
  const warm = await fetch(url + SUPPLIERS_PATH);
  if (!warm.ok) throw new Error(`proxy answered ${warm.status} to the warm-up request`);
  const body = Buffer.from(await warm.arrayBuffer());
  const contentType = warm.headers.get('content-type') ?? 'application/json';
  const bare = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    response.end(body);
  });
  const bareUrl = await listen(bare);

  const baseline: Figures[] = [];
  const proxy: Figures[] = [];
  // Interleaved rounds so drift on a shared machine hits both sides alike.
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(await load(bareUrl + SUPPLIERS_PATH));
    proxy.push(await load(url + SUPPLIERS_PATH));
  }
  await app.close();
  await new Promise((resolve) => bare.close(resolve));
  const ratios = proxy
    .map((p, i) => p.requestsPerSecond / baseline[i]!.requestsPerSecond)
    .sort((a, b) => a - b);
  return { baseline: mean(baseline), proxy: mean(proxy), ratios, bodyBytes: body.length };
}

async function singleFlightBenchmark() {
  const fake = await startTmapiFake();
  // A slow upstream keeps the first call in flight while the other 99 arrive.
  fake.setMode({ kind: 'delay', ms: 200 });
  const { app, url } = await startProxy({
    YUANTOU_DEMO: 'false',
    YUANTOU_TMAPI_API_TOKEN: TMAPI_FAKE_CREDENTIALS.apiToken,
    YUANTOU_TMAPI_BASE_URL: fake.url,
  });
  const path = `/v1/suppliers?q=${encodeURIComponent('冷门关键词')}&provider=tmapi`;
  const statuses = await Promise.all(
    Array.from({ length: COLD_REQUESTS }, () => fetch(url + path).then((r) => r.status)),
  );
  const upstreamCalls = fake.calls.count(TMAPI_PATHS.factories);
  await app.close();
  await fake.close();
  return { requests: COLD_REQUESTS, ok: statuses.filter((s) => s === 200).length, upstreamCalls };
}

if (ONLY_OFFERS) {
  for (const line of offersReport(await offersAtScaleBenchmark())) console.log(line);
  process.exit(0);
}

const runs: Awaited<ReturnType<typeof cacheHitBenchmark>>[] = [];
for (let n = 1; n <= RUNS; n++) {
  const run = await cacheHitBenchmark();
  const { median, min, max } = spread(run.ratios);
  console.log(
    `run ${n} of ${RUNS}: ratio median ${median.toFixed(2)} over ${ROUNDS} rounds (range ${min.toFixed(2)}–${max.toFixed(2)})`,
  );
  runs.push(run);
}
const hit = {
  baseline: mean(runs.map((r) => r.baseline)),
  proxy: mean(runs.map((r) => r.proxy)),
  bodyBytes: runs[0]!.bodyBytes,
};
const overall = spread(runs.map((r) => spread(r.ratios).median));
const fmt = (n: number) => n.toFixed(1);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(
  `load: ${CONNECTIONS} connections, ${RUNS} runs × ${ROUNDS} interleaved rounds of ${SECONDS} s, ${hit.bodyBytes}-byte body`,
);
console.log('');
console.log('| GET /v1/suppliers (cache hit) | requests/s | p99 ms | errors |');
console.log('| --- | ---: | ---: | ---: |');
console.log(
  `| bare node:http, same body | ${fmt(hit.baseline.requestsPerSecond)} | ${fmt(hit.baseline.p99Ms)} | ${hit.baseline.errors} |`,
);
console.log(
  `| yuantou proxy | ${fmt(hit.proxy.requestsPerSecond)} | ${fmt(hit.proxy.p99Ms)} | ${hit.proxy.errors} |`,
);
console.log('');
console.log(
  `ratio proxy/bare requests/s: median ${overall.median.toFixed(2)} over ${RUNS} runs of ${ROUNDS} rounds ` +
    `(range of the runs' medians ${overall.min.toFixed(2)}–${overall.max.toFixed(2)}; target ≥ 0.90)`,
);
console.log(`proxy p99: ${fmt(hit.proxy.p99Ms)} ms (target ≤ 5 ms)`);
if (ONLY_CACHE_HIT) process.exit(0);
const flight = await singleFlightBenchmark();
console.log(
  `single-flight: ${flight.requests} concurrent identical cold requests → ${flight.upstreamCalls} upstream call(s), ${flight.ok} answered 200`,
);

const paid = await paidCallsBenchmark();
console.log('');
console.log(
  `## paid calls: ${paid.requests} product searches over 100 keywords, random ignored/clamped parameters`,
);
console.log(
  '| provider | upstream calls | distinct provider requests | distinct queries (query-keyed cache) |',
);
console.log('| --- | ---: | ---: | ---: |');
for (const [provider, calls] of Object.entries(paid.calls)) {
  console.log(`| ${provider} | ${calls} | ${paid.expected[provider]} | ${paid.distinctQueries} |`);
}
console.log(`${paid.ok} of ${paid.requests} answered 200 (by status: ${JSON.stringify(paid.byStatus)})`);
const down = await redisDownBenchmark(process.env.REDIS_URL, ROUNDS, SECONDS);
console.log(
  down
    ? `Redis down / Redis up, cache-hit requests/s: median ${down.ratios[down.ratios.length >> 1]!.toFixed(2)} over ${down.ratios.length} rounds (range ${down.ratios[0]!.toFixed(2)}–${down.ratios.at(-1)!.toFixed(2)}); upstream calls during the run: ${down.upstreamCalls}`
    : 'Redis down / Redis up: skipped (set REDIS_URL to measure it)',
);
const store = await storeCostBenchmark(ROUNDS, SECONDS);
console.log(
  `answer store on / off, cache-hit requests/s: median ${store.ratios[store.ratios.length >> 1]!.toFixed(2)} over ${store.ratios.length} rounds (range ${store.ratios[0]!.toFixed(2)}–${store.ratios.at(-1)!.toFixed(2)}; target ≥ 0.95); upstream calls: ${store.upstreamCalls}`,
);
const memory = await uniqueKeywordsMemoryBenchmark();
console.log(
  `unique keywords: ${memory.keywords} searches (${memory.ok} answered 200, ${memory.calls} upstream calls); ` +
    `heap after GC ${memory.heapBeforeMiB} → ${memory.heapAfterMiB} MiB; process RSS (proxy, fake and load in one ` +
    `process) ${memory.rssBeforeMiB} MiB before, ${memory.rssPeakMiB} MiB peak, ${memory.rssAfterMiB} MiB after`,
);
const team = await teamBenchmark(ROUNDS, SECONDS);
console.log('');
console.log(
  team
    ? `## team (issue 28): cache-hit requests/s through nginx / one replica directly: 1 replica ${team.oneBehindNginx.toFixed(2)}, ` +
        `2 replicas ${team.twoBehindNginx.toFixed(2)} (median of ${team.rounds} rounds; nginx, replicas and load share this machine's ` +
        `${cpus().length} cores). Paid calls for 1,000 requests (100 distinct): ${team.paidCallsThreeReplicas.calls} over three replicas ` +
        `(${team.paidCallsThreeReplicas.ok} answered 200), ${team.paidCallsOneReplica.calls} on one (${team.paidCallsOneReplica.ok} answered 200)`
    : '## team: skipped (needs redis-server and nginx: pnpm verify installs them)',
);
console.log('');
for (const line of offersReport(await offersAtScaleBenchmark())) console.log(line);
