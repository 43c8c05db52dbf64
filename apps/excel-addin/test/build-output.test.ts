import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { generateMetadata } from '../build/custom-functions-plugin.js';
import { FUNCTION_CATALOG } from '../src/app/function-catalog.js';
import { inspectManifest } from './manifest-structure.js';

// Checks what Excel will download: the real production build (test/global-build.ts, one per test run).

const outDir = inject('addinDist');

const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');

describe('functions.json', () => {
  it('declares SUPPLIERS, PRODUCTS and PRODUCTSBYIMAGE with their parameters, cancelable, spilling a matrix', () => {
    const { functions } = JSON.parse(read('functions.json')) as {
      functions: {
        id: string;
        parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[];
        options?: { cancelable?: boolean };
        result: { dimensionality: string };
      }[];
    };
    const searches = ['SUPPLIERS', 'PRODUCTS', 'PRODUCTSBYIMAGE'];
    expect(functions.map((f) => f.id)).toEqual([
      ...searches,
      'OFFER',
      'OFFERS',
      'PRICEAT',
      'FIELDS',
      'SUPPLIER',
      'LANDED',
      'SUPPLIEROFFERS',
      'OFFERHISTORY',
    ]);
    for (const fn of functions.filter((f) => searches.includes(f.id))) {
      const [first, options, count] = fn.parameters;
      expect(first).toMatchObject({
        name: fn.id === 'PRODUCTSBYIMAGE' ? 'imageUrl' : 'keyword',
        type: 'string',
      });
      expect(first?.optional).toBeUndefined();
      expect(options).toMatchObject({
        name: 'options',
        type: 'any',
        dimensionality: 'matrix',
        optional: true,
      });
      expect(count).toMatchObject({ name: 'count', type: 'number', optional: true });
      expect(fn.parameters).toHaveLength(3);
      expect(fn.options?.cancelable).toBe(true);
      expect(fn.result.dimensionality).toBe('matrix');
    }
  });

  it('declares OFFER, OFFERS (a range of links) and PRICEAT (one number), all cancelable', () => {
    const { functions } = JSON.parse(read('functions.json')) as {
      functions: {
        id: string;
        parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[];
        options?: { cancelable?: boolean };
        result: { type?: string; dimensionality?: string };
      }[];
    };
    const byId = new Map(functions.map((f) => [f.id, f]));
    const shape = (id: string) =>
      byId
        .get(id)!
        .parameters.map((p) => [p.name, p.type, p.dimensionality ?? 'scalar', p.optional ?? false]);
    expect(shape('OFFER')).toEqual([
      ['link', 'string', 'scalar', false],
      ['fields', 'string', 'scalar', true],
      ['options', 'any', 'matrix', true],
    ]);
    expect(shape('OFFERS')).toEqual([
      ['links', 'any', 'matrix', false],
      ['fields', 'string', 'scalar', true],
      ['options', 'any', 'matrix', true],
    ]);
    expect(shape('PRICEAT')).toEqual([
      ['link', 'string', 'scalar', false],
      ['quantity', 'number', 'scalar', false],
      ['sku', 'string', 'scalar', true],
      ['currency', 'string', 'scalar', true],
    ]);
    expect(byId.get('OFFER')!.result.dimensionality).toBe('matrix');
    expect(byId.get('OFFERS')!.result.dimensionality).toBe('matrix');
    expect(byId.get('PRICEAT')!.result).toMatchObject({ type: 'number' });
    for (const id of ['OFFER', 'OFFERS', 'PRICEAT']) expect(byId.get(id)!.options?.cancelable).toBe(true);
  });

  it("declares LANDED(link, quantity, rates, [options]), cancelable, asking the rates range's address", () => {
    const { functions } = JSON.parse(read('functions.json')) as {
      functions: {
        id: string;
        parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[];
        options?: { cancelable?: boolean; requiresParameterAddresses?: boolean };
        result: { dimensionality?: string };
      }[];
    };
    const fn = functions.find((f) => f.id === 'LANDED')!;
    expect(
      fn.parameters.map((p) => [p.name, p.type, p.dimensionality ?? 'scalar', p.optional ?? false]),
    ).toEqual([
      ['link', 'string', 'scalar', false],
      ['quantity', 'number', 'scalar', false],
      ['rates', 'any', 'matrix', false],
      ['options', 'any', 'matrix', true],
    ]);
    expect(fn.options).toEqual({ cancelable: true, requiresParameterAddresses: true });
    expect(fn.result.dimensionality).toBe('matrix');
  });

  it('lets error values reach `any` arguments, so an error cell in OFFERS links fails only its row (issue 22)', () => {
    const metadata = JSON.parse(read('functions.json')) as { allowErrorForDataTypeAny?: boolean };
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  it('declares OFFERHISTORY(link, [field], [from], [to]), cancelable, spilling a matrix', () => {
    const { functions } = JSON.parse(read('functions.json')) as {
      functions: {
        id: string;
        parameters: { name: string; type: string; optional?: boolean }[];
        options?: { cancelable?: boolean };
        result: { dimensionality?: string };
      }[];
    };
    const history = functions.find((f) => f.id === 'OFFERHISTORY')!;
    expect(history.parameters.map((p) => [p.name, p.type, p.optional ?? false])).toEqual([
      ['link', 'string', false],
      ['field', 'string', true],
      ['from', 'any', true],
      ['to', 'any', true],
    ]);
    expect(history.options?.cancelable).toBe(true);
    expect(history.result.dimensionality).toBe('matrix');
  });

  it('matches the function catalog =FIELDS spills: the same functions, arguments in order, a help link to each section', () => {
    const { functions } = JSON.parse(read('functions.json')) as {
      functions: { id: string; helpUrl?: string; parameters: { name: string }[] }[];
    };
    expect(functions.map((f) => f.id).sort()).toEqual(FUNCTION_CATALOG.map((d) => d.name).sort());
    const readme = readFileSync(path.join(outDir, 'help.html'), 'utf8');
    for (const doc of FUNCTION_CATALOG) {
      const fn = functions.find((f) => f.id === doc.name)!;
      expect(
        fn.parameters.map((p) => p.name),
        doc.name,
      ).toEqual(doc.arguments.map((a) => a.name));
      expect(fn.helpUrl, doc.name).toBe(`https://localhost:3000/help.html#${doc.helpAnchor}`);
      // The anchor exists in the published README (help.html is the add-in README, built).
      expect(readme, doc.helpAnchor).toContain(`id="${doc.helpAnchor}"`);
    }
  });

  it("the manifest's description names every function, within the 250 characters Office allows", () => {
    const description = /<Description DefaultValue="([^"]*)"/.exec(read('manifest.xml'))![1]!;
    for (const doc of FUNCTION_CATALOG) expect(description).toContain(`=${doc.name}`);
    // With the namespace the README suggests (YUANTOU.), still within the limit.
    expect(description.replaceAll('=', '=YUANTOU.').length).toBeLessThanOrEqual(250);
  });

  it('is matched by CustomFunctions.associate calls in the bundle', () => {
    const script = read('functions.js');
    for (const id of [
      'SUPPLIERS',
      'PRODUCTS',
      'PRODUCTSBYIMAGE',
      'OFFER',
      'OFFERS',
      'PRICEAT',
      'SUPPLIER',
      'LANDED',
      'SUPPLIEROFFERS',
      'OFFERHISTORY',
    ]) {
      expect(script).toMatch(new RegExp(`CustomFunctions\\.associate\\(["']${id}["']`));
    }
  });
});

describe('manifest.xml', () => {
  it('is structurally valid and every add-in URL resolves to a built file', () => {
    const facts = inspectManifest(read('manifest.xml'));
    expect(facts.problems).toEqual([]);
    const local = facts.urls.filter((u) => u.startsWith('https://localhost:3000/'));
    expect(local.length).toBeGreaterThan(5);
    for (const url of local) {
      const file = new URL(url).pathname.slice(1);
      expect(existsSync(path.join(outDir, file)), `${url} → dist/${file}`).toBe(true);
    }
  });

  it('the task pane page loads office.js before the module that associates the functions', () => {
    const html = read('taskpane.html');
    expect(html.indexOf('office.js')).toBeGreaterThan(-1);
    expect(html.indexOf('office.js')).toBeLessThan(html.indexOf('type="module"'));
  });
});

describe('metadata generation', () => {
  it('fails (instead of exiting 0 like the CLI) when the JSDoc is wrong', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yuantou-cf-'));
    const file = path.join(dir, 'bad.ts');
    writeFileSync(
      file,
      '/**\n * @customfunction BAD\n * @param x a date\n */\nexport function bad(x: Date): number { return 1; }\n',
    );
    try {
      await expect(generateMetadata(file)).rejects.toThrow(/custom-functions-metadata found errors/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
