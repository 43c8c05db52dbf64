import { describe, expect, it } from 'vitest';
import { answersWithoutCors, diagnoseBlock, localNetworkPermission } from './browser-block.js';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0 Safari/537.36';
const MAC_WEBVIEW = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const evidence = {
  pageUrl: 'https://addin.example.com/taskpane.html',
  proxyUrl: 'http://127.0.0.1:8787',
  userAgent: CHROME,
  localNetwork: null,
  answersWithoutCors: false,
} as const;

describe('browser block or wrong URL', () => {
  it('nothing visible: a wrong URL or a stopped proxy (null)', () => {
    expect(diagnoseBlock(evidence)).toBeNull();
  });

  it('mixed content: https page to http on another host always; to loopback only on WebKit', () => {
    expect(diagnoseBlock({ ...evidence, proxyUrl: 'http://192.168.1.20:8787' })).toBe('mixed-content');
    expect(diagnoseBlock({ ...evidence, userAgent: MAC_WEBVIEW })).toBe('mixed-content');
    expect(
      diagnoseBlock({
        ...evidence,
        pageUrl: 'http://localhost:3000/taskpane.html',
        proxyUrl: 'http://192.168.1.20:8787',
      }),
    ).toBeNull();
    expect(
      diagnoseBlock({ ...evidence, proxyUrl: 'https://localhost:8787', userAgent: MAC_WEBVIEW }),
    ).toBeNull();
  });

  it('local network access denied, for a local proxy only', () => {
    expect(diagnoseBlock({ ...evidence, localNetwork: 'denied' })).toBe('local-network');
    expect(diagnoseBlock({ ...evidence, localNetwork: 'prompt' })).toBeNull();
    expect(
      diagnoseBlock({ ...evidence, localNetwork: 'denied', proxyUrl: 'https://proxy.example.com' }),
    ).toBeNull();
  });

  it('CORS: the proxy answers a no-cors request, so it is up and refused the origin', () => {
    expect(diagnoseBlock({ ...evidence, answersWithoutCors: true })).toBe('cors');
  });

  it('reads Chrome’s permission name, then Edge’s, and null where neither exists', async () => {
    const asked: string[] = [];
    const edge = {
      query: async ({ name }: { name: string }) => {
        asked.push(name);
        if (name !== 'loopback-network') throw new TypeError('unknown permission');
        return { state: 'denied' } as PermissionStatus;
      },
    };
    expect(await localNetworkPermission(edge as unknown as Permissions)).toBe('denied');
    expect(asked).toEqual(['local-network-access', 'loopback-network']);
    const none = { query: async () => Promise.reject(new TypeError('unknown')) };
    expect(await localNetworkPermission(none as unknown as Permissions)).toBeNull();
    expect(await localNetworkPermission(undefined)).toBeNull();
  });

  it('probes /healthz with mode no-cors, and a network failure is false', async () => {
    const seen: [string, RequestInit][] = [];
    const up = async (url: string, init: RequestInit) => {
      seen.push([url, init]);
      return new Response(null, { status: 200 });
    };
    expect(await answersWithoutCors('http://127.0.0.1:8787', up)).toBe(true);
    expect(seen[0]![0]).toBe('http://127.0.0.1:8787/healthz');
    expect(seen[0]![1].mode).toBe('no-cors');
    const down = async () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await answersWithoutCors('http://127.0.0.1:8787/yuantou', down)).toBe(false);
  });
});
