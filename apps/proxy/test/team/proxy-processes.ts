import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Real proxy processes (src/server.ts through tsx, as `pnpm start` runs the built one), each with its own port
// and the env an operator would give it. What they log is kept for the test to read.

const PROXY_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface ProxyProcess {
  url: string;
  port: number;
  output: string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startProxyProcess(env: Record<string, string>): Promise<ProxyProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: PROXY_DIR,
    // Only the env below (and PATH), not the test runner's: apps/proxy holds no yuantou.config.json.
    // Each its own PGlite folder (unless the env names a database): an embedded database belongs to one process,
    // and three replicas opening apps/proxy/yuantou-data at once corrupted each other's daily spend. A team's
    // replicas share Postgres through DATABASE_URL (README "Deploy for a team").
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      YUANTOU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'yuantou-replica-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (data: Buffer) => output.push(data.toString()));
  child.stderr?.on('data', (data: Buffer) => output.push(data.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`proxy exited at start: ${output.join('')}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, port, output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`proxy did not start: ${output.join('')}`);
}
