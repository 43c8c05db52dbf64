// `pnpm bench`, "paid calls": what a recalculating sheet costs upstream, and what a Redis outage costs in
// throughput. Not a test: the figures go to the README with the machine they came from.

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getProvider, type ProductQuery, SearchParams } from '@yuantou/core';
import {
  ONEBOUND_FAKE_CREDENTIALS,
  ONEBOUND_PATHS,
  startOneboundFake,
  startTmapiFake,
  TMAPI_FAKE_CREDENTIALS,
  TMAPI_PATHS,
} from '@yuantou/core/testing';
import type autocannon from 'autocannon';
import { buildApp } from '../src/app.js';
import { loadConfig, type ProxyConfig } from '../src/config/load-config.js';
import { keywordQuery } from '../src/search/search-query.js';
import { stableJson } from '../src/upstream/response-cache.js';

const REQUESTS = 1000;
const KEYWORDS = 100;
const AUTOCANNON_BIN = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const run = promisify(execFile);

/** A deterministic generator, so two runs send the same 1,000 requests. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * 1,000 product searches over 100 keywords, each with parameters a provider ignores or clamps drawn at random:
 * `sort=score` vs `sort=default` (the same provider request), a `pageSize` above TMAPI's 20, `factoryOnly`
 * (which neither provider can honour on product search), a `language` TMAPI ignores.
 */
function requests(): URLSearchParams[] {
  const random = seeded(42);
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]!;
  return Array.from({ length: REQUESTS }, () => {
    const params = new URLSearchParams({
      q: `关键词${Math.floor(random() * KEYWORDS)}`,
      provider: 'tmapi,onebound',
    });
    params.set('sort', pick(['score', 'default']));
    const size = pick(['20', '25', '40', '']);
    if (size) params.set('pageSize', size);
    if (random() < 0.5) params.set('factoryOnly', 'true');
    if (random() < 0.3) params.set('language', 'zh');
    return params;
  });
}

/** The distinct requests each provider really has to answer: its adapter's mapped params (`map`, unsigned). */
function distinctProviderRequests(all: URLSearchParams[], config: ProxyConfig): Record<string, number> {
  const result: Record<string, number> = {};
  for (const settings of config.providers) {
    const op = getProvider(settings.id).searchProducts!;
    const seen = new Set<string>();
    for (const params of all) {
      const query = keywordQuery(SearchParams.parse(Object.fromEntries(params))) as ProductQuery;
      seen.add(stableJson(op.map(query).params));
    }
    result[settings.id] = seen.size;
  }
  return result;
}

async function proxyOver(env: Record<string, string>, overrides: Partial<ProxyConfig> = {}) {
  const config = {
    ...loadConfig({
      env: {
        LOG_LEVEL: 'silent',
        YUANTOU_RATE_LIMIT_PER_MINUTE: '100000000',
        YUANTOU_DEMO: 'false',
        YUANTOU_STORE: 'off',
        ...env,
      },
      cwd: mkdtempSync(join(tmpdir(), 'yuantou-bench-')),
    }),
    ...overrides,
  };
  const app = await buildApp(config);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, config };
}

export async function paidCallsBenchmark() {
  const tmapi = await startTmapiFake();
  const onebound = await startOneboundFake();
  const env = {
    YUANTOU_TMAPI_API_TOKEN: TMAPI_FAKE_CREDENTIALS.apiToken,
    YUANTOU_TMAPI_BASE_URL: tmapi.url,
    YUANTOU_ONEBOUND_KEY: ONEBOUND_FAKE_CREDENTIALS.key,
    YUANTOU_ONEBOUND_SECRET: ONEBOUND_FAKE_CREDENTIALS.secret,
    YUANTOU_ONEBOUND_BASE_URL: onebound.url,
    // The fakes have no rate limit; the adapters' defaults (TMAPI 60/min) would refuse most of a 1,000-request
    // burst as `rate_limited` before any call, which is right in production but hides what this counts.
    YUANTOU_TMAPI_REQUESTS_PER_MINUTE: '100000',
    YUANTOU_ONEBOUND_REQUESTS_PER_MINUTE: '100000',
  };
  const { app, url, config } = await proxyOver(env);
  const all = requests();
  // A sheet recalculating: requests in waves of 50 at a time.
  const statuses: number[] = [];
  for (let i = 0; i < all.length; i += 50) {
    const wave = all.slice(i, i + 50).map((p) => fetch(`${url}/v1/products?${p}`).then((r) => r.status));
    statuses.push(...(await Promise.all(wave)));
  }
  const calls = {
    tmapi: tmapi.calls.count(TMAPI_PATHS.items),
    onebound: onebound.calls.count(ONEBOUND_PATHS.items),
  };
  const expected = distinctProviderRequests(all, config);
  // What a cache keyed on the query (rather than on the provider's mapped params) would have paid per provider.
  const distinctQueries = new Set(
    all.map((params) => stableJson(keywordQuery(SearchParams.parse(Object.fromEntries(params))))),
  ).size;
  await app.close();
  await tmapi.close();
  await onebound.close();
  const byStatus: Record<number, number> = {};
  for (const status of statuses) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return {
    requests: all.length,
    ok: statuses.filter((s) => s === 200).length,
    byStatus,
    calls,
    expected,
    distinctQueries,
  };
}

async function throughput(url: string, seconds: number): Promise<number> {
  const { stdout } = await run(process.execPath, [
    AUTOCANNON_BIN,
    '--json',
    '-c',
    '20',
    '-d',
    String(seconds),
    url,
  ]);
  const result = JSON.parse(stdout) as autocannon.Result;
  return result.errors + result.non2xx > 0 ? Number.NaN : result.requests.average;
}

/**
 * Cache-hit throughput with Redis up against the same proxy configuration pointed at a Redis that is not
 * there (a port nothing listens on), the answer replay switched off so every request reads the cache tiers.
 */
export async function redisDownBenchmark(redisUrl: string | undefined, rounds: number, seconds: number) {
  if (!redisUrl) return undefined;
  const tmapi = await startTmapiFake();
  const env = { YUANTOU_TMAPI_API_TOKEN: TMAPI_FAKE_CREDENTIALS.apiToken, YUANTOU_TMAPI_BASE_URL: tmapi.url };
  const up = await proxyOver(env, { redisUrl, responseTtlSeconds: 0 });
  const down = await proxyOver(env, { redisUrl: 'redis://127.0.0.1:9', responseTtlSeconds: 0 });
  const path = `/v1/products?q=${encodeURIComponent('热门')}&provider=tmapi`;
  for (const p of [up, down]) await fetch(p.url + path);
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const withRedis = await throughput(up.url + path, seconds);
    const without = await throughput(down.url + path, seconds);
    ratios.push(without / withRedis);
  }
  const upstreamCalls = tmapi.calls.count(TMAPI_PATHS.items);
  await up.app.close();
  await down.app.close();
  await tmapi.close();
  return { ratios: ratios.sort((a, b) => a - b), upstreamCalls };
}

/**
 * Issue 22: what the answer store costs on the cache-hit path — the same proxy with the store on (embedded PGlite
 * in a fresh folder) and off, answer replay switched off so every request goes through the gateway's cache.
 * Hits never touch the database, so the ratio should be about 1 (target ≥ 0.95).
 */
export async function storeCostBenchmark(rounds: number, seconds: number) {
  const tmapi = await startTmapiFake();
  const env = { YUANTOU_TMAPI_API_TOKEN: TMAPI_FAKE_CREDENTIALS.apiToken, YUANTOU_TMAPI_BASE_URL: tmapi.url };
  const on = await proxyOver({ ...env, YUANTOU_STORE: 'on' }, { responseTtlSeconds: 0 });
  const off = await proxyOver(env, { responseTtlSeconds: 0 });
  const path = `/v1/products?q=${encodeURIComponent('热门')}&provider=tmapi`;
  for (const p of [on, off]) await fetch(p.url + path);
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const withStore = await throughput(on.url + path, seconds);
    const without = await throughput(off.url + path, seconds);
    ratios.push(withStore / without);
  }
  const upstreamCalls = tmapi.calls.count(TMAPI_PATHS.items);
  await on.app.close();
  await off.app.close();
  await tmapi.close();
  return { ratios: ratios.sort((a, b) => a - b), upstreamCalls };
}

/**
 * 20,000 distinct keywords through one proxy (the issue's "sheet of unique keywords" row): the process's RSS
 * before and after, with the default 64 MiB cache bound. The proxy, the fake and the load run in this process.
 */
export async function uniqueKeywordsMemoryBenchmark(keywords = 20_000) {
  const tmapi = await startTmapiFake();
  const { app, url } = await proxyOver({
    YUANTOU_TMAPI_API_TOKEN: TMAPI_FAKE_CREDENTIALS.apiToken,
    YUANTOU_TMAPI_BASE_URL: tmapi.url,
    YUANTOU_TMAPI_REQUESTS_PER_MINUTE: '10000000',
  });
  const mib = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  global.gc?.();
  const before = mib();
  const heapBefore = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  let ok = 0;
  let peak = before;
  for (let i = 0; i < keywords; i += 100) {
    const wave = Array.from({ length: Math.min(100, keywords - i) }, (_, j) =>
      fetch(`${url}/v1/products?provider=tmapi&q=${encodeURIComponent(`唯一关键词${i + j}`)}`).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
      ),
    );
    ok += (await Promise.all(wave)).filter((status) => status === 200).length;
    peak = Math.max(peak, mib());
  }
  global.gc?.();
  const after = mib();
  const calls = tmapi.calls.count(TMAPI_PATHS.items);
  await app.close();
  await tmapi.close();
  const heapAfter = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  return {
    keywords,
    ok,
    calls,
    rssBeforeMiB: before,
    rssPeakMiB: peak,
    rssAfterMiB: after,
    heapBeforeMiB: heapBefore,
    heapAfterMiB: heapAfter,
  };
}
