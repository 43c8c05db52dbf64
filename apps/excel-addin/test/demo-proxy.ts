import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Starts the real proxy (apps/proxy/src/app.ts, demo data, no credentials) on a free loopback port, and
// counts the search requests it receives. Imported by path at run time so this package does not type-check
// (or build) the proxy's sources; vitest compiles them on the fly.

export interface DemoProxy {
  url: string;
  /** Search requests the proxy received (`/v1/...` except /v1/providers), by path. */
  requests: string[];
  /** Requests whose client went away before the answer (a cancelled cell). */
  aborted: string[];
  /** Calls the proxy sent to its providers for `operation` (all attempts, cache hits excluded). */
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

interface RegistryLike {
  getSingleMetric(
    name: string,
  ): { get(): Promise<{ values: { value: number; labels: Record<string, unknown> }[] }> } | undefined;
}

interface FastifyLike {
  addHook(name: string, hook: (request: { url: string }, ...rest: unknown[]) => unknown): void;
  listen(options: { host: string; port: number }): Promise<string>;
  close(): Promise<void>;
}

const proxySrc = fileURLToPath(new URL('../../proxy/src/', import.meta.url));

export async function startDemoProxy(options: Options = {}): Promise<DemoProxy> {
  const appModule = path.join(proxySrc, 'app.ts');
  const configModule = path.join(proxySrc, 'config/load-config.ts');
  const { buildApp } = (await import(/* @vite-ignore */ appModule)) as {
    buildApp(config: unknown, deps: unknown): Promise<FastifyLike>;
  };
  // The proxy's own prom-client (this package does not depend on it), to read its upstream call counter.
  const promClient = createRequire(appModule).resolve('prom-client');
  const { Registry } = (await import(/* @vite-ignore */ pathToFileURL(promClient).href)) as {
    Registry: new () => RegistryLike;
  };
  const { loadConfig } = (await import(/* @vite-ignore */ configModule)) as {
    loadConfig(options: { env: Record<string, string>; cwd: string }): unknown;
  };
  const config = loadConfig({
    env: { LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...options.env },
    cwd: mkdtempSync(path.join(tmpdir(), 'yuantou-proxy-')),
  });
  const registry = new Registry();
  const app = await buildApp(config, { wrapGateway: options.wrapGateway, registry });
  const requests: string[] = [];
  const aborted: string[] = [];
  const isSearch = (url: string) => url.startsWith('/v1/') && !url.startsWith('/v1/providers');
  app.addHook('onRequest', async (request) => {
    if (isSearch(request.url)) requests.push(request.url);
  });
  app.addHook('onRequestAbort', async (request) => {
    if (isSearch(request.url)) aborted.push(request.url);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const upstreamCalls = async (operation?: string) => {
    const metric = registry.getSingleMetric('yuantou_upstream_requests_total');
    const { values } = metric ? await metric.get() : { values: [] };
    return values
      .filter((v) => operation === undefined || v.labels.operation === operation)
      .reduce((sum, v) => sum + v.value, 0);
  };
  return {
    url: url.replace('localhost', '127.0.0.1'),
    requests,
    aborted,
    upstreamCalls,
    close: () => app.close(),
  };
}
