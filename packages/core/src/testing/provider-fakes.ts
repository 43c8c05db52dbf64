import type { ProviderId } from '../models/provider-id.js';
import type { AnyProviderAdapter } from '../providers/provider-contract.js';
import { type AdapterById, getProvider, listProviders } from '../providers/registry.js';
import type { FakeServer } from './fake-server.js';
import type { FakeStartOptions, ProviderFake } from './provider-fake-contract.js';

export type { FakeStartOptions, ProviderFake };

// Every provider that calls the network has a fake beside its adapter, `providers/<id>/<id>-fake.ts`, exporting
// `fake`. Callers enumerate them from the registry (`networkProviderIds()`), never from a list of their own.

/** Registered providers whose adapter calls a server (no in-process `respond`), derived from the registry type. */
export type NetworkProviderId = {
  [Id in ProviderId]: AdapterById[Id] extends { respond: unknown } ? never : Id;
}[ProviderId];

export type RunningFakes = Record<NetworkProviderId, FakeServer>;

/** Providers that reach a server: every registered one but adapters that answer in-process (`respond`). */
export function networkProviderIds(): NetworkProviderId[] {
  return listProviders()
    .map((info) => info.id)
    .filter((id): id is NetworkProviderId => (getProvider(id) as AnyProviderAdapter).respond === undefined);
}

function isProviderFake(value: unknown, id: ProviderId): value is ProviderFake {
  const fake = value as Partial<ProviderFake> | undefined;
  return fake?.id === id && typeof fake.start === 'function' && typeof fake.errors === 'object';
}

/**
 * Where each network provider's fake lives. Typed against the registry: a provider added to `registry.ts` without
 * a fake here fails to compile, and `provider-folders.node.test.ts` checks the folder provides it.
 */
const FAKE_MODULES: Record<NetworkProviderId, () => Promise<{ fake?: unknown }>> = {
  tmapi: () => import('../providers/tmapi/tmapi-fake.js'),
  onebound: () => import('../providers/onebound/onebound-fake.js'),
  alibaba: () => import('../providers/alibaba/alibaba-fake.js'),
  dajisaas: () => import('../providers/dajisaas/dajisaas-fake.js'),
  pandapon: () => import('../providers/pandapon/pandapon-fake.js'),
};

/** The fake in `providers/<id>/<id>-fake.ts` (its `fake` export); throws for a provider without one. */
export async function loadFake(id: ProviderId): Promise<ProviderFake> {
  const load = (FAKE_MODULES as Partial<Record<ProviderId, () => Promise<{ fake?: unknown }>>>)[id];
  const module = load ? await load() : {};
  if (!isProviderFake(module.fake, id)) {
    throw new Error(`providers/${id}/${id}-fake.ts must export \`fake\`, a ProviderFake with id "${id}"`);
  }
  return module.fake;
}

/** Every network provider's fake on 127.0.0.1: ports `firstPort`, `firstPort + 1`, … or ephemeral with 0. */
export async function startAllFakes(firstPort = 0): Promise<RunningFakes> {
  const running: Partial<Record<ProviderId, FakeServer>> = {};
  for (const [offset, id] of networkProviderIds().entries()) {
    const fake = await loadFake(id);
    running[id] = await fake.start({ port: firstPort === 0 ? 0 : firstPort + offset });
  }
  return running as RunningFakes;
}

/** Each running fake's credentials as an adapter (or the proxy's config) takes them, `baseUrl` included. */
export function fakeCredentials(
  fakes: Partial<RunningFakes>,
): Partial<Record<ProviderId, Record<string, string>>> {
  return Object.fromEntries(Object.entries(fakes).map(([id, server]) => [id, { ...server.credentials }]));
}

export async function closeAllFakes(fakes: Partial<RunningFakes>): Promise<void> {
  await Promise.all(Object.values(fakes).map((server) => server.close()));
}
