// The two system services the test suites need — redis-server (the proxy's shared cache, locks and limits) and a
// Chromium (the task-pane browser test; Playwright's own browser download does not work behind our firewall) —
// found, installed when missing, and Redis started on a free port for one run.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MAC_CHROMES = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first executable called `name` on PATH (what `command -v` answers), or undefined. */
export function which(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

export function findRedisServer(env = process.env) {
  return which('redis-server', env);
}

/** CHROMIUM_PATH when it points at an executable, else a Chromium or Chrome on PATH or in /Applications. */
export function findChromium(env = process.env, platform = process.platform) {
  if (env.CHROMIUM_PATH && isExecutable(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  for (const name of CHROMIUM_NAMES) {
    const found = which(name, env);
    if (found) return found;
  }
  if (platform === 'darwin') return MAC_CHROMES.find(isExecutable);
  return undefined;
}

const run = (command, args, env) => spawnSync(command, args, { stdio: 'inherit', env }).status === 0;

/**
 * What to run to install the missing tools here, or a one-line instruction when this process cannot do it
 * itself. Debian/Ubuntu: apt-get as root (or through password-less sudo); macOS: Homebrew.
 */
export function installPlan(missing, { env = process.env, platform = process.platform, uid } = {}) {
  const effectiveUid = uid ?? process.getuid?.();
  if (platform === 'darwin') {
    const formulae = { 'redis-server': ['install', 'redis'], chromium: ['install', '--cask', 'chromium'] };
    if (which('brew', env)) return { steps: missing.map((tool) => ['brew', formulae[tool]]) };
    return {
      message: `missing ${missing.join(' and ')}: install Homebrew (https://brew.sh), then ${missing
        .map((tool) => `brew ${formulae[tool].join(' ')}`)
        .join(' && ')}`,
    };
  }
  if (platform === 'linux' && which('apt-get', env)) {
    const packages = missing.map((tool) => (tool === 'chromium' ? chromiumPackage(env) : tool));
    const apt = [
      ['apt-get', ['update', '-qq']],
      ['apt-get', ['install', '-y', '-qq', ...packages]],
    ];
    if (effectiveUid === 0) return { steps: apt };
    if (which('sudo', env) && spawnSync('sudo', ['-n', 'true'], { env, stdio: 'ignore' }).status === 0) {
      return {
        steps: apt.map(([command, args]) => [
          'sudo',
          ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', command, ...args],
        ]),
      };
    }
    return {
      message: `missing ${missing.join(' and ')}: run  sudo apt-get install -y ${packages.join(' ')}`,
    };
  }
  return {
    message: `missing ${missing.join(' and ')}: install redis-server and Chromium (or Chrome), or set CHROMIUM_PATH`,
  };
}

/** Debian ships `chromium`; Ubuntu only has `chromium-browser`. */
function chromiumPackage(env) {
  const policy = spawnSync('apt-cache', ['policy', 'chromium'], { env, encoding: 'utf8' });
  return /Candidate: (?!\(none\))/.test(policy.stdout ?? '') ? 'chromium' : 'chromium-browser';
}

/**
 * Finds redis-server and Chromium, installing whichever is missing. Returns their paths, or throws an Error
 * whose message is the one line a person needs to fix it.
 */
export function ensureTools(env = process.env) {
  const missing = [];
  if (!findRedisServer(env)) missing.push('redis-server');
  if (!findChromium(env)) missing.push('chromium');
  if (missing.length > 0) {
    const plan = installPlan(missing, { env });
    if (plan.message) throw new Error(plan.message);
    console.log(`verify: installing ${missing.join(' and ')}`);
    const installEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const [command, args] of plan.steps) {
      if (!run(command, args, installEnv)) throw new Error(`verify: \`${command} ${args.join(' ')}\` failed`);
    }
  }
  const redisServer = findRedisServer(env);
  const chromium = findChromium(env);
  if (!redisServer || !chromium) {
    throw new Error(`verify: still missing ${!redisServer ? 'redis-server' : 'a Chromium'} after installing`);
  }
  return { redisServer, chromium };
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Resolves when a Redis at `port` answers PING, rejects after `timeoutMs`. */
function waitForPong(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      const retry = () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`redis-server did not answer on port ${port}`));
        else setTimeout(attempt, 50);
      };
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (data) => {
        socket.destroy();
        if (data.toString().startsWith('+PONG')) resolve();
        else retry();
      });
      socket.on('error', retry);
    };
    attempt();
  });
}

/**
 * Starts a throw-away redis-server (no persistence, loopback only) as a child of this process.
 * `stop()` ends it and removes its directory; the child also dies with this process.
 */
export async function startRedis(redisServer) {
  const dir = mkdtempSync(path.join(tmpdir(), 'yuantou-redis-'));
  for (let tries = 0; ; tries++) {
    const port = await freePort();
    const child = spawn(
      redisServer,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await Promise.race([
        waitForPong(port, 10_000),
        exited.then((code) => {
          throw new Error(`redis-server exited with ${code}`);
        }),
      ]);
    } catch (error) {
      child.kill();
      // Another process may have taken the port between the probe and redis-server's bind: try another one.
      if (tries < 3) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    };
    return { url: `redis://127.0.0.1:${port}`, stop, kill: () => child.kill('SIGKILL') };
  }
}
