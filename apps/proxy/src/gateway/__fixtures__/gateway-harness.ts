import { Writable } from 'node:stream';
import type { AnyProviderAdapter, ProviderId } from '@yuantou/core';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach } from 'vitest';
import { createRedisClient } from '../../plugins/app/redis.js';
import { createTestAdapter } from '../../upstream/__fixtures__/test-adapter.js';
import {
  delay,
  sendJson,
  startTestServer,
  type TestServer,
} from '../../upstream/__fixtures__/test-server.js';
import { createProviderPauses } from '../../upstream/provider-pause.js';
import { memoryRateWindowStore, type RateWindowStore } from '../../upstream/rate-limiter.js';
import { createSharedCounters } from '../../upstream/shared-counters.js';
import { upstreamMetrics } from '../../upstream/upstream-metrics.js';
import { createUsageLedger } from '../../upstream/usage-ledger.js';
import { createProviderGateway, type GatewayHooks } from '../create-provider-gateway.js';
import type { GatewayOptions, ProviderGateway, ProviderSettings } from '../gateway-contract.js';
import { createProviderCaller } from '../provider-caller.js';

export const SECRET_KEY = 'sk-do-not-log-42';

export interface Harness {
  gateway: ProviderGateway;
  registry: Registry;
  /** Every JSON log line the gateway wrote. */
  logLines: string[];
  /** Backoff delays the retry loop asked for (sleep is injected, so they cost no time). */
  delays: number[];
}

export interface HarnessOptions {
  /** Where the default provider (a test adapter) sends; not needed when `providers` is given. */
  baseUrl?: string;
  /** The providers the gateway serves, instead of the one test-adapter provider. */
  providers?: ProviderSettings[];
  provider?: ProviderId;
  settings?: Partial<ProviderSettings>;
  gateway?: Partial<Omit<GatewayOptions, 'providers' | 'logger' | 'registry'>>;
  /** A Redis client of the harness's own (the production client's settings), closed with the gateway. */
  redisUrl?: string;
  hooks?: GatewayHooks;
}

export function createHarness(options: HarnessOptions): Harness {
  const logLines: string[] = [];
  const delays: number[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const registry = new Registry();
  let slept = 0;
  const redis = options.redisUrl ? createRedisClient(options.redisUrl, 1000) : undefined;
  // The production client has no offline queue: wait for the connection before the first command.
  const connected = redis ? redis.connect().catch(() => {}) : Promise.resolve();
  const provider = options.provider ?? 'onebound';
  const gateway = createProviderGateway(
    {
      providers: options.providers ?? [
        {
          id: provider,
          adapter: createTestAdapter(provider),
          credentials: { apiKey: SECRET_KEY, baseUrl: options.baseUrl },
          requestsPerMinute: 6000,
          concurrency: 8,
          timeoutMs: 2000,
          dailyCalls: null,
          ...options.settings,
        },
      ],
      cache: {
        ttlSeconds: { searchSuppliers: 60, searchProducts: 60, searchProductsByImage: 60 },
        staleSeconds: 60,
        maxBytes: 10_000_000,
      },
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 5000 },
      deadlineMs: 30_000,
      quotaCoolDownMs: 60_000,
      redis,
      circuit: { failureThreshold: 100, resetAfterMs: 30_000 },
      logger: pino({ level: 'debug' }, sink),
      registry,
      ...options.gateway,
    },
    {
      // Sleeping costs no time, but the clock that provider pauses are judged by moves on as if it had.
      sleep: async (ms) => {
        delays.push(ms);
        slept += ms;
      },
      now: () => Date.now() + slept,
      random: () => 0.5,
      ...options.hooks,
    },
  );
  const { search, health } = gateway;
  gateway.search = (async (...args: Parameters<typeof search>) => {
    await connected;
    return search(...args);
  }) as typeof search;
  gateway.health = async () => {
    await connected;
    return health();
  };
  const close = gateway.close.bind(gateway);
  gateway.close = async () => {
    await close();
    if (redis) await redis.quit().catch(() => redis.disconnect());
  };
  return { gateway, registry, logLines, delays };
}

/** The value of one labelled series, 0 when absent. */
export async function metricValue(registry: Registry, name: string, labels: Record<string, string>) {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const found = values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return found?.value ?? 0;
}

export interface ChainHarnessOptions {
  provider: ProviderId;
  adapter: AnyProviderAdapter;
  dailyCalls?: number;
  failureThreshold?: number;
  deadlineMs?: number;
}

/**
 * One provider's protected caller (UPSTREAM_CHAIN around one send), without the cache in front: for tests of the
 * chain itself. Counts the rate-limit slots taken; sleeping costs no time.
 */
export function createChainHarness(options: ChainHarnessOptions) {
  const inner = memoryRateWindowStore();
  let rateSlots = 0;
  const rateStore: RateWindowStore = {
    increment: (key, windowMs) => {
      rateSlots++;
      return inner.increment(key, windowMs);
    },
  };
  const pauses = createProviderPauses(undefined, '', () => {});
  const ledger = createUsageLedger({
    providers: [{ id: options.provider, dailyCalls: options.dailyCalls ?? null }],
    counters: createSharedCounters(undefined, '', () => {}),
    pauses,
    prefix: '',
    onRedisError: () => {},
  });
  const caller = createProviderCaller({
    settings: {
      id: options.provider,
      adapter: options.adapter,
      credentials: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9' },
      requestsPerMinute: 60_000,
      concurrency: 4,
      timeoutMs: 1000,
      dailyCalls: options.dailyCalls ?? null,
    },
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    circuit: { failureThreshold: options.failureThreshold ?? 100, resetAfterMs: 60_000 },
    deadlineMs: options.deadlineMs ?? 5_000,
    quotaCoolDownMs: 60_000,
    rateStore,
    pauses,
    ledger,
    metrics: upstreamMetrics(new Registry()),
    logger: pino({ level: 'silent' }),
    hooks: { sleep: async () => {}, random: () => 0.5 },
  });
  return { caller, ledger, pauses, rateSlots: () => rateSlots };
}

/** What a gateway test starts: a fake upstream and a gateway on it, both closed after each test. */
export interface GatewayTest {
  server?: TestServer;
  harness?: Harness;
}

/** The lifecycle most gateway tests share. Call at the top of the file; set `t.server` and `t.harness` in a test. */
export function useGatewayTest(): GatewayTest {
  const t: GatewayTest = {};
  afterEach(async () => {
    await t.harness?.gateway.close();
    await t.server?.close();
    t.harness = undefined;
    t.server = undefined;
  });
  return t;
}

/** The n-th page a test upstream serves: one item named after the request's index. */
export const page = (index: number) => ({ items: [{ id: `item-${index}` }], total: 1 });

/** A test upstream that answers every request with the next page, after `waitMs`. */
export const okServer = (waitMs = 0) =>
  startTestServer(async (_req, res, { index }) => {
    if (waitMs) await delay(waitMs);
    sendJson(res, 200, page(index));
  });
