import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicHostname, PublicImageUrl } from '@yuantou/core';
import { Agent, request } from 'undici';
import { ProblemError, problem } from '../problem.js';

// `imageUrl` of any public host works for every provider (issue 26): where a provider finds only images hosted by
// Alibaba and takes uploads, the proxy fetches the image itself, within the same SSRF rules as the URL check
// (no loopback, private, link-local or credentialed address) — applied again to the address DNS gives, so a
// public name resolving to a private address is refused too. The body is bounded: an untrusted upstream.

/** Largest image body fetched from an `imageUrl` (a 20 MP phone JPEG is under 10 MB). */
export const MAX_FETCHED_IMAGE_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

/** Fetches an image by URL, answering its bytes as base64; failures are a 400 naming `imageUrl`. */
export type ImageFetcher = (url: string, signal?: AbortSignal) => Promise<string>;

function badUrl(detail: string): ProblemError {
  return new ProblemError(problem(400, `imageUrl ${detail}`, { field: 'imageUrl', kind: 'validation' }));
}

/** A DNS lookup that refuses any address outside the public internet (the SSRF rule, after resolution). */
export function publicOnlyLookup(resolve: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = (
        Array.isArray(addresses) ? addresses : [{ address: addresses, family: 4 }]
      ) as LookupAddress[];
      const refused = list.find((a) => !isPublicHostname(a.family === 6 ? `[${a.address}]` : a.address));
      if (refused || list.length === 0) {
        return callback(
          Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: 'EPRIVATE' }),
          '',
          4,
        );
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export function createImageFetcher(
  options: { lookup?: LookupFunction; maxBytes?: number } = {},
): ImageFetcher {
  const maxBytes = options.maxBytes ?? MAX_FETCHED_IMAGE_BYTES;
  const agent = new Agent({ connect: { lookup: options.lookup ?? publicOnlyLookup(), timeout: TIMEOUT_MS } });
  return async function fetchImage(url, signal) {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!PublicImageUrl.safeParse(current).success)
        throw badUrl('redirects to an address that is not public');
      let response: Awaited<ReturnType<typeof request>>;
      try {
        response = await request(current, {
          dispatcher: agent,
          signal: signal
            ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)])
            : AbortSignal.timeout(TIMEOUT_MS),
          headers: { accept: 'image/jpeg, image/png, image/webp' },
        });
      } catch (error) {
        const code =
          (error as { code?: string; cause?: { code?: string } }).cause?.code ??
          (error as { code?: string }).code;
        throw badUrl(code === 'EPRIVATE' ? 'points at a non-public address' : 'could not be fetched');
      }
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
        await response.body.dump();
        current = new URL(location, current).toString();
        continue;
      }
      if (response.statusCode !== 200) {
        await response.body.dump();
        throw badUrl(`could not be fetched (HTTP ${response.statusCode})`);
      }
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > maxBytes) {
        await response.body.dump();
        throw badUrl(`is larger than ${maxBytes} bytes`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          response.body.destroy();
          throw badUrl(`is larger than ${maxBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('base64');
    }
    throw badUrl('redirects too many times');
  };
}
