import type * as z from 'zod';
import type { ProviderId } from '../models/provider-id.js';
import { alibabaAdapter } from './alibaba/alibaba-adapter.js';
import { dajisaasAdapter } from './dajisaas/dajisaas-adapter.js';
import { demoAdapter } from './demo/demo-adapter.js';
import { oneboundAdapter } from './onebound/onebound-adapter.js';
import { pandaponAdapter } from './pandapon/pandapon-adapter.js';
import type { AnyProviderAdapter, OperationName, ProviderInfo, SupplierSource } from './provider-contract.js';
import { tmapiAdapter } from './tmapi/tmapi-adapter.js';

// Adding a provider: one folder under providers/ and one line here.
const ADAPTERS = {
  tmapi: tmapiAdapter,
  onebound: oneboundAdapter,
  alibaba: alibabaAdapter,
  dajisaas: dajisaasAdapter,
  pandapon: pandaponAdapter,
  demo: demoAdapter,
} as const satisfies Record<ProviderId, AnyProviderAdapter>;

/** Every built-in adapter by provider id, with its own credentials type. */
export type AdapterById = typeof ADAPTERS;

/** The adapter of a provider id; throws `RangeError` for an unknown id (e.g. from plain JavaScript). */
export function getProvider<Id extends ProviderId>(id: Id): AdapterById[Id] {
  const adapter = ADAPTERS[id];
  if (!adapter) throw new RangeError(`unknown provider "${String(id)}"`);
  return adapter;
}

const OPERATIONS: OperationName[] = ['searchSuppliers', 'searchProducts', 'searchProductsByImage'];

/**
 * How an adapter answers a supplier search: `native`, `fromProducts` (grouping its product listings by seller,
 * see {@link suppliersFromProducts}) or `none`.
 */
export function supplierSource(adapter: AnyProviderAdapter): SupplierSource {
  if (adapter.searchSuppliers) return 'native';
  return adapter.searchProducts && adapter.listingsNameSeller !== false ? 'fromProducts' : 'none';
}

/** The fields of an adapter's credentials object schema (`baseUrl` included), as config and env name them. */
export function credentialShape(adapter: AnyProviderAdapter): Record<string, z.ZodType> {
  return (adapter.credentials as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
}

/** An adapter's operations, supplier search, page-size maxima and credential field names (never values). */
export function describeProvider(adapter: AnyProviderAdapter): ProviderInfo {
  const operations = OPERATIONS.filter((op) => adapter[op] !== undefined);
  const suppliers = supplierSource(adapter);
  const credentialFields = Object.keys(credentialShape(adapter)).filter((field) => field !== 'baseUrl');
  return {
    id: adapter.id,
    name: adapter.name,
    operations: suppliers === 'fromProducts' ? ['searchSuppliers', ...operations] : operations,
    supplierSearch: suppliers,
    maxPageSize: Object.fromEntries(operations.map((op) => [op, adapter[op]!.maxPageSize])),
    credentialFields,
    secretFields: [...adapter.secretFields],
    needsCredentials: credentialFields.length > 0,
  };
}

/** Describes every built-in provider, `demo` included. */
export function listProviders(): ProviderInfo[] {
  return Object.values(ADAPTERS).map((adapter) => describeProvider(adapter as AnyProviderAdapter));
}
