import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, expect } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, type ProxyConfig } from '../../src/config/load-config.js';
import { SecretScan } from '../secret-scan.js';
import { countingGateway } from './counting-gateway.js';

export interface TestApp {
  app: FastifyInstance;
  config: ProxyConfig;
  /** Every gateway search the app made, as `provider.operation`. */
  calls: string[];
  scan: SecretScan;
  /** `app.inject` that records each response body for the secret scan. */
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

/** A cwd with no yuantou.config.json, so only the env given is read. */
export const emptyDir = () => mkdtempSync(join(tmpdir(), 'yuantou-proxy-'));

/** A local port with nothing listening: calls to it fail fast with ECONNREFUSED. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // The answer store is off unless a test turns it on: PGlite's first start runs initdb (seconds).
  const config = loadConfig({ env: { LOG_LEVEL: 'info', YUANTOU_STORE: 'off', ...env }, cwd: emptyDir() });
  const scan = new SecretScan(config.secrets);
  const calls: string[] = [];
  const app = await buildApp(config, {
    logStream: scan.stream,
    wrapGateway: (gateway) => countingGateway(gateway, calls),
  });
  return {
    app,
    config,
    calls,
    scan,
    async inject(options) {
      const response = await app.inject(options);
      scan.record(response.body);
      return response;
    },
  };
}

/**
 * For a test file: returns a starter, and after each test checks the secret scan of the app it started and
 * closes it.
 */
export function useTestApp(): (env?: Record<string, string>) => Promise<TestApp> {
  let current: TestApp | undefined;
  afterEach(async () => {
    const started = current;
    current = undefined;
    if (!started) return;
    await started.app.close();
    expect(started.scan.leaks()).toEqual([]);
  });
  return async (env = {}) => {
    current = await buildTestApp(env);
    return current;
  };
}
