import { tmpdir } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type AppDeps, buildApp } from '../../src/app.js';
import { loadConfig, type ProxyConfig } from '../../src/config/load-config.js';
import { fakeEnv, type RunningFakes, startAllFakes } from '../start-fakes.js';

// The real proxy (config loader → buildApp → gateway → undici) listening on a real socket, every provider's
// baseUrl pointing at its fake. Retry and breaker timings are shrunk so the suite runs in seconds.

export const TEST_RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
export const TEST_CIRCUIT = { failureThreshold: 4, resetAfterMs: 400 };
export const TEST_TIMEOUT_MS = 800;

export { type RunningFakes, startAllFakes };

export interface RunningProxy {
  url: string;
  app: FastifyInstance;
  config: ProxyConfig;
  /** Every log line the proxy wrote. */
  logLines: string[];
  /** Every response body the tests read through `get`/`post`. */
  bodies: string[];
  get(path: string): Promise<ProxyAnswer>;
  post(path: string, body: unknown): Promise<ProxyAnswer>;
  close(): Promise<void>;
}

export interface ProxyAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field in the tests.
  body: any;
}

/** The proxy's config, as its loader builds it from the env start-fakes prints, with test timings on top. */
export function fakeConfig(fakes: RunningFakes, overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  const loaded = loadConfig({
    env: {
      ...fakeEnv(fakes),
      YUANTOU_DEMO: 'false',
      LOG_LEVEL: 'debug',
      YUANTOU_RATE_LIMIT_PER_MINUTE: '100000',
      // Off unless a test sets `store` (PGlite's first start runs initdb; tests keep their counts apart).
      YUANTOU_STORE: 'off',
    },
    // No yuantou.config.json is read from here.
    cwd: tmpdir(),
  });
  return {
    ...loaded,
    retry: TEST_RETRY,
    circuit: TEST_CIRCUIT,
    providers: loaded.providers.map((p) => ({
      ...p,
      requestsPerMinute: 100_000,
      concurrency: 50,
      timeoutMs: TEST_TIMEOUT_MS,
    })),
    ...overrides,
  };
}

export async function startProxy(config: ProxyConfig, deps: AppDeps = {}): Promise<RunningProxy> {
  const logLines: string[] = [];
  const bodies: string[] = [];
  const app = await buildApp(config, {
    ...deps,
    logStream: { write: (line: string) => void logLines.push(line) },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const answer = async (response: Response): Promise<ProxyAnswer> => {
    const text = await response.text();
    bodies.push(text);
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    url,
    app,
    config,
    logLines,
    bodies,
    get: async (path) => answer(await fetch(`${url}${path}`)),
    post: async (path, body) =>
      answer(
        await fetch(`${url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
    close: () => app.close(),
  };
}

export function resetFakes(fakes: RunningFakes): void {
  for (const fake of Object.values(fakes)) fake.reset();
}

/** Closes every fake; `undefined` (a `beforeAll` that failed before starting them) closes nothing. */
export async function closeFakes(fakes: RunningFakes | undefined): Promise<void> {
  if (!fakes) return;
  await Promise.all(Object.values(fakes).map((fake) => fake.close()));
}

/** `/v1/suppliers?q=…&provider=…` with any extra query fields. */
export function searchPath(
  route: string,
  keyword: string,
  provider: string,
  extra: Record<string, string> = {},
) {
  return `${route}?${new URLSearchParams({ q: keyword, provider, ...extra })}`;
}

/** What {@link useFakesAndProxy} gives a test file: the running fakes, and the proxy a test starts (closed after it). */
export interface FakesAndProxy {
  fakes: RunningFakes;
  proxy: RunningProxy | undefined;
  /** Starts the test's proxy (kept in `proxy`, closed after the test). */
  start(config: ProxyConfig, deps?: AppDeps): Promise<RunningProxy>;
}

/**
 * The lifecycle every end-to-end file on the shared fakes uses: every provider's fake started once for the file;
 * after each test the proxy it started (`await suite.start(config)`) is closed, `afterClose` checks what
 * it wrote (every line is written by then), and the fakes' behaviours and call counts are reset. Call at the top
 * of the file.
 */
export function useFakesAndProxy(
  options: { afterClose?: (proxy: RunningProxy) => void | Promise<void> } = {},
): FakesAndProxy {
  const suite = {
    proxy: undefined,
    async start(config: ProxyConfig, deps?: AppDeps) {
      suite.proxy = await startProxy(config, deps);
      return suite.proxy;
    },
  } as FakesAndProxy;
  beforeAll(async () => {
    suite.fakes = await startAllFakes();
  });
  afterEach(async () => {
    const proxy = suite.proxy;
    suite.proxy = undefined;
    try {
      await proxy?.close();
      if (proxy) await options.afterClose?.(proxy);
    } finally {
      resetFakes(suite.fakes);
    }
  });
  afterAll(() => closeFakes(suite.fakes));
  return suite;
}
