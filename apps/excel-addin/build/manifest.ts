import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

// dist/manifest.xml from manifest.template.xml. The host is configurable so one source builds the dev
// manifest (https://localhost:3000) and a production one (ADDIN_HOST=https://addin.example.com).

/** Stable across builds: Office identifies the add-in (and its stored settings) by it. */
export const DEFAULT_ADDIN_ID = '6f1d2b8e-5c3a-4e7b-9a41-1688a0d00c01';
export const DEFAULT_HOST = 'https://localhost:3000';

export interface ManifestOptions {
  host: string;
  /** Custom-functions namespace (`YUANTOU` → =YUANTOU.SUPPLIERS); none → =SUPPLIERS. */
  namespace?: string | undefined;
  id?: string | undefined;
}

export const NAMESPACE = /^[A-Za-z][A-Za-z0-9_.]{2,31}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function manifestOptionsFromEnv(env: Record<string, string | undefined>): ManifestOptions {
  return {
    host: env.ADDIN_HOST || DEFAULT_HOST,
    namespace: env.ADDIN_NAMESPACE || undefined,
    id: env.ADDIN_ID,
  };
}

export function renderManifest(template: string, options: ManifestOptions): string {
  const url = new URL(options.host);
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_HOST must be https (Office loads add-ins over https only): ${options.host}`);
  // A path is kept, so the add-in may live under https://example.com/addin.
  const host = url.href.replace(/\/+$/, '');
  const id = options.id ?? DEFAULT_ADDIN_ID;
  if (!GUID.test(id)) throw new Error(`ADDIN_ID must be a GUID: ${id}`);
  const namespace = options.namespace?.trim();
  // Microsoft's rule for the custom-functions namespace: letters, digits, `_` and `.`, starting with a
  // letter, 3 to 32 characters.
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    throw new Error(
      `ADDIN_NAMESPACE must be 3-32 letters, digits, _ or . starting with a letter: ${namespace}`,
    );
  }
  const lines = template
    .replace(/<!--template:[\s\S]*?-->\n/, '')
    .split('\n')
    .filter((line) => namespace !== undefined || !line.includes('<!-- namespace -->'))
    .map((line) => line.replace('<!-- namespace -->', ''));
  return lines
    .join('\n')
    .replaceAll('{{HOST}}', host)
    .replaceAll('{{ADDIN_ID}}', id)
    .replaceAll('{{NAMESPACE}}', namespace ?? '')
    .replaceAll('{{FN}}', namespace ? `${namespace}.` : '');
}

export function manifestPlugin(options: { template: string; manifest: ManifestOptions }): Plugin {
  const render = () => renderManifest(readFileSync(options.template, 'utf8'), options.manifest);
  return {
    name: 'yuantou:manifest',
    buildStart() {
      this.addWatchFile(options.template);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'manifest.xml', source: render() });
    },
    configureServer(server) {
      server.middlewares.use('/manifest.xml', (_req, res) => {
        res.setHeader('Content-Type', 'application/xml');
        res.end(render());
      });
    },
  };
}
