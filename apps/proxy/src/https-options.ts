import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

// HTTPS for the proxy. Excel on Mac runs add-ins in WKWebView, which "may block http loopback from an https
// page as mixed content (unverified): offer https://localhost with a locally trusted certificate". So the
// proxy can serve https:
// - HTTPS_CERT / HTTPS_KEY: paths to a PEM certificate and key;
// - PROXY_HTTPS=1 without them: the add-in's development certificate, the one `pnpm start` already has
//   office-addin-dev-certs create and trust for https://localhost:3000 (~/.office-addin-dev-certs/).
// Then set the add-in's proxy URL to https://localhost:8787.

export interface HttpsOptions {
  cert: Buffer;
  key: Buffer;
  /** Where they came from, for the start-up line. */
  source: string;
}

const DEV_CERT_DIR = path.join(homedir(), '.office-addin-dev-certs');

export function httpsOptionsFromEnv(
  env: Record<string, string | undefined>,
  read: (file: string) => Buffer = (file) => readFileSync(file),
): HttpsOptions | undefined {
  const cert = env.HTTPS_CERT?.trim();
  const key = env.HTTPS_KEY?.trim();
  if (!cert && !key && env.PROXY_HTTPS !== '1') return undefined;
  if (Boolean(cert) !== Boolean(key))
    throw new Error('set both HTTPS_CERT and HTTPS_KEY (PEM file paths), or neither');
  const files =
    cert && key
      ? { cert, key, source: 'HTTPS_CERT/HTTPS_KEY' }
      : {
          cert: path.join(DEV_CERT_DIR, 'localhost.crt'),
          key: path.join(DEV_CERT_DIR, 'localhost.key'),
          source: "the add-in's development certificate",
        };
  const load = (name: 'HTTPS_CERT' | 'HTTPS_KEY', file: string) => {
    try {
      return read(file);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      const hint =
        env.PROXY_HTTPS === '1' && !cert
          ? ' (run `pnpm start` once, or `npx office-addin-dev-certs install`)'
          : '';
      throw new Error(`${name}: cannot read ${file} (${reason})${hint}`);
    }
  };
  return { cert: load('HTTPS_CERT', files.cert), key: load('HTTPS_KEY', files.key), source: files.source };
}
