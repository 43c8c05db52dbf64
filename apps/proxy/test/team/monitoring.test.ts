import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closedPort, useTestApp } from '../support/test-app.js';
import { promtoolBinary } from './team-services.js';

// Issue 28: the Grafana dashboard and the Prometheus alert rules in deploy/monitoring are valid (promtool), the
// alerts fire on the series they are meant for (promtool test rules), and every metric they name is one the
// proxy exports — a renamed metric would otherwise leave a panel empty and an alert silent.

const MONITORING = fileURLToPath(new URL('../../../../deploy/monitoring/', import.meta.url));
const RULES = `${MONITORING}prometheus/alerts.yml`;
const DASHBOARD = `${MONITORING}grafana/yuantou-dashboard.json`;
const startApp = useTestApp();

function promtool(args: string[], cwd: string) {
  const run = spawnSync(promtoolBinary(), args, { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Every yuantou_… or http_… metric name an expression names, histogram series mapped to their metric. */
function metricNames(text: string): string[] {
  const names = text.match(/\b(?:yuantou|http)_[a-z_]+\b/g) ?? [];
  return [...new Set(names.map((name) => name.replace(/_(bucket|sum|count)$/, '')))].sort();
}

function dashboardExpressions(): string {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    panels: { targets?: { expr: string }[] }[];
  };
  return dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((t) => t.expr)).join('\n');
}

describe('deploy/monitoring', () => {
  it('promtool accepts the alert rules, and their unit tests pass', () => {
    const check = promtool(['check', 'rules', RULES], MONITORING);
    expect(check.output).toContain('SUCCESS');
    expect(check.status).toBe(0);
    const unit = promtool(['test', 'rules', 'alerts.test.yml'], `${MONITORING}prometheus`);
    expect(unit.output).toContain('SUCCESS');
    expect(unit.status).toBe(0);
  });

  it('the dashboard and the rules name only metrics the proxy exports', async () => {
    const named = metricNames(`${dashboardExpressions()}\n${readFileSync(RULES, 'utf8')}`);
    // Every family the dashboard promises: paid calls per provider and buyer, cache, coalescing, 429/5xx,
    // budgets, latency, Redis, the answer database.
    expect(named).toEqual(
      expect.arrayContaining([
        'http_request_duration_seconds',
        'yuantou_buyer_calls_today',
        'yuantou_buyer_daily_budget',
        'yuantou_buyer_paid_calls_total',
        'yuantou_cache_total',
        'yuantou_coalesced_requests_total',
        'yuantou_provider_calls_today',
        'yuantou_provider_daily_budget',
        'yuantou_redis_errors_total',
        'yuantou_redis_up',
        'yuantou_store_errors_total',
        'yuantou_store_up',
        'yuantou_upstream_duration_seconds',
        'yuantou_upstream_requests_total',
      ]),
    );
    // Redis and a database configured (unreachable here) and a named buyer: every optional family is registered.
    const { app } = await startApp({
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      YUANTOU_STORE: 'on',
      DATABASE_URL: `postgres://yuantou@127.0.0.1:${await closedPort()}/yuantou`,
      YUANTOU_TOKENS: 'alice:alice-token-0123456789abcdef',
      YUANTOU_TOKEN_DAILY_CALLS: 'alice:100',
    });
    const exposition = (
      await app.inject({ url: '/metrics', headers: { authorization: 'Bearer alice-token-0123456789abcdef' } })
    ).body;
    const exported = new Set([...exposition.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
    expect(named.filter((name) => !exported.has(name))).toEqual([]);
  });
});
