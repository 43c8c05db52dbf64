import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// @yuantou/core and @yuantou/signers as another team gets them: `pnpm pack`ed tarballs installed into a fresh
// project outside the workspace, then used from ESM, CommonJS, TypeScript (at the lowest zod core's range
// allows and at the newest) and a browser bundle, and linted with publint and attw.

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const consumerTemplate = path.resolve(here, '../consumer');
const require = createRequire(import.meta.url);
const bin = (pkg: string, file: string) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const PACKAGES = ['signers', 'core'] as const;
type PackageName = (typeof PACKAGES)[number];

const corePackageJson = JSON.parse(readFileSync(path.join(root, 'packages/core/package.json'), 'utf8'));
/** `^4.5.0` → `4.5.0`: what a consumer with the oldest allowed zod gets. */
const zodMinimum = String(corePackageJson.dependencies.zod).replace(/^[\^~>=]+/, '');
/**
 * The last zod before the minimum: core's .d.ts use `z.ZodPreprocess`, which zod adds in 4.5, so a consumer on
 * 4.4 gets type errors. Shows the declared minimum is the true one, not just one that happens to work.
 */
const ZOD_BELOW_MINIMUM = '4.4.3';

let work: string;
const tarballs = {} as Record<PackageName, string>;
const consumers = {} as Record<'minimum' | 'latest' | 'belowMinimum', string>;

async function pack(name: PackageName): Promise<string> {
  const out = path.join(work, `pack-${name}`);
  mkdirSync(out);
  // dist/ is already built by turbo (`^build`); packing without prepack keeps other packages' tests, which
  // import the same dist/, from seeing it rebuilt under them. Prepack itself is tested below on a copy.
  await run('pnpm', ['pack', '--config.ignore-scripts=true', '--pack-destination', out], {
    cwd: path.join(root, 'packages', name),
  });
  const [file] = readdirSync(out);
  return path.join(out, file!);
}

const ownPackageJson = JSON.parse(readFileSync(path.resolve(here, '../package.json'), 'utf8'));
// size-limit finds its plugins in the measured project's own package.json.
const SIZE_TOOLS = ['size-limit', '@size-limit/esbuild', '@size-limit/file'];
// `@yuantou/core/testing` needs them (optional peers of core); the minimum consumer goes without.
const TESTING_PEERS = ['fast-check', 'iconv-lite'];
const corePeers = corePackageJson.peerDependencies as Record<string, string>;

/** A project outside the workspace with the tarballs and the given zod installed. */
async function makeConsumer(label: string, zod: string | undefined, devDependencies = {}): Promise<string> {
  const dir = path.join(work, `consumer-${label}`);
  cpSync(consumerTemplate, dir, { recursive: true });
  const files = { '@yuantou/core': `file:${tarballs.core}`, '@yuantou/signers': `file:${tarballs.signers}` };
  const manifest = {
    name: `consumer-${label}`,
    private: true,
    dependencies: { ...files, zod: zod ?? corePackageJson.dependencies.zod },
    devDependencies,
    // core's tarball asks for @yuantou/signers by version (not published yet): use the packed one. At the
    // minimum, pin every zod in the tree, core's own included.
    pnpm: { overrides: { '@yuantou/signers': files['@yuantou/signers'], ...(zod ? { zod } : {}) } },
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run(
    'pnpm',
    ['install', '--prefer-offline', '--ignore-workspace', '--config.confirmModulesPurge=false'],
    {
      cwd: dir,
      env: { ...process.env, CI: 'true' },
    },
  );
  return dir;
}

const installedZod = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'node_modules/zod/package.json'), 'utf8')).version as string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'yuantou-packed-'));
  for (const name of PACKAGES) tarballs[name] = await pack(name);
  [consumers.minimum, consumers.latest, consumers.belowMinimum] = await Promise.all([
    makeConsumer('minimum', zodMinimum),
    makeConsumer(
      'latest',
      undefined,
      Object.fromEntries([
        ...SIZE_TOOLS.map((name) => [name, ownPackageJson.devDependencies[name]]),
        ...TESTING_PEERS.map((name) => [name, corePeers[name]]),
      ]),
    ),
    makeConsumer('below-minimum', ZOD_BELOW_MINIMUM),
  ]);
}, 300_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const expectedOutput = {
  method: 'GET',
  ranked: 0,
  // The 1688 Open Platform's published signing example.
  signature: '33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88',
};

describe.each(['minimum', 'latest'] as const)('a consumer with the %s zod', (which) => {
  it('has that zod installed for core too', () => {
    const version = installedZod(consumers[which]);
    if (which === 'minimum') expect(version).toBe(zodMinimum);
    else expect(version).not.toBe(zodMinimum);
    const coreZod = require.resolve('zod/package.json', {
      paths: [path.join(consumers[which], 'node_modules/@yuantou/core')],
    });
    expect(JSON.parse(readFileSync(coreZod, 'utf8')).version).toBe(version);
  });

  it('imports both packages from ESM', async () => {
    const { stdout } = await run('node', ['esm.mjs'], { cwd: consumers[which] });
    expect(JSON.parse(stdout)).toEqual(expectedOutput);
  });

  it('requires both packages from CommonJS', async () => {
    const { stdout } = await run('node', ['cjs.cjs'], { cwd: consumers[which] });
    expect(JSON.parse(stdout)).toEqual(expectedOutput);
  });

  it('type-checks against the shipped .d.ts files with skipLibCheck off', async () => {
    const tsc = bin('typescript', 'bin/tsc');
    const result = await run('node', [tsc, '-p', '.'], { cwd: consumers[which] }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout, failed: true }),
    );
    expect(result.stdout).toBe('');
  }, 120_000);
});

describe(`a consumer with zod ${ZOD_BELOW_MINIMUM}, below the declared minimum`, () => {
  it('fails to type-check on ZodPreprocess, so the minimum cannot be lowered', async () => {
    expect(installedZod(consumers.belowMinimum)).toBe(ZOD_BELOW_MINIMUM);
    const tsc = bin('typescript', 'bin/tsc');
    const result = await run('node', [tsc, '-p', '.'], { cwd: consumers.belowMinimum }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout, failed: true }),
    );
    expect(result).toHaveProperty('failed');
    expect(result.stdout).toContain('ZodPreprocess');
  }, 120_000);
});

describe('@yuantou/core/testing in a consumer', () => {
  it('starts a fake that answers what the public adapter signs', async () => {
    const { stdout } = await run('node', ['testing.mjs'], { cwd: consumers.latest });
    expect(JSON.parse(stdout)).toEqual({ items: true, provider: 'tmapi' });
  });

  it('names the missing optional peer when it is not installed', async () => {
    const result = await run('node', ['testing.mjs'], { cwd: consumers.minimum }).catch(
      (error: { stderr: string }) => ({ stderr: error.stderr, failed: true }),
    );
    expect(result).toHaveProperty('failed');
    expect(result.stderr).toMatch(/Cannot find (package|module) '(iconv-lite|fast-check)'/);
  });
});

describe('the browser bundle of @yuantou/core', () => {
  it('stays within the size budget (size-limit, esbuild, minified)', async () => {
    const sizeLimit = path.join(consumers.latest, 'node_modules/size-limit/bin.js');
    const result = await run('node', [sizeLimit, '--json'], { cwd: consumers.latest }).catch(
      (error: { stdout: string }) => error,
    );
    const checks = JSON.parse(result.stdout) as { name: string; size: number; passed: boolean }[];
    const budgets = JSON.parse(readFileSync(path.join(consumerTemplate, '.size-limit.json'), 'utf8'));
    expect(checks.map((c) => c.name)).toEqual(budgets.map((b: { name: string }) => b.name));
    for (const check of checks) {
      expect({ name: check.name, kB: Math.round(check.size / 100) / 10, passed: check.passed }).toMatchObject(
        {
          passed: true,
        },
      );
    }
  }, 120_000);
});

describe.each(PACKAGES)('the @yuantou/%s tarball', (name) => {
  it('ships the build, licence and changelog, and no tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarballs[name]]);
    const files = stdout.trim().split('\n');
    expect(files).toEqual(
      expect.arrayContaining([
        'package/dist/index.js',
        'package/dist/index.d.ts',
        'package/dist/index.js.map',
        'package/LICENSE',
        'package/CHANGELOG.md',
        'package/README.md',
      ]),
    );
    expect(files.filter((f) => /\.test\.|\.d\.ts\.map$/.test(f))).toEqual([]);
    // Fixture files ship only as the JSON bodies `./testing`'s fakes serve (core), never test code.
    expect(files.filter((f) => f.includes('__fixtures__/') && !f.endsWith('.json'))).toEqual([]);
  });

  it('has source maps that carry their sources', async () => {
    const dir = path.join(work, `unpacked-${name}`);
    mkdirSync(dir);
    await run('tar', ['-xzf', tarballs[name], '-C', dir]);
    const map = JSON.parse(readFileSync(path.join(dir, 'package/dist/index.js.map'), 'utf8'));
    expect(map.sourcesContent?.[0]).toContain('export');
  });

  it('passes publint (warnings count)', async () => {
    const tarball = readFileSync(tarballs[name]);
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: 'warning',
      strict: true,
    });
    expect(messages.map((m) => formatMessage(m, pkg, { color: false }))).toEqual([]);
  });

  it('passes arethetypeswrong', async () => {
    const attw = bin('@arethetypeswrong/cli', 'dist/index.js');
    // cjs-resolves-to-esm: CommonJS consumers `require` the ESM build, which Node ≥ 20.19 supports (our
    // engines field), and TypeScript ≥ 5.8 type-checks under module node20/nodenext; the CommonJS test above
    // proves it runs.
    const args = [attw, tarballs[name], '--format', 'ascii', '--no-definitely-typed', '--no-color'];
    const result = await run('node', [...args, '--ignore-rules', 'cjs-resolves-to-esm']).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout, failed: true }),
    );
    expect(result, result.stdout).not.toHaveProperty('failed');
  }, 60_000);
});

describe('pnpm pack on a fresh clone', () => {
  it('builds dist/ first (prepack), so the tarball is never empty', async () => {
    // A copy of signers laid out as in the repository, without dist/.
    const clone = path.join(work, 'fresh');
    const pkgDir = path.join(clone, 'packages/signers');
    cpSync(path.join(root, 'tsconfig.base.json'), path.join(clone, 'tsconfig.base.json'));
    cpSync(path.join(root, 'packages/signers'), pkgDir, {
      recursive: true,
      filter: (source) => !/[\\/](dist|node_modules)$/.test(source),
    });
    symlinkSync(path.join(root, 'packages/signers/node_modules'), path.join(pkgDir, 'node_modules'), 'dir');
    const out = path.join(clone, 'out');
    mkdirSync(out);
    await run('pnpm', ['pack', '--pack-destination', out], { cwd: pkgDir });
    const { stdout } = await run('tar', ['-tzf', path.join(out, readdirSync(out)[0]!)]);
    expect(stdout.split('\n')).toContain('package/dist/index.js');
  }, 120_000);
});
