// The two system services the test suites need — redis-server (the proxy's shared cache, locks and limits) and a
// Chromium (the task-pane browser test; Playwright's own browser download does not work behind our firewall) —
// found, installed when missing, and Redis started on a free port for one run.
import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

// ——— Team deployment topologies (issue 28): Sentinel, Cluster, nginx, promtool ———

/** The Debian package that brings each tool the team-deployment tests need. */
const TEAM_TOOL_PACKAGES = { 'redis-sentinel': 'redis-sentinel', nginx: 'nginx', promtool: 'prometheus' };

/** `which`, also looking in the sbin folders a non-root PATH often leaves out (Debian installs nginx there). */
export function findTool(name, env = process.env) {
  return (
    which(name, env) ??
    ['/usr/sbin', '/usr/local/sbin', '/sbin'].map((dir) => path.join(dir, name)).find(isExecutable)
  );
}

/**
 * Finds redis-sentinel, nginx and promtool, installing the missing ones with apt-get as `ensureTools` installs
 * redis-server. Returns their paths, or throws an Error whose message is the one line a person needs.
 */
export function ensureTeamTools(env = process.env) {
  const missing = Object.keys(TEAM_TOOL_PACKAGES).filter((tool) => !findTool(tool, env));
  if (missing.length > 0) {
    const packages = missing.map((tool) => TEAM_TOOL_PACKAGES[tool]);
    const plan =
      process.platform === 'linux'
        ? installPlan(packages, { env })
        : {
            message: `missing ${missing.join(', ')}: install them (Homebrew: brew install redis nginx prometheus)`,
          };
    if (plan.message) throw new Error(plan.message);
    console.log(`verify: installing ${packages.join(', ')}`);
    const installEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const [command, args] of plan.steps) {
      if (!run(command, args, installEnv)) throw new Error(`verify: \`${command} ${args.join(' ')}\` failed`);
    }
  }
  const found = Object.fromEntries(
    Object.keys(TEAM_TOOL_PACKAGES).map((tool) => [tool, findTool(tool, env)]),
  );
  const still = Object.keys(found).filter((tool) => !found[tool]);
  if (still.length > 0) throw new Error(`verify: still missing ${still.join(', ')} after installing`);
  return { redisSentinel: found['redis-sentinel'], nginx: found.nginx, promtool: found.promtool };
}

/**
 * A port that is free and whose Cluster bus port (+10000, redis.io "Cluster specification") is free too. Both stay
 * below Linux's ephemeral range (32768–60999, /proc/sys/net/ipv4/ip_local_port_range): a port chosen inside it can
 * be taken by any outgoing connection between this probe and redis-server's bind, which is how a CI run lost its
 * sentinel. Random in the band so parallel test files rarely race for the same one.
 */
async function freeClusterPort() {
  const listens = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 2_700);
    if ((await listens(port)) && (await listens(port + 10_000))) return port;
  }
}

/** Sends one command to the Redis (or sentinel) at `port` and resolves with its raw RESP reply text. */
export function redisCommand(port, args, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply from port ${port}`));
    }, timeoutMs);
    let reply = '';
    socket.on('connect', () =>
      socket.write(
        `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`,
      ),
    );
    socket.on('data', (data) => {
      reply += data.toString();
      // Every reply the helpers below read fits in one chunk and ends with CRLF.
      if (reply.endsWith('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(reply);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function waitUntil(what, check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts processes and stops them all (SIGKILL for the ones a test already killed is harmless). */
function processGroup(dir) {
  const children = new Map();
  return {
    spawn(name, command, args) {
      const child = spawn(command, args, { stdio: 'ignore', cwd: dir });
      children.set(name, child);
      return child;
    },
    kill(name) {
      children.get(name)?.kill('SIGKILL');
    },
    async stop() {
      await Promise.all(
        [...children.values()].map((child) => {
          if (child.exitCode !== null || child.signalCode !== null) return undefined;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          return exited;
        }),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const serverArgs = (port, dir) => [
  '--port',
  String(port),
  '--bind',
  '127.0.0.1',
  '--save',
  '',
  '--appendonly',
  'no',
  '--dir',
  dir,
];

/**
 * A master, one replica of it and one sentinel watching it as `name` (quorum 1, master declared down after
 * `downAfterMs`), on loopback. Resolves once the sentinel knows the replica, so a failover can promote it.
 * `killMaster()` SIGKILLs the master process; `stop()` ends everything.
 */
export function startSentinelGroup(redisServer, redisSentinel, options = {}) {
  return onFreshPorts(() => startSentinelGroupOnce(redisServer, redisSentinel, options));
}

/**
 * A start can fail when another process takes a probed port before a server binds it: try again (each try probes
 * fresh ports), and give up with the last error, which says what the servers logged.
 */
async function onFreshPorts(start, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

async function startSentinelGroupOnce(redisServer, redisSentinel, { name = 'yuantou', downAfterMs = 1000 }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'yuantou-sentinel-'));
  const group = processGroup(dir);
  try {
    const [masterPort, replicaPort, sentinelPort] = [
      await freeClusterPort(),
      await freeClusterPort(),
      await freeClusterPort(),
    ];
    group.spawn('master', redisServer, serverArgs(masterPort, dir));
    await waitForPong(masterPort, 10_000);
    group.spawn('replica', redisServer, [
      ...serverArgs(replicaPort, dir),
      '--replicaof',
      '127.0.0.1',
      String(masterPort),
    ]);
    await waitUntil('the replica to sync', async () =>
      (await redisCommand(replicaPort, ['INFO', 'replication'])).includes('master_link_status:up'),
    );
    const config = path.join(dir, 'sentinel.conf');
    writeFileSync(
      config,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
        `sentinel down-after-milliseconds ${name} ${downAfterMs}`,
        `sentinel failover-timeout ${name} ${downAfterMs * 4}`,
        `sentinel parallel-syncs ${name} 1`,
        `logfile ${path.join(dir, 'sentinel.log')}`,
        '',
      ].join('\n'),
    );
    group.spawn('sentinel', redisSentinel, [config]);
    await waitUntil('the sentinel to know the replica', async () =>
      (await redisCommand(sentinelPort, ['SENTINEL', 'REPLICAS', name])).includes(String(replicaPort)),
    ).catch((error) => {
      const log = path.join(dir, 'sentinel.log');
      const tail = existsSync(log)
        ? readFileSync(log, 'utf8').trim().split('\n').slice(-8).join('\n')
        : '(no log)';
      throw new Error(`${error.message}; the sentinel logged:\n${tail}`);
    });
    return {
      name,
      sentinels: `127.0.0.1:${sentinelPort}`,
      masterPort,
      replicaPort,
      /** Resolves with the port the sentinel names as master now. */
      currentMasterPort: async () =>
        Number(
          /\$\d+\r\n(\d+)\r\n$/.exec(
            await redisCommand(sentinelPort, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name]),
          )?.[1],
        ),
      killMaster: () => group.kill('master'),
      stop: () => group.stop(),
    };
  } catch (error) {
    await group.stop();
    throw error;
  }
}

/**
 * Three master nodes sharing the 16384 slots (no replicas), on loopback, resolved once every node reports
 * `cluster_state:ok`. Slots are assigned and nodes introduced with CLUSTER ADDSLOTSRANGE / CLUSTER MEET (Redis 7),
 * so nothing but redis-server is needed.
 */
export function startRedisCluster(redisServer) {
  return onFreshPorts(() => startRedisClusterOnce(redisServer));
}

async function startRedisClusterOnce(redisServer) {
  const dir = mkdtempSync(path.join(tmpdir(), 'yuantou-cluster-'));
  const group = processGroup(dir);
  try {
    const ports = [await freeClusterPort(), await freeClusterPort(), await freeClusterPort()];
    for (const port of ports) {
      group.spawn(String(port), redisServer, [
        ...serverArgs(port, dir),
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `nodes-${port}.conf`,
        '--cluster-node-timeout',
        '2000',
      ]);
    }
    for (const port of ports) await waitForPong(port, 10_000);
    const ranges = [
      [0, 5460],
      [5461, 10922],
      [10923, 16383],
    ];
    for (const [i, port] of ports.entries()) {
      await redisCommand(port, ['CLUSTER', 'ADDSLOTSRANGE', ranges[i][0], ranges[i][1]]);
      if (i > 0) await redisCommand(port, ['CLUSTER', 'MEET', '127.0.0.1', ports[0]]);
    }
    for (const port of ports) {
      await waitUntil(`cluster node ${port} to be ok`, async () =>
        (await redisCommand(port, ['CLUSTER', 'INFO'])).includes('cluster_state:ok'),
      );
    }
    return { nodes: ports.map((port) => `127.0.0.1:${port}`).join(','), ports, stop: () => group.stop() };
  } catch (error) {
    await group.stop();
    throw error;
  }
}

/**
 * nginx on loopback, round-robin over `upstreams` (`127.0.0.1:port` each), as the team compose file puts it in
 * front of the replicas: keep-alive to the replicas, no buffering of answers, and the client's address passed
 * on. Everything nginx writes (pid, logs, temp files) stays in its own directory. Resolves once it answers.
 */
export async function startNginx(nginx, upstreams) {
  const dir = mkdtempSync(path.join(tmpdir(), 'yuantou-nginx-'));
  const group = processGroup(dir);
  try {
    const port = await freePort();
    const config = path.join(dir, 'nginx.conf');
    writeFileSync(
      config,
      `# Generated by scripts/test-services.mjs for one test run.
${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream yuantou { ${upstreams.map((u) => `server ${u};`).join(' ')} keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 6m;
    location / {
      proxy_pass http://yuantou;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 120s;
      proxy_next_upstream off;
    }
  }
}
`,
    );
    group.spawn('nginx', nginx, ['-p', dir, '-c', config, '-g', 'daemon off;']);
    await waitUntil('nginx to answer', async () => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      return new Promise((resolve) => {
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    });
    return { url: `http://127.0.0.1:${port}`, stop: () => group.stop() };
  } catch (error) {
    await group.stop();
    throw error;
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
