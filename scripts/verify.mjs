// `pnpm verify`: what CI runs and what the README's second command runs on a fresh machine. Biome, then the
// system services the tests need (installed when missing, Redis started on a free port and stopped afterwards),
// then typecheck and every test through turbo. Extra arguments go to turbo (`pnpm verify --filter @yuantou/core`).
//
// REDIS_URL / CHROMIUM_PATH already set in the environment are used as they are: nothing is started then.
import { spawn } from 'node:child_process';
import { ensureTools, startRedis } from './test-services.mjs';

const exec = (command, args, env = process.env) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`verify: cannot run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

async function main() {
  const lint = await exec('biome', ['check', '.']);
  if (lint !== 0) return lint;

  let tools;
  try {
    tools = ensureTools();
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
  try {
    return await exec('turbo', ['run', 'typecheck', 'test', ...process.argv.slice(2)], env);
  } finally {
    await redis?.stop();
  }
}

process.exitCode = await main();
