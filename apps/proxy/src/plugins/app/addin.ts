import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { problem, sendProblem } from '../../problem.js';

// The proxy can serve the built add-in itself (issue 28), so a team deploys one https service and gives its
// buyers one manifest URL: `<YUANTOU_PUBLIC_ORIGIN>/manifest.xml`. YUANTOU_SERVE_ADDIN=false turns it off for
// teams that host the add-in elsewhere.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
};

/** The paths the add-in is served under: public (Office loads them without a token). */
export const ADDIN_PATHS = ['/taskpane.html', '/functions.js', '/functions.json', '/manifest.xml'];
export const isAddinPath = (path: string) => ADDIN_PATHS.includes(path) || path.startsWith('/assets/');

/**
 * Office frames the task pane (Excel on the web) and loads office.js from Microsoft's CDN, which the API's
 * default headers (CSP `script-src 'self'`, `frame-ancestors 'self'`, X-Frame-Options) forbid.
 * office.js' address is the one the add-in's taskpane.html names.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' https:; frame-ancestors https:; object-src 'none'; base-uri 'self'",
  'cache-control': 'no-cache',
};

/** Every file of the built add-in, read once: only these paths exist, so no request can reach another file. */
function readBuiltFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (CONTENT_TYPES[extname(name)])
        files.set(`/${relative(dir, path).split(sep).join('/')}`, readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/**
 * The built manifest names the host it was built for (ADDIN_HOST, https://localhost:3000 by default) in every
 * URL; served from here, every one of them becomes the public origin.
 */
export function manifestFor(built: string, publicOrigin: string): string {
  const host = /<SourceLocation DefaultValue="(https:\/\/[^/"]+)\/taskpane\.html"/.exec(built)?.[1];
  if (!host) throw new Error('the built manifest has no <SourceLocation …/taskpane.html>');
  return built.split(host).join(publicOrigin.replace(/\/$/, ''));
}

interface AddinOptions {
  enabled: boolean;
  /** The add-in's `dist` folder. */
  dir: string;
  publicOrigin?: string;
}

async function addinPlugin(app: FastifyInstance, options: AddinOptions): Promise<void> {
  if (!options.enabled) return;
  if (!existsSync(join(options.dir, 'taskpane.html'))) {
    app.log.info(
      { dir: options.dir },
      'add-in not built here; not serving it (pnpm --filter @yuantou/excel-addin build)',
    );
    return;
  }
  const files = readBuiltFiles(options.dir);
  const builtManifest = files.get('/manifest.xml')?.toString('utf8');
  const manifest =
    builtManifest && options.publicOrigin
      ? Buffer.from(manifestFor(builtManifest, options.publicOrigin))
      : undefined;
  app.log.info(
    { files: files.size, manifest: manifest ? `${options.publicOrigin}/manifest.xml` : null },
    manifest ? 'serving the add-in' : 'serving the add-in; set YUANTOU_PUBLIC_ORIGIN to serve its manifest',
  );
  for (const [path, body] of files) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      if (path === '/manifest.xml') {
        if (!manifest) {
          return sendProblem(
            reply,
            problem(
              404,
              'set YUANTOU_PUBLIC_ORIGIN (the https origin buyers reach this proxy at) to serve the add-in manifest',
            ),
          );
        }
        return reply.headers(PAGE_HEADERS).type(CONTENT_TYPES['.xml']!).send(manifest);
      }
      return reply.headers(PAGE_HEADERS).type(CONTENT_TYPES[extname(path)]!).send(body);
    });
  }
}

export default fp(addinPlugin, { name: 'addin' });
