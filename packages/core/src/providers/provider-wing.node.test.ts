import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../models/provider-id.js';

// The provider wing's layering, read from the imports themselves: a provider folder imports the shared modules
// (providers/*.ts, providers/official/) and lower layers, never another provider's folder; the shared modules
// import no provider folder. And adding a provider is one folder, its id and one registry line: a throw-away
// sixth provider is built that way on a copy of src/ and served through the registry.

const PROVIDERS = dirname(fileURLToPath(import.meta.url));
/** Folders under providers/ that are shared by several providers, not a provider. */
const SHARED_FOLDERS = ['official'];

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__fixtures__' ? [] : tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Each relative import of the wing under `root` that lands in a folder other than its own: `from → to`. */
function crossFolderImports(root: string): string[] {
  const folders = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
  const folderOf = (path: string) => {
    const [first, ...rest] = relative(root, path).split(sep);
    return rest.length > 0 && !first!.startsWith('..') ? first! : null;
  };
  const found: string[] = [];
  for (const file of tsFiles(root)) {
    const own = folderOf(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const target = folderOf(resolve(dirname(file), specifier));
      if (target === null || target === own || !folders.includes(target)) continue;
      // registry.ts is the one file that gathers the providers.
      if (own === null && relative(root, file) === 'registry.ts') continue;
      // A provider folder may import the shared folders; a shared file never imports a provider folder.
      if (own !== null && !SHARED_FOLDERS.includes(own) && SHARED_FOLDERS.includes(target)) continue;
      found.push(`${relative(root, file)} → ${target}/`);
    }
  }
  return found;
}

describe('the provider wing', () => {
  it('has one folder per provider id, besides the shared official/ module', () => {
    const folders = readdirSync(PROVIDERS).filter((name) => statSync(join(PROVIDERS, name)).isDirectory());
    expect(folders.filter((name) => !SHARED_FOLDERS.includes(name)).sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it('has no provider folder importing another, and no shared file importing a provider folder', () => {
    expect(crossFolderImports(PROVIDERS)).toEqual([]);
  });

  it('finds such an import when there is one', () => {
    const root = join(PROVIDERS, '..', '..', `.wing-check-${process.pid}`);
    try {
      for (const folder of ['tmapi', 'dajisaas', 'official'])
        mkdirSync(join(root, folder), { recursive: true });
      writeFileSync(join(root, 'dajisaas', 'a.ts'), "import { x } from '../official/x.js';\n");
      writeFileSync(join(root, 'tmapi', 'b.ts'), "import { y } from '../dajisaas/a.js';\n");
      writeFileSync(join(root, 'official', 'c.ts'), "export { z } from '../tmapi/b.js';\n");
      expect(crossFolderImports(root)).toEqual(['official/c.ts → tmapi/', 'tmapi/b.ts → dajisaas/']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// A sixth provider relaying the official platform's offer page, answering in-process (no network, no fake), made
// only of the shared pieces a real one would use.
const SIXTH_ADAPTER = `import * as z from 'zod';
import type { ProductQuery } from '../../models/query.js';
import { defineAdapter } from '../define-adapter.js';
import { defineOperation } from '../define-operation.js';
import { parseOfferPage } from '../official/offer-list.js';
import { offerSearchParams } from '../official/official-search.js';
import type { AdapterWith, ProviderResponse, SignedRequest } from '../provider-contract.js';

export const SixthCredentials = z.object({ token: z.string().min(1), baseUrl: z.url().optional() });
export type SixthCredentials = z.infer<typeof SixthCredentials>;

const respond = (request: SignedRequest): ProviderResponse => ({
  status: 200,
  body: JSON.stringify({
    currentPage: 1, totalPage: 1, pageSize: 1, totalRecords: 1,
    data: [{ offerId: 628745190321, subject: new URL(request.url).searchParams.get('keyword'), priceInfo: { price: '15.80' } }],
  }),
});

export const sixthAdapter: AdapterWith<SixthCredentials, 'searchProducts' | 'respond'> = defineAdapter({
  id: 'sixth' as never,
  name: 'Sixth',
  listingsNameSeller: false,
  defaultBaseUrl: 'sixth://api',
  credentials: SixthCredentials,
  secretFields: ['token'],
  limits: { requestsPerMinute: 60, concurrency: 1, timeoutMs: 5_000 },
  searchProducts: defineOperation({
    maxPageSize: 50,
    map: (query: ProductQuery) => offerSearchParams(query, { maxPageSize: 50 }),
    sign: (params: object, credentials: SixthCredentials) => ({
      method: 'GET',
      url: \`\${credentials.baseUrl ?? 'sixth://api'}/search?\${new URLSearchParams(params as Record<string, string>)}\`,
      headers: { authorization: \`Bearer \${credentials.token}\` },
    }),
    parseResponse: (response: ProviderResponse) => parseOfferPage('sixth' as never, JSON.parse(response.body)),
  }),
  respond,
});
`;

describe('a sixth provider', () => {
  const copy = join(PROVIDERS, '..', '..', `.sixth-provider-${process.pid}`);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('is one folder, its id and one registry line', async () => {
    cpSync(join(PROVIDERS, '..'), join(copy, 'src'), {
      recursive: true,
      filter: (path) => !path.endsWith('.test.ts'),
    });
    const providers = join(copy, 'src', 'providers');
    mkdirSync(join(providers, 'sixth'));
    writeFileSync(join(providers, 'sixth', 'sixth-adapter.ts'), SIXTH_ADAPTER);
    const edit = (path: string, find: string, replace: string) => {
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(find);
      writeFileSync(path, text.replace(find, replace));
    };
    edit(join(copy, 'src', 'models', 'provider-id.ts'), "'demo'] as const", "'demo', 'sixth'] as const");
    edit(
      join(providers, 'registry.ts'),
      '  demo: demoAdapter,\n',
      "  demo: demoAdapter,\n  sixth: (await import('./sixth/sixth-adapter.js')).sixthAdapter,\n",
    );

    const registry = await import(pathToFileURL(join(providers, 'registry.ts')).href);
    const info = registry.listProviders().find((p: { id: string }) => p.id === 'sixth');
    expect(info).toMatchObject({
      operations: ['searchProducts'],
      supplierSearch: 'none',
      credentialFields: ['token'],
      secretFields: ['token'],
    });
    const adapter = registry.getProvider('sixth');
    const request = adapter.searchProducts.buildRequest({ keyword: 'T恤', pageSize: 100 }, { token: 't' });
    expect(request.url).toContain('pageSize=50');
    const page = adapter.searchProducts.parseResponse(adapter.respond(request));
    expect(page.items.map((item: { id: string; title: string }) => [item.id, item.title])).toEqual([
      ['628745190321', 'T恤'],
    ]);
    expect(crossFolderImports(providers)).toEqual([]);
  });
});
