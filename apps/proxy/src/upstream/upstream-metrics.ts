import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Labels are provider, operation and outcome names only: never a keyword, URL or credential. */
export interface UpstreamMetrics {
  requests: Counter<'provider' | 'operation' | 'outcome'>;
  duration: Histogram<'provider' | 'operation'>;
  cache: Counter<'provider' | 'operation' | 'result'>;
  inFlight: Gauge<'provider'>;
  circuitOpen: Gauge<'provider'>;
}

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
