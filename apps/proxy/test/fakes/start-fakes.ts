import { pathToFileURL } from 'node:url';
import { providerEnvName } from '../../src/config/env-names.js';
import { ALIBABA_FAKE_CREDENTIALS, startAlibabaFake } from './alibaba-fake.js';
import { DAJISAAS_FAKE_CREDENTIALS, startDajisaasFake } from './dajisaas-fake.js';
import type { FakeServer } from './fake-server.js';
import { ONEBOUND_FAKE_CREDENTIALS, startOneboundFake } from './onebound-fake.js';
import { PANDAPON_FAKE_CREDENTIALS, startPandaponFake } from './pandapon-fake.js';
import { startTmapiFake, TMAPI_FAKE_CREDENTIALS } from './tmapi-fake.js';

// `pnpm --filter @yuantou/proxy fakes`: all five fake providers on 127.0.0.1, and the env that points a proxy at
// them. Ports are fixed from FAKES_PORT (default 8790 → 8790–8794), or ephemeral with FAKES_PORT=0.

export interface RunningFakes {
  tmapi: FakeServer;
  onebound: FakeServer;
  alibaba: FakeServer;
  dajisaas: FakeServer;
  pandapon: FakeServer;
}

export async function startAllFakes(firstPort = 0): Promise<RunningFakes> {
  const port = (offset: number) => (firstPort === 0 ? 0 : firstPort + offset);
  return {
    tmapi: await startTmapiFake({ port: port(0) }),
    onebound: await startOneboundFake({ port: port(1) }),
    alibaba: await startAlibabaFake({ port: port(2) }),
    dajisaas: await startDajisaasFake({ port: port(3) }),
    pandapon: await startPandaponFake({ port: port(4) }),
  };
}

/** Each provider's credentials as the proxy's config takes them, `baseUrl` pointing at its fake. */
export function fakeCredentials(fakes: RunningFakes) {
  return {
    tmapi: { ...TMAPI_FAKE_CREDENTIALS, baseUrl: fakes.tmapi.url },
    onebound: { ...ONEBOUND_FAKE_CREDENTIALS, baseUrl: fakes.onebound.url },
    // The official gateway's paths start with `/openapi/`, as on gw.open.1688.com.
    alibaba: { ...ALIBABA_FAKE_CREDENTIALS, baseUrl: `${fakes.alibaba.url}/openapi` },
    dajisaas: { ...DAJISAAS_FAKE_CREDENTIALS, baseUrl: fakes.dajisaas.url },
    pandapon: { ...PANDAPON_FAKE_CREDENTIALS, baseUrl: fakes.pandapon.url },
  };
}

/** `YUANTOU_TMAPI_BASE_URL=…` and every credential variable, as the proxy's config loader reads them. */
export function fakeEnv(fakes: RunningFakes): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [provider, fields] of Object.entries(fakeCredentials(fakes))) {
    for (const [field, value] of Object.entries(fields)) {
      env[providerEnvName(provider as keyof RunningFakes, field)] = value;
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
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
