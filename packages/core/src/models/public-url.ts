import * as z from 'zod';

// An image URL is fetched by a paid provider on our behalf. A URL that points into a private network, at a cloud
// metadata service or at `localhost` cannot work from the provider's side (it would cost a call and fail) and
// must never be something the proxy helps to probe. Pure string checks on the WHATWG-normalised URL (which
// already turns `0x7f.1` or `2130706433` into `127.0.0.1`): browser-safe, no DNS.

/** Longest accepted image URL: 1688's own image links are well under it. */
export const MAX_IMAGE_URL_LENGTH = 2048;

function ipv4Parts(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const numbers = parts.map(Number);
  return numbers.every((n) => n <= 255) ? numbers : undefined;
}

/** 0/8, 10/8, 100.64/10 (CGNAT), 127/8, 169.254/16 (link-local, metadata), 172.16/12, 192.0.0/24, 192.168/16, 198.18/15, 224/3. */
function isPrivateIpv4([a = 0, b = 0, c = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

/**
 * Whether a URL's hostname can only be a public internet host: not `localhost`, not a single-label intranet
 * name, not `*.internal`/`*.local`, not a private or reserved IPv4 address, and no IPv6 literal outside global
 * unicast (2000::/3 — which excludes `::1`, `fc00::/7`, `fe80::/10` and IPv4-mapped `::ffff:…`).
 */
export function isPublicHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return /^\[[23][0-9a-f]{0,3}:/.test(host);
  const v4 = ipv4Parts(host);
  if (v4) return !isPrivateIpv4(v4);
  if (!host.includes('.')) return false;
  return !/(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/.test(host);
}

function parsed(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** An http(s) URL a provider can fetch from the public internet, with no credentials in it. */
export const PublicImageUrl = z
  .url({ protocol: /^https?$/ })
  .max(MAX_IMAGE_URL_LENGTH, `imageUrl is longer than ${MAX_IMAGE_URL_LENGTH} characters`)
  // zod runs these refinements even after `url()` failed, so an unparseable URL must not throw here.
  .refine((url) => {
    const u = parsed(url);
    return u === undefined || (u.username === '' && u.password === '');
  }, 'imageUrl must not carry a user name or password')
  .refine((url) => {
    const u = parsed(url);
    return u === undefined || isPublicHostname(u.hostname);
  }, 'imageUrl must point at a public internet host (not localhost, a private network or a link-local address)');
