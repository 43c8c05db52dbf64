import { pathToFileURL } from 'node:url';
import type { ProviderId } from '@yuantou/core';
import { closeAllFakes, fakeCredentials, type RunningFakes, startAllFakes } from '@yuantou/core/testing';
import { providerEnvName } from '../src/config/env-names.js';

// `pnpm --filter @yuantou/proxy fakes`: every registered provider's fake on 127.0.0.1 (from
// `@yuantou/core/testing`, one per provider folder), and the env that points a proxy at them. Ports are fixed
// from FAKES_PORT (default 8790, 8791, … in registry order), or ephemeral with FAKES_PORT=0.

export { type RunningFakes, startAllFakes };

/** `YUANTOU_TMAPI_BASE_URL=…` and every credential variable, as the proxy's config loader reads them. */
export function fakeEnv(fakes: RunningFakes): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [provider, fields] of Object.entries(fakeCredentials(fakes))) {
    for (const [field, value] of Object.entries(fields ?? {})) {
      env[providerEnvName(provider as ProviderId, field)] = value;
    }
  }
  return env;
}

async function main() {
  const fakes = await startAllFakes(Number(process.env.FAKES_PORT ?? 8790));
  for (const fake of Object.values(fakes)) console.log(`${fake.name.padEnd(9)} ${fake.url}`);
  console.log('\n# point the proxy at the fakes (these credentials are fake):');
  for (const [name, value] of Object.entries(fakeEnv(fakes))) console.log(`export ${name}='${value}'`);
  const stop = async () => {
    await closeAllFakes(fakes);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
