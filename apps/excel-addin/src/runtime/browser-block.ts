// Telling a browser block apart from a wrong proxy URL, as far as a page can. When fetch fails the browser
// gives the page one opaque `TypeError: Failed to fetch` for all of them — a proxy that is not running, a
// wrong address, a CORS refusal, a Local Network Access denial, mixed content — on purpose (the details
// would let any site scan the network). What a page can still learn, and what this module uses:
// - Mixed content is decidable from the two URLs: an https page calling http is blocked by every browser,
//   except that Chromium treats http://127.0.0.1 / localhost as potentially trustworthy. "Excel on Mac
//   (WKWebView) may block http loopback from an https page as mixed content (unverified)": on WebKit without
//   Chrome in the user agent we say so for loopback too.
// - Local Network Access (Chrome 142+, Edge 143+; "Edge 146+: loopback-network") is a permission the page can
//   read: navigator.permissions.query({ name: 'local-network-access' }) — 'denied' means the user (or an
//   admin) blocked it; browsers without it throw, which tells nothing.
// - CORS: a `mode: 'no-cors'` GET of the proxy's /healthz (free: no provider is called) resolves with an
//   opaque answer when the server is up — so the real call was refused by CORS, not by the network. It
//   rejects when nothing answers (wrong URL, proxy stopped), and also when LNA or mixed content blocks it.
// What stays unknowable: a denied LNA prompt in a browser without the permission API looks like a stopped
// proxy; so the wrong-URL message still mentions the browser permission.

export type BrowserBlock = 'mixed-content' | 'local-network' | 'cors';

export type PermissionAnswer = 'granted' | 'denied' | 'prompt' | null;

export interface BlockEvidence {
  /** The page's own URL (`location.href`). */
  pageUrl: string;
  proxyUrl: string;
  /** The user agent: WebKit without Chrome is Safari / WKWebView (Excel on Mac). */
  userAgent: string;
  /** The Local Network Access permission, null when the browser has none to read. */
  localNetwork: PermissionAnswer;
  /** A no-cors request got an answer: the proxy is up. null when not tried. */
  answersWithoutCors: boolean | null;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;
const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|\[f[cd])/i;

/** Whether a host is this machine or the local network (what LNA guards). */
export function isLocalHost(hostname: string): boolean {
  return LOOPBACK.test(hostname) || PRIVATE.test(hostname) || hostname.endsWith('.local');
}

const isWebKitOnly = (ua: string) => /AppleWebKit/.test(ua) && !/Chrome|Chromium|Edg\//.test(ua);

/** The block the evidence proves (or, for WebKit loopback, makes likely); null when none is visible. */
export function diagnoseBlock(evidence: BlockEvidence): BrowserBlock | null {
  let page: URL;
  let proxy: URL;
  try {
    page = new URL(evidence.pageUrl);
    proxy = new URL(evidence.proxyUrl);
  } catch {
    return null;
  }
  if (page.protocol === 'https:' && proxy.protocol === 'http:') {
    if (!LOOPBACK.test(proxy.hostname) || isWebKitOnly(evidence.userAgent)) return 'mixed-content';
  }
  if (evidence.localNetwork === 'denied' && isLocalHost(proxy.hostname)) return 'local-network';
  if (evidence.answersWithoutCors === true) return 'cors';
  return null;
}

/** The LNA permission: Chrome's name first, then Edge's; null when the browser knows neither. */
export async function localNetworkPermission(
  permissions: Pick<Permissions, 'query'> | undefined,
): Promise<PermissionAnswer> {
  for (const name of ['local-network-access', 'loopback-network']) {
    try {
      const status = await permissions?.query({ name } as unknown as PermissionDescriptor);
      if (status) return status.state as PermissionAnswer;
    } catch {
      // an unknown permission name throws: try the next
    }
  }
  return null;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Whether the proxy answers a no-cors GET of /healthz within `ms` (an opaque answer counts). */
export async function answersWithoutCors(proxyUrl: string, fetch: Fetch, ms = 3000): Promise<boolean> {
  try {
    const url = new URL('healthz', proxyUrl.endsWith('/') ? proxyUrl : `${proxyUrl}/`).toString();
    await fetch(url, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(ms) });
    return true;
  } catch {
    return false;
  }
}

/** Gathers the evidence in this page (bounded: at most one 3 s probe) and names the block, if any. */
export async function findBrowserBlock(proxyUrl: string, fetch: Fetch): Promise<BrowserBlock | null> {
  const nav = globalThis.navigator as Navigator | undefined;
  const location = (globalThis as { location?: { href: string } }).location;
  if (!location) return null; // Node (tests, the built functions outside a page): no browser to block
  const [localNetwork, answers] = await Promise.all([
    localNetworkPermission(nav?.permissions),
    answersWithoutCors(proxyUrl, fetch),
  ]);
  return diagnoseBlock({
    pageUrl: location.href,
    proxyUrl,
    userAgent: nav?.userAgent ?? '',
    localNetwork,
    answersWithoutCors: answers,
  });
}
