// `pnpm bench`, offers at scale (issue 23): "200 distinct links against fakes with realistic latency (about
// 800 ms) and each provider's documented rate limits — time to the first filled cell and to the last, against
// today's sequential walk in the same run; the last cell should come within 10 % of 200 ÷ (the providers'
// combined rate), the first within 2 s."
// Both sides run against the same fakes, each with a fresh proxy (cold caches) at the adapters' own limits
// (`limits` in each core adapter, from the providers' documentation where it gives one). The spread side posts
// the batch with `Accept: application/x-ndjson` and times each line; the sequential side is the walk POST
// /v1/offers did before: every offer asks the providers in the configured order through the same gateway, at
// most `concurrency` of the batch at each provider, and its JSON answer fills every cell at the end.
// Small sizes for a smoke check: BENCH_OFFERS=20 BENCH_OFFER_LATENCY_MS=100 BENCH_ONLY=offers pnpm bench.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFER_ROUTES, type OfferResult, type ProviderId } from '@yuantou/core';
import { type FakeServer, fakeCredentials, loadFake } from '@yuantou/core/testing';
import { buildApp } from '../src/app.js';
import { providerEnvName } from '../src/config/env-names.js';
import { loadConfig, type ProxyConfig } from '../src/config/load-config.js';
import { createConcurrencyLimiter } from '../src/upstream/concurrency-limiter.js';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 200);
const LATENCY_MS = Number(process.env.BENCH_OFFER_LATENCY_MS ?? 800);
/** The fakes' offer ids (core's testing/fake-data.ts: `offerIdFor(index)` = 628745190321 + index, up to `total`). */
const offerIdFor = (index: number) => String(628_745_190_321 + index);
/** Every provider with offer details that has a fake. */
const PROVIDERS: ProviderId[] = ['tmapi', 'onebound', 'alibaba', 'dajisaas', 'pandapon'];

async function startFakes(): Promise<Partial<Record<ProviderId, FakeServer>>> {
  const fakes: Partial<Record<ProviderId, FakeServer>> = {};
  for (const id of PROVIDERS) {
    const server = await (await loadFake(id)).start({ total: OFFERS });
    server.setMode({ kind: 'delay', ms: LATENCY_MS });
    fakes[id] = server;
  }
  return fakes;
}

async function startProxy(fakes: Partial<Record<ProviderId, FakeServer>>) {
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    YUANTOU_DEMO: 'false',
    YUANTOU_STORE: 'off',
    YUANTOU_RATE_LIMIT_PER_MINUTE: '100000000',
    YUANTOU_OFFER_PROVIDERS: PROVIDERS.join(','),
    // Measure the whole batch: the deadline would cut the sequential walk short.
    YUANTOU_OFFER_BATCH_DEADLINE_MS: '3600000',
  };
  for (const [id, fields] of Object.entries(fakeCredentials(fakes))) {
    for (const [field, value] of Object.entries(fields ?? {}))
      env[providerEnvName(id as ProviderId, field)] = value;
  }
  const config = loadConfig({ env, cwd: mkdtempSync(join(tmpdir(), 'yuantou-bench-offers-')) });
  const app = await buildApp(config);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, config };
}

const calls = (fakes: Partial<Record<ProviderId, FakeServer>>) =>
  Object.values(fakes).reduce((sum, fake) => sum + fake!.calls.count(), 0);

interface Side {
  firstMs: number;
  lastMs: number;
  served: number;
  calls: number;
  rateLimitedAttempts: number;
  /** The offer providers' limits, as configured (the adapters' defaults). */
  limits: Record<string, { requestsPerMinute: number; concurrency: number }>;
  /** Offers per second at those limits, all providers together. */
  combinedRate: number;
}

const rateLimited = (results: OfferResult[]) =>
  results.reduce((n, r) => n + r.attempts.filter((a) => a.error?.kind === 'rate_limited').length, 0);

async function spreadSide(refs: string[]): Promise<Side> {
  const fakes = await startFakes();
  const { app, url, config } = await startProxy(fakes);
  const started = performance.now();
  const response = await fetch(url + OFFER_ROUTES.offers, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
    body: JSON.stringify({ refs }),
  });
  let firstMs = Number.NaN;
  const results: OfferResult[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body!) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const parsed = line ? (JSON.parse(line) as { type: string; result?: OfferResult }) : undefined;
      if (parsed?.type !== 'result') continue;
      results.push(parsed.result!);
      if (parsed.result!.offer && Number.isNaN(firstMs)) firstMs = performance.now() - started;
    }
  }
  const lastMs = performance.now() - started;
  const side = {
    firstMs,
    lastMs,
    served: results.filter((r) => r.offer).length,
    calls: calls(fakes),
    rateLimitedAttempts: rateLimited(results),
    ...limitsOf(config),
  };
  await app.close();
  await Promise.all(Object.values(fakes).map((fake) => fake!.close()));
  return side;
}

/** Today's walk before issue 23: each offer asks the providers in order, through the same gateway. */
async function sequentialSide(ids: string[]): Promise<Side> {
  const fakes = await startFakes();
  const { app, config } = await startProxy(fakes);
  const limiters = new Map(config.offerProviders.map((p) => [p.id, createConcurrencyLimiter(p.concurrency)]));
  const started = performance.now();
  const results = await Promise.all(
    ids.map(async (id) => {
      const attempts: { kind: string }[] = [];
      for (const { id: provider } of config.offerProviders) {
        try {
          await limiters.get(provider)!.run(() => app.gateway.getOffer(provider, { id }));
          return { served: true, attempts };
        } catch (error) {
          const kind = (error as { kind?: string }).kind ?? 'upstream';
          attempts.push({ kind });
          if (!['not_found', 'upstream', 'timeout', 'quota', 'rate_limited'].includes(kind)) break;
        }
      }
      return { served: false, attempts };
    }),
  );
  // One JSON answer: every cell fills when the last offer is known.
  const lastMs = performance.now() - started;
  const side = {
    firstMs: lastMs,
    lastMs,
    served: results.filter((r) => r.served).length,
    calls: calls(fakes),
    rateLimitedAttempts: results.reduce(
      (n, r) => n + r.attempts.filter((a) => a.kind === 'rate_limited').length,
      0,
    ),
    ...limitsOf(config),
  };
  await app.close();
  await Promise.all(Object.values(fakes).map((fake) => fake!.close()));
  return side;
}

function limitsOf(config: ProxyConfig) {
  return {
    limits: Object.fromEntries(
      config.offerProviders.map((p) => [
        p.id,
        { requestsPerMinute: p.requestsPerMinute, concurrency: p.concurrency },
      ]),
    ),
    combinedRate: config.offerProviders.reduce((sum, p) => sum + p.requestsPerMinute / 60, 0),
  };
}

export async function offersAtScaleBenchmark() {
  const ids = Array.from({ length: OFFERS }, (_, i) => offerIdFor(i));
  const refs = ids.map((id) => `https://detail.1688.com/offer/${id}.html`);
  const spread = await spreadSide(refs);
  const sequential = await sequentialSide(ids);
  return {
    offers: OFFERS,
    latencyMs: LATENCY_MS,
    limits: spread.limits,
    idealLastMs: (OFFERS / spread.combinedRate) * 1000,
    spread,
    sequential,
  };
}

/** The report's lines (README table and ratios). */
export function offersReport(result: Awaited<ReturnType<typeof offersAtScaleBenchmark>>): string[] {
  const { spread, sequential } = result;
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return [
    `## offers at scale (issue 23): ${result.offers} distinct links, fakes answering after ${result.latencyMs} ms, limits ${JSON.stringify(result.limits)}`,
    '| POST /v1/offers | first filled cell s | last cell s | served | paid calls | rate_limited attempts |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| sequential walk (before), JSON | ${s(sequential.firstMs)} | ${s(sequential.lastMs)} | ${sequential.served} | ${sequential.calls} | ${sequential.rateLimitedAttempts} |`,
    `| spread, NDJSON stream | ${s(spread.firstMs)} | ${s(spread.lastMs)} | ${spread.served} | ${spread.calls} | ${spread.rateLimitedAttempts} |`,
    `ratios spread / sequential: first cell ${(spread.firstMs / sequential.firstMs).toFixed(3)}, last cell ${(spread.lastMs / sequential.lastMs).toFixed(3)}; ` +
      `last cell / (offers ÷ combined rate = ${s(result.idealLastMs)} s): ${(spread.lastMs / result.idealLastMs).toFixed(2)} (target ≤ 1.10); ` +
      `first cell ${s(spread.firstMs)} s (target ≤ 2 s)`,
  ];
}
