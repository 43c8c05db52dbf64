import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../src/plugins/app/addin.js';
import { useTestApp } from '../support/test-app.js';

// Issue 28: one service for a team. The proxy serves the built add-in (task pane, functions, manifest whose host
// is YUANTOU_PUBLIC_ORIGIN) without a token; YUANTOU_SERVE_ADDIN=false turns it off.

const BUILT_HOST = 'https://localhost:3000';
const TOKEN = 'addin-test-token-0123456789';
const startApp = useTestApp();

/** A built add-in as `vite build` lays it out, with the manifest's URLs on the build host. */
function builtAddin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuantou-addin-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'taskpane.html'), '<!doctype html><title>yuantou</title>');
  writeFileSync(join(dir, 'functions.js'), 'export {};');
  writeFileSync(join(dir, 'functions.json'), '{"functions":[]}');
  writeFileSync(join(dir, 'assets', 'icon-32.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(
    join(dir, 'manifest.xml'),
    `<OfficeApp><IconUrl DefaultValue="${BUILT_HOST}/assets/icon-32.png"/><AppDomains><AppDomain>${BUILT_HOST}</AppDomain></AppDomains><DefaultSettings><SourceLocation DefaultValue="${BUILT_HOST}/taskpane.html"/></DefaultSettings></OfficeApp>`,
  );
  writeFileSync(join(dir, 'secret.txt'), 'not a served type');
  return dir;
}

describe('serving the add-in', () => {
  it('serves the pane, functions and assets without a token, framable by Office and loading office.js', async () => {
    const { app } = await startApp({ YUANTOU_TOKENS: TOKEN, YUANTOU_ADDIN_DIR: builtAddin() });
    const pane = await app.inject('/taskpane.html');
    expect([pane.statusCode, pane.headers['content-type'], pane.body]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<!doctype html><title>yuantou</title>',
    ]);
    expect(pane.headers['content-security-policy']).toContain('https://appsforoffice.microsoft.com');
    expect(pane.headers['content-security-policy']).toContain('frame-ancestors https:');
    expect((await app.inject('/functions.json')).json()).toEqual({ functions: [] });
    expect((await app.inject('/assets/icon-32.png')).headers['content-type']).toBe('image/png');
    // Only the built files: nothing else in the folder, nothing outside it.
    expect((await app.inject('/secret.txt')).statusCode).toBe(401);
    expect((await app.inject('/assets/../secret.txt')).statusCode).not.toBe(200);
    // The API still wants its token.
    expect((await app.inject('/v1/usage')).statusCode).toBe(401);
  });

  it('serves the manifest on YUANTOU_PUBLIC_ORIGIN, and says how to get it when that is not set', async () => {
    const dir = builtAddin();
    const withOrigin = await startApp({
      YUANTOU_ADDIN_DIR: dir,
      YUANTOU_PUBLIC_ORIGIN: 'https://yuantou.example.com/',
    });
    const manifest = (await withOrigin.app.inject('/manifest.xml')).body;
    expect(manifest).toContain('<SourceLocation DefaultValue="https://yuantou.example.com/taskpane.html"/>');
    expect(manifest).toContain('<AppDomain>https://yuantou.example.com</AppDomain>');
    expect(manifest).not.toContain(BUILT_HOST);
  });

  it('without a public origin the manifest is a 404 naming the setting', async () => {
    const { app } = await startApp({ YUANTOU_ADDIN_DIR: builtAddin() });
    const answer = await app.inject('/manifest.xml');
    expect(answer.statusCode).toBe(404);
    expect(answer.json().detail).toContain('YUANTOU_PUBLIC_ORIGIN');
  });

  it('YUANTOU_SERVE_ADDIN=false serves none of it', async () => {
    const { app } = await startApp({ YUANTOU_ADDIN_DIR: builtAddin(), YUANTOU_SERVE_ADDIN: 'false' });
    expect((await app.inject('/taskpane.html')).statusCode).toBe(404);
  });
});

describe('manifestFor', () => {
  it('refuses a manifest without a task pane location rather than guessing its host', () => {
    expect(() => manifestFor('<OfficeApp/>', 'https://a.example')).toThrow('SourceLocation');
  });
});
