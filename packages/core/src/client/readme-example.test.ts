import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';
import { SupplierQuery } from '../models/query.js';
import { normalizeLocation } from '../normalize/location.js';
import { demoAdapter } from '../providers/demo/demo-adapter.js';
import type { ProviderRequest } from '../providers/provider-contract.js';
import { getProvider } from '../providers/registry.js';
import { mergeSuppliers } from '../ranking/merge-suppliers.js';
import { rankSuppliers } from '../ranking/rank-suppliers.js';

// Runs the README's "using the adapters from another service" block as written, so the README cannot drift
// from the code. The demo adapter stands in for TMAPI and its `respond` is the `fetch`: the block still builds
// a request, sends it, parses the answer and ranks it, without a network or a token.

const EXAMPLE_HEADING = '## Example: using the adapters from another service';

/** The first ```ts block under the example heading, split into its import list and the code after it. */
function readmeExample(): { imports: string[]; code: string } {
  const section = readme.slice(readme.indexOf(EXAMPLE_HEADING));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`no ts block under "${EXAMPLE_HEADING}" in README.md`);
  const importLine = /^import \{([^}]+)\} from '@yuantou\/core';\n/.exec(block);
  if (!importLine?.[1]) throw new Error('the README example must start with one import from @yuantou/core');
  return {
    imports: importLine[1].split(',').map((name) => name.trim()),
    code: block.slice(importLine[0].length),
  };
}

/** What `@yuantou/core` exports under the names the example may import; `tmapi` resolves to the demo. */
const CORE_EXPORTS: Record<string, unknown> = {
  getProvider: (id: Parameters<typeof getProvider>[0]) => (id === 'tmapi' ? demoAdapter : getProvider(id)),
  mergeSuppliers,
  rankSuppliers,
  SupplierQuery,
};

/** A `fetch` answered by the demo adapter, recording what it was sent. */
function demoFetch(sent: ProviderRequest[]) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const request: ProviderRequest = {
      method: init.method === 'POST' ? 'POST' : 'GET',
      url,
      headers: Object.fromEntries(new Headers(init.headers)),
      body: typeof init.body === 'string' ? init.body : undefined,
      ignored: [],
    };
    sent.push(request);
    const answer = demoAdapter.respond(request);
    return new Response(answer.body, { status: answer.status });
  };
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

describe('README example', () => {
  it('builds, sends, parses and ranks a supplier search as the README shows', async () => {
    const { imports, code } = readmeExample();
    const missing = imports.filter((name) => !(name in CORE_EXPORTS));
    expect(missing, 'names the README imports that this test does not provide').toEqual([]);

    const sent: ProviderRequest[] = [];
    const tables: unknown[] = [];
    const run = new AsyncFunction(...imports, 'fetch', 'TMAPI_TOKEN', 'console', code);
    await run(...imports.map((name) => CORE_EXPORTS[name]), demoFetch(sent), 'not-a-real-token', {
      table: (rows: unknown) => tables.push(rows),
    });

    expect(sent).toHaveLength(1);
    const query = new URL(sent[0]!.url).searchParams;
    expect(query.get('keyword')).toBe('玩具厂');
    expect(query.get('province')).toBe('广东');

    expect(tables).toHaveLength(1);
    const rows = tables[0] as { score: number; name: string | null; city: string | null }[];
    expect(rows).toHaveLength(3);
    const scores = rows.map((row) => row.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const row of rows) {
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(100);
      expect(row.name).toMatch(/\S/);
      // The province filter reached the demo provider: every city shown lies in 广东.
      expect(normalizeLocation(row.city).province).toBe('广东');
    }
  });
});
