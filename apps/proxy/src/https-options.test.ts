import { describe, expect, it } from 'vitest';
import { httpsOptionsFromEnv } from './https-options.js';

const files: Record<string, string> = { '/certs/cert.pem': 'CERT', '/certs/key.pem': 'KEY' };
const read = (file: string) => {
  if (file.endsWith('.office-addin-dev-certs/localhost.crt')) return Buffer.from('DEV-CERT');
  if (file.endsWith('.office-addin-dev-certs/localhost.key')) return Buffer.from('DEV-KEY');
  const body = files[file];
  if (body === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return Buffer.from(body);
};

describe('httpsOptionsFromEnv', () => {
  it('is off by default (plain http on loopback)', () => {
    expect(httpsOptionsFromEnv({}, read)).toBeUndefined();
  });

  it('reads HTTPS_CERT and HTTPS_KEY', () => {
    const options = httpsOptionsFromEnv({ HTTPS_CERT: '/certs/cert.pem', HTTPS_KEY: '/certs/key.pem' }, read);
    expect(options?.cert.toString()).toBe('CERT');
    expect(options?.key.toString()).toBe('KEY');
  });

  it("PROXY_HTTPS=1 alone reuses the add-in's development certificate", () => {
    const options = httpsOptionsFromEnv({ PROXY_HTTPS: '1' }, read);
    expect(options?.cert.toString()).toBe('DEV-CERT');
    expect(options?.source).toContain('development certificate');
  });

  it('says what is wrong: one of the two, or a file that cannot be read', () => {
    expect(() => httpsOptionsFromEnv({ HTTPS_CERT: '/certs/cert.pem' }, read)).toThrow(
      /both HTTPS_CERT and HTTPS_KEY/,
    );
    expect(() =>
      httpsOptionsFromEnv({ HTTPS_CERT: '/certs/cert.pem', HTTPS_KEY: '/nope.pem' }, read),
    ).toThrow('HTTPS_KEY: cannot read /nope.pem (ENOENT)');
  });
});

describe('the proxy over https', () => {
  it('serves /healthz on https://localhost with the given certificate', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const https = await import('node:https');
    const { buildApp } = await import('./app.js');
    const { loadConfig } = await import('./config/load-config.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'yuantou-tls-'));
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const options = httpsOptionsFromEnv({ HTTPS_CERT: cert, HTTPS_KEY: key });
    const app = await buildApp(loadConfig({ env: { LOG_LEVEL: 'silent', YUANTOU_STORE: 'off' }, cwd: dir }), {
      https: options!,
    });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      expect(address).toMatch(/^https:\/\//);
      const status = await new Promise<number>((resolve, reject) => {
        https
          .get(
            `${address}/healthz`,
            { ca: readFileSync(cert), servername: 'localhost', headers: { host: 'localhost' } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          )
          .on('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
