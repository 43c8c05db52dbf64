import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PreviewServer, preview } from 'vite';
import { type DemoProxy, startDemoProxy } from './demo-proxy.js';

// What the browser tests of the built pane share: the pane served by Vite's preview server on a free port, a demo
// proxy that accepts that origin (CORS), and the Chromium they drive (Debian's package: Playwright's browser
// download does not work here; CHROMIUM_PATH overrides).

export const ADDIN_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Headless, no sandbox (root in CI), and nothing that reaches the network on its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface BuiltPane {
  /** `http://127.0.0.1:<port>`, where taskpane.html is served. */
  origin: string;
  proxy: DemoProxy;
  close(): Promise<void>;
}

/** The built add-in (`outDir`, from the global build) in Vite's preview server, with a demo proxy for its origin. */
export async function serveBuiltPane(outDir: string): Promise<BuiltPane> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const proxy = await startDemoProxy({ env: { YUANTOU_CORS_ORIGINS: origin } });
  let server: PreviewServer;
  try {
    server = await preview({
      root: ADDIN_ROOT,
      configFile: path.join(ADDIN_ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  return {
    origin,
    proxy,
    close: async () => {
      await server.close();
      await proxy.close();
    },
  };
}
