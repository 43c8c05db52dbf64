import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { customFunctionsPlugin } from './build/custom-functions-plugin.js';
import { devHttps } from './build/dev-https.js';
import { manifestOptionsFromEnv, manifestPlugin } from './build/manifest.js';

// One page (taskpane.html) hosts both the task pane and the custom functions: the manifest's shared runtime
// loads it. functions.js is a separate entry only because the manifest schema requires a <Script> URL.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(async ({ command }) => {
  const manifest = manifestOptionsFromEnv(process.env);
  const https = command === 'serve' && !process.env.VITEST ? await devHttps() : { plugins: [] };
  return {
    // Relative asset URLs, so a production host may serve the add-in under a path (ADDIN_HOST=https://x/addin).
    base: './',
    // The pane's formula builder writes =NAMESPACE.FUNCTION( as the manifest declares it.
    define: { __ADDIN_NAMESPACE__: JSON.stringify(manifest.namespace ?? '') },
    plugins: [
      customFunctionsPlugin({
        source: here('src/app/functions.ts'),
        host: manifest.host,
        readme: here('README.md'),
      }),
      manifestPlugin({ template: here('manifest.template.xml'), manifest }),
      ...https.plugins,
    ],
    server: { port: 3000, strictPort: true, ...(https.https ? { https: https.https } : {}) },
    preview: { port: 3000 },
    build: {
      target: 'es2020',
      rollupOptions: {
        input: { taskpane: here('taskpane.html'), functions: here('src/app/functions-entry.ts') },
        output: {
          entryFileNames: (chunk: { name: string }) =>
            chunk.name === 'functions' ? 'functions.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  };
});
