// `pnpm bench`, the team topology (issue 28): cache-hit requests/s through nginx with one and with two replicas
// against one replica directly, and paid calls for 1,000 requests over three replicas against one replica.
// Replicas are real processes sharing one Redis. On a two-core machine, nginx, the replicas and the load
// generator share the cores: the ratios show what nginx costs and whether a second replica adds anything there,
// not how a team's servers scale.

import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { ROUTES } from '@yuantou/core';
import { startAllFakes } from '@yuantou/core/testing';
import type autocannon from 'autocannon';
import { findRedisServer, findTool, startNginx, startRedis } from '../../../scripts/test-services.mjs';
import { fakeEnv } from '../test/start-fakes.js';
import { type ProxyProcess, startProxyProcess } from '../test/team/proxy-processes.js';

const AUTOCANNON_BIN = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const run = promisify(execFile);

async function requestsPerSecond(url: string, seconds: number): Promise<number> {
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export async function teamBenchmark(rounds: number, seconds: number) {
  const redisServer = findRedisServer();
  const nginxBinary = findTool('nginx');
  if (!redisServer || !nginxBinary) return undefined;
  const fakes = await startAllFakes(0);
  const redis = await startRedis(redisServer);
  // No client limit: the load generator is one client.
  const env = {
    ...fakeEnv(fakes),
    YUANTOU_DEMO: 'false',
    REDIS_URL: redis.url,
    LOG_LEVEL: 'warn',
    YUANTOU_RATE_LIMIT_PER_MINUTE: '100000000',
    // The provider's own limits would make requests wait past their deadline: count calls, not queueing.
    YUANTOU_TMAPI_REQUESTS_PER_MINUTE: '1000000',
    YUANTOU_TMAPI_CONCURRENCY: '200',
    // As compose.yaml sets it. With the proxy's 50 ms default, three replicas on a loaded two-core machine paid
    // 159 calls for 100 distinct searches (Redis answers slower than 50 ms, so lookups fall back to local misses);
    // BENCH_REDIS_TIMEOUT_MS=50 shows it.
    YUANTOU_REDIS_COMMAND_TIMEOUT_MS: process.env.BENCH_REDIS_TIMEOUT_MS ?? '500',
  };
  const replicas: ProxyProcess[] = await Promise.all([1, 2, 3].map(() => startProxyProcess(env)));
  const upstreams = (n: number) => replicas.slice(0, n).map((r) => `127.0.0.1:${r.port}`);
  const [one, two, three] = await Promise.all([
    startNginx(nginxBinary, upstreams(1)),
    startNginx(nginxBinary, upstreams(2)),
    startNginx(nginxBinary, upstreams(3)),
  ]);
  try {
    const hit = `${ROUTES.products}?q=${encodeURIComponent('玩具')}&provider=tmapi`;
    for (const base of [replicas[0]!.url, replicas[1]!.url]) await fetch(`${base}${hit}`);
    const ratios = { oneBehindNginx: [] as number[], twoBehindNginx: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const direct = await requestsPerSecond(`${replicas[0]!.url}${hit}`, seconds);
      ratios.oneBehindNginx.push((await requestsPerSecond(`${one.url}${hit}`, seconds)) / direct);
      ratios.twoBehindNginx.push((await requestsPerSecond(`${two.url}${hit}`, seconds)) / direct);
    }

    // 1,000 requests, 100 distinct searches, 50 at a time: through nginx over three replicas, then to one.
    const paidCalls = async (base: string, label: string) => {
      const before = fakes.tmapi.calls.count();
      let ok = 0;
      const paths = Array.from(
        { length: 1000 },
        (_, i) => `${ROUTES.products}?q=${encodeURIComponent(`${label}${i % 100}`)}&provider=tmapi`,
      );
      for (let i = 0; i < paths.length; i += 50) {
        await Promise.all(
          paths.slice(i, i + 50).map(async (path) => {
            const response = await fetch(`${base}${path}`);
            await response.arrayBuffer();
            if (response.ok) ok++;
          }),
        );
      }
      return { calls: fakes.tmapi.calls.count() - before, ok };
    };
    return {
      oneBehindNginx: median(ratios.oneBehindNginx),
      twoBehindNginx: median(ratios.twoBehindNginx),
      rounds,
      paidCallsThreeReplicas: await paidCalls(three.url, '三副本'),
      paidCallsOneReplica: await paidCalls(replicas[0]!.url, '一副本'),
    };
  } finally {
    await Promise.all([one.stop(), two.stop(), three.stop()]);
    await Promise.all(replicas.map((r) => r.stop()));
    await redis.stop();
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
  }
}
