// The two system services the test suites need — redis-server (the proxy's shared cache, locks and limits) and a
// Chromium (the task-pane browser test; Playwright's own browser download does not work behind our firewall) —
// found, installed when missing, and Redis started on a free port for one run.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
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

// --- Postgres: the answer store's tests run against PGlite and a real Postgres (TEST_DATABASE_URL). -----------

/**
 * The folder holding Debian's (or Homebrew's) `initdb` and `postgres`: on PATH, else the newest
 * /usr/lib/postgresql/<version>/bin, where Debian's `postgresql` package puts them (not on PATH).
 */
export function findPostgresBin(env = process.env) {
  const initdb = which('initdb', env);
  // Resolved: /usr/local/bin may hold links to initdb and postgres only, without pg_isready next to them.
  if (initdb && which('postgres', env)) return path.dirname(realpathSync(initdb));
  const debian = '/usr/lib/postgresql';
  let versions = [];
  try {
    versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
  } catch {
    return undefined;
  }
  for (const version of versions) {
    const bin = path.join(debian, version, 'bin');
    if (isExecutable(path.join(bin, 'initdb')) && isExecutable(path.join(bin, 'postgres'))) return bin;
  }
  return undefined;
}

/** Finds the Postgres binaries, installing Debian's `postgresql` (or Homebrew's) when missing. */
export function ensurePostgres(env = process.env) {
  const found = findPostgresBin(env);
  if (found) return found;
  const plan =
    process.platform === 'darwin' && which('brew', env)
      ? { steps: [['brew', ['install', 'postgresql']]] }
      : installPlan(['postgresql'], { env });
  if (plan.message)
    throw new Error(plan.message.replace('redis-server and Chromium (or Chrome)', 'postgresql'));
  console.log('verify: installing postgresql');
  const installEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const [command, args] of plan.steps) {
    if (!run(command, args, installEnv)) throw new Error(`verify: \`${command} ${args.join(' ')}\` failed`);
  }
  const bin = findPostgresBin(env);
  if (!bin) throw new Error('verify: still missing postgresql after installing');
  return bin;
}

/** Postgres refuses to run as root: as root, run it as Debian's `postgres` user (created by the package). */
function postgresUser() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error('verify: running as root and no `postgres` user exists');
  return { uid, gid };
}

/** Resolves when `pg_isready` says the server at `port` accepts connections, rejects after `timeoutMs`. */
async function waitForPostgres(bin, port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
      stdio: 'ignore',
    });
    if (ready.status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`postgres did not accept connections on port ${port}`);
}

/**
 * Starts a throw-away Postgres (a fresh cluster in a temp folder, loopback only, trust auth for the `yuantou`
 * superuser) as a child of this process. The tests create one database each. `stop()` ends it and removes
 * the folder.
 */
export async function startPostgres(bin) {
  const dir = mkdtempSync(path.join(tmpdir(), 'yuantou-postgres-'));
  const user = postgresUser();
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const init = spawnSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'yuantou', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    { stdio: 'ignore', ...user },
  );
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('verify: initdb failed');
  }
  for (let tries = 0; ; tries++) {
    const port = await freePort();
    const child = spawn(
      path.join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
      { stdio: 'ignore', ...user },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await Promise.race([
        waitForPostgres(bin, port, 30_000),
        exited.then((code) => {
          throw new Error(`postgres exited with ${code}`);
        }),
      ]);
    } catch (error) {
      child.kill();
      await exited;
      if (tries < 3) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGINT: Postgres's fast shutdown (disconnects clients, no waiting on them).
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    };
    return { url: `postgres://yuantou@127.0.0.1:${port}/postgres`, stop, kill: () => child.kill('SIGKILL') };
  }
}
