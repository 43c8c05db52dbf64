// `pnpm verify`: what CI runs and what the README's second command runs on a fresh machine. Biome, then the
// system services the tests need (installed when missing, Redis started on a free port and stopped afterwards),
// then typecheck and every test through turbo. Extra arguments go to turbo (`pnpm verify --filter @yuantou/core`).
//
// REDIS_URL / CHROMIUM_PATH / TEST_DATABASE_URL already set in the environment are used as they are: nothing is
// started then. TEST_DATABASE_URL is a throw-away Postgres the answer store's tests create their databases in.
import { spawn } from 'node:child_process';
import { ensurePostgres, ensureTeamTools, ensureTools, startPostgres, startRedis } from './test-services.mjs';

const exec = (command, args, env = process.env) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`verify: cannot run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

/**
 * The team-deployment tests (issue 28) start their own Sentinel group, three-node Cluster and nginx from
 * test-services.mjs, and check the alert rules with promtool: install those when missing.
 */
function teamTools() {
  const found = ensureTeamTools();
  console.log(
    `verify: redis-sentinel at ${found.redisSentinel}, nginx at ${found.nginx}, promtool at ${found.promtool}`,
  );
}

/** A throw-away Postgres for the answer store's tests, unless TEST_DATABASE_URL names one; its stop function. */
async function postgresFor(env) {
  if (env.TEST_DATABASE_URL) return undefined;
  const postgres = await startPostgres(ensurePostgres(env));
  env.TEST_DATABASE_URL = postgres.url;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.prependListener(signal, () => postgres.kill());
  console.log(`verify: postgres at ${postgres.url} (started for this run)`);
  return postgres;
}

async function main() {
  const lint = await exec('biome', ['check', '.']);
  if (lint !== 0) return lint;

  let tools;
  try {
    tools = ensureTools();
    teamTools();
  } catch (error) {
    console.error(error.message);
    return 1;
  }
  const env = { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM_PATH || tools.chromium };
  let redis;
  if (!env.REDIS_URL) {
    redis = await startRedis(tools.redisServer);
    env.REDIS_URL = redis.url;
    // Ctrl-C or a CI cancel must not leave a redis-server behind.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        redis.kill();
        process.exit(130);
      });
    }
  }
  console.log(
    `verify: redis at ${env.REDIS_URL}${redis ? ' (started for this run)' : ''}, chromium at ${env.CHROMIUM_PATH}`,
  );
  let postgres;
  try {
    postgres = await postgresFor(env);
  } catch (error) {
    console.error(error.message);
    await redis?.stop();
    return 1;
  }
  try {
    return await exec('turbo', ['run', 'typecheck', 'test', ...process.argv.slice(2)], env);
  } finally {
    await redis?.stop();
    await postgres?.stop();
  }
}

process.exitCode = await main();
