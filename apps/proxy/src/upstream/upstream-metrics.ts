import type { ProviderUsage } from '@yuantou/core';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Labels are provider, operation and outcome names only: never a keyword, URL or credential. */
export interface UpstreamMetrics {
  requests: Counter<'provider' | 'operation' | 'outcome'>;
  duration: Histogram<'provider' | 'operation'>;
  cache: Counter<'provider' | 'operation' | 'result'>;
  coalesced: Counter<'where'>;
  inFlight: Gauge<'provider'>;
  circuitOpen: Gauge<'provider'>;
  quotaUsed: Gauge<'provider'>;
  quotaLimit: Gauge<'provider'>;
  /** The numbers of `GET /v1/usage`, read from `report` at each scrape. */
  observeUsage(report: () => Promise<ProviderUsage[]>): void;
}

// The usage gauges read the ledger of the gateway built on this registry (tests build several).
const usageSources = new WeakMap<Registry, () => Promise<ProviderUsage[]>>();

/** One report per scrape, shared by the usage gauges (each gauge's collect runs on its own). */
function usageSnapshot(registry: Registry): () => Promise<ProviderUsage[]> {
  let last: { at: number; report: Promise<ProviderUsage[]> } | undefined;
  return () => {
    const source = usageSources.get(registry);
    if (!source) return Promise.resolve([]);
    if (!last || performance.now() - last.at > 1000) last = { at: performance.now(), report: source() };
    return last.report;
  };
}

const USAGE_GAUGES: [name: string, help: string, value: (u: ProviderUsage) => number | null][] = [
  [
    'yuantou_provider_calls_today',
    'Paid upstream calls today (UTC), all proxy instances.',
    (u) => u.callsToday,
  ],
  [
    'yuantou_provider_daily_budget',
    'Configured daily call budget (absent when unlimited).',
    (u) => u.dailyBudget,
  ],
  [
    'yuantou_provider_cache_hits_today',
    'Searches served from cache today (UTC), all instances.',
    (u) => u.cacheHitsToday,
  ],
  [
    'yuantou_provider_exhausted_until_seconds',
    'Epoch seconds until which the provider is treated as exhausted (quota or budget); 0 when it is not.',
    (u) => (u.exhaustedUntil === null ? 0 : Math.round(Date.parse(u.exhaustedUntil) / 1000)),
  ],
];

// Reuses metrics already on the registry, so two gateways (tests, hot reload) can share one registry.
function metric<M>(registry: Registry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}

export function upstreamMetrics(registry: Registry): UpstreamMetrics {
  const registers = [registry];
  return {
    requests: metric(
      registry,
      'yuantou_upstream_requests_total',
      () =>
        new Counter({
          name: 'yuantou_upstream_requests_total',
          help: 'Calls sent to providers, by outcome (ok or the error kind).',
          labelNames: ['provider', 'operation', 'outcome'],
          registers,
        }),
    ),
    duration: metric(
      registry,
      'yuantou_upstream_duration_seconds',
      () =>
        new Histogram({
          name: 'yuantou_upstream_duration_seconds',
          help: 'Duration of one provider call (one attempt), in seconds.',
          labelNames: ['provider', 'operation'],
          buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
          registers,
        }),
    ),
    cache: metric(
      registry,
      'yuantou_cache_total',
      () =>
        new Counter({
          name: 'yuantou_cache_total',
          help: 'Response cache lookups, by result (hit, miss, stale).',
          labelNames: ['provider', 'operation', 'result'],
          registers,
        }),
    ),
    coalesced: metric(
      registry,
      'yuantou_coalesced_requests_total',
      () =>
        new Counter({
          name: 'yuantou_coalesced_requests_total',
          help: 'Provider calls not made because the request joined one in flight (local: this instance, peer: another).',
          labelNames: ['where'],
          registers,
        }),
    ),
    inFlight: metric(
      registry,
      'yuantou_upstream_in_flight',
      () =>
        new Gauge({
          name: 'yuantou_upstream_in_flight',
          help: 'Provider calls currently in flight.',
          labelNames: ['provider'],
          registers,
        }),
    ),
    quotaUsed: metric(
      registry,
      'yuantou_provider_quota_used',
      () =>
        new Gauge({
          name: 'yuantou_provider_quota_used',
          help: "Calls used today by the provider's own count (Onebound api_info), as last reported.",
          labelNames: ['provider'],
          registers,
        }),
    ),
    quotaLimit: metric(
      registry,
      'yuantou_provider_quota_limit',
      () =>
        new Gauge({
          name: 'yuantou_provider_quota_limit',
          help: "The provider's own daily call limit (Onebound api_info), as last reported.",
          labelNames: ['provider'],
          registers,
        }),
    ),
    observeUsage(report) {
      usageSources.set(registry, report);
      const snapshot = usageSnapshot(registry);
      for (const [name, help, value] of USAGE_GAUGES) {
        metric(
          registry,
          name,
          () =>
            new Gauge({
              name,
              help,
              labelNames: ['provider'],
              registers,
              async collect() {
                this.reset();
                for (const usage of await snapshot().catch(() => [])) {
                  const v = value(usage);
                  if (v !== null) this.set({ provider: usage.provider }, v);
                }
              },
            }),
        );
      }
    },
    circuitOpen: metric(
      registry,
      'yuantou_circuit_open',
      () =>
        new Gauge({
          name: 'yuantou_circuit_open',
          help: '1 while the provider circuit breaker is open or half-open, else 0.',
          labelNames: ['provider'],
          registers,
        }),
    ),
  };
}
