// A TypeScript consumer, type-checked with skipLibCheck off against the shipped .d.ts files, once at the
// lowest zod version core's range allows and once at the newest.
import {
  createClient,
  getProvider,
  type ProviderError,
  type RankedSupplier,
  rankSuppliers,
  type SearchParamsInput,
  type Supplier,
  SupplierQuery,
} from '@yuantou/core';
import { aopSignature, type SignatureResult } from '@yuantou/signers';

const params: SearchParamsInput = { q: '玩具厂', provider: ['tmapi'], factoryOnly: true };
// Would compile if SearchParamsInput were `any` (what zod < 4.5 made of it).
// @ts-expect-error q must be a string
const wrong: SearchParamsInput = { q: 42 };

const client = createClient({ baseUrl: 'http://127.0.0.1:8787' });
export async function firstName(): Promise<string | null> {
  const answer = await client.searchSuppliers(params);
  const best: RankedSupplier | undefined = answer.items[0];
  return best?.name ?? null;
}

const query: SupplierQuery = SupplierQuery.parse({ keyword: '玩具厂' });
export const request = getProvider('demo').searchSuppliers.buildRequest(query, {});
export const ranked: RankedSupplier[] = rankSuppliers([] as Supplier[]);
export const signed: SignatureResult = aopSignature({ urlPath: 'p', params: { a: '1' }, secret: 's' });
export const kind = (error: ProviderError): string => error.kind;
export { wrong };
