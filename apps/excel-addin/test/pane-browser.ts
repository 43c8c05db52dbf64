import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { ADDIN_ROOT, type BuiltPane, CHROMIUM_FLAGS, chromiumPath, serveBuiltPane } from './built-pane.js';

// The start-up every browser test of the built pane shares (beside pane-axe.ts, what they check): the pane served
// with its demo proxy (built-pane.ts), a Chromium with a fresh profile at the test's pane size, office.js answered
// by a fake host or refused (then the pane starts in preview mode, as without Office), the pane loaded and ready,
// and — where the test needs it — the demo proxy's URL saved in Settings. Each file keeps only what is its own.

export interface PaneBrowserOptions {
  /** Names the Chromium profile folder (`yuantou-chromium-<name>-…`). */
  name: string;
  viewport: { width: number; height: number };
  /** The script that answers office.js (a fake Excel host); absent: the request is refused (preview mode). */
  officeJs?: string;
  /** Run once the page exists, before the pane loads: routes of its own, permissions. */
  beforeLoad?: (page: Page, context: BrowserContext, pane: BuiltPane) => Promise<void>;
  /** What says the pane has started: `body[data-ready="true"]` unless given. */
  readySelector?: string;
  /**
   * Settings to the demo proxy after the pane is ready: `save` clears the profile's saved settings and saves the
   * URL; `test` types it and tests the connection (the proxy says Connected). Absent: the test does it itself.
   */
  connect?: 'save' | 'test';
}

export interface PaneBrowser {
  pane: BuiltPane;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** The built pane (`outDir`, from the global build) open in Chromium as `options` say. */
export async function openPaneBrowser(outDir: string, options: PaneBrowserOptions): Promise<PaneBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), `yuantou-chromium-${options.name}-`));
  let pane: BuiltPane | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await pane?.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    pane = await serveBuiltPane(outDir);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_FLAGS,
      viewport: options.viewport,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const officeJs = options.officeJs;
    await page.route('https://appsforoffice.microsoft.com/**', (route) =>
      officeJs === undefined
        ? route.abort()
        : route.fulfill({ body: officeJs, contentType: 'text/javascript' }),
    );
    await options.beforeLoad?.(page, context, pane);
    await page.goto(`${pane.origin}/taskpane.html`);
    await page.waitForSelector(options.readySelector ?? 'body[data-ready="true"]');
    if (options.connect) await connect(page, pane.proxy.url, options.connect);
    return { pane, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function connect(page: Page, url: string, how: 'save' | 'test') {
  if (how === 'save') await page.evaluate(() => localStorage.clear());
  await page.click('#settings-toggle');
  await page.fill('#proxy-url', url);
  await page.click(how === 'save' ? '#settings-save' : '#settings-test');
  await page.locator('#settings-status', { hasText: how === 'save' ? 'Saved' : 'Connected' }).waitFor();
  await page.click('#settings-toggle');
}

/**
 * Saves a screenshot of `target` (a page: the whole of it) in test-results/`file`, and with
 * UPDATE_DOCS_SCREENSHOT=1 also in docs/ for the README.
 */
export async function saveScreenshot(target: Page | Locator, file: string): Promise<void> {
  const shot = path.join(ADDIN_ROOT, 'test-results', file);
  mkdirSync(path.dirname(shot), { recursive: true });
  if ('goto' in target) await target.screenshot({ path: shot, fullPage: true });
  else await target.screenshot({ path: shot });
  if (process.env.UPDATE_DOCS_SCREENSHOT) copyFileSync(shot, path.join(ADDIN_ROOT, 'docs', file));
}
