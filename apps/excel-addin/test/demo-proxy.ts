import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AppDeps, buildApp, loadConfig } from '@yuantou/proxy/testing';

// Starts the real proxy (`@yuantou/proxy`, built, demo data, no credentials) on a free loopback port, and
// counts the search requests it receives. A declared devDependency, so turbo builds the proxy first and re-runs
// these tests whenever it changes.

export interface DemoProxy {
  url: string;
  /** Search requests the proxy received (`/v1/...` except /v1/providers), by path. */
  requests: string[];
  /** Requests whose client went away before the answer (a cancelled cell). */
  aborted: string[];
  /** Calls the proxy sent to its providers for `operation` (every attempt; cache hits excluded), from /metrics. */
  upstreamCalls(operation?: string): Promise<number>;
  close(): Promise<void>;
}

interface Options {
  env?: Record<string, string>;
  /** Wraps the proxy's gateway, e.g. to slow it down or make a provider fail. */
  wrapGateway?: (gateway: GatewayLike) => GatewayLike;
}

export interface GatewayLike {
  search(provider: string, operation: string, query: unknown, signal?: AbortSignal): Promise<unknown>;
  getOffer?(
    provider: string,
    query: { id: string; language?: string },
    signal?: AbortSignal,
  ): Promise<unknown>;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

/** The sum of `yuantou_upstream_requests_total` series in Prometheus text, for one operation or all. */
export function upstreamCallsIn(metrics: string, operation?: string): number {
  let total = 0;
  for (const line of metrics.split('\n')) {
    const match = /^yuantou_upstream_requests_total\{([^}]*)\} (\S+)$/.exec(line);
    if (!match) continue;
    if (operation !== undefined && !match[1]!.includes(`operation="${operation}"`)) continue;
    total += Number(match[2]);
  }
  return total;
}

export async function startDemoProxy(options: Options = {}): Promise<DemoProxy> {
  const config = loadConfig({
    env: { LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...options.env },
    cwd: mkdtempSync(path.join(tmpdir(), 'yuantou-proxy-')),
  });
  // The tests' wrappers only touch search/getOffer/isReady/close; the proxy's gateway type is wider.
  const app = await buildApp(config, { wrapGateway: options.wrapGateway as AppDeps['wrapGateway'] });
  const requests: string[] = [];
  const aborted: string[] = [];
  const isSearch = (url: string) => url.startsWith('/v1/') && !url.startsWith('/v1/providers');
  app.addHook('onRequest', async (request) => {
    if (isSearch(request.url)) requests.push(request.url);
  });
  app.addHook('onRequestAbort', async (request) => {
    if (isSearch(request.url)) aborted.push(request.url);
  });
  const url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  const upstreamCalls = async (operation?: string) => {
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    return upstreamCallsIn(response.body, operation);
  };
  return { url, requests, aborted, upstreamCalls, close: () => app.close() };
}
