import type { RequestContext } from './provider-contract.js';

const NONCE_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** 32 random alphanumerics from WebCrypto (present in Node ≥ 20 and every browser). */
export function randomNonce(length = 32): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => NONCE_ALPHABET[b % NONCE_ALPHABET.length]).join('');
}

export function resolveContext(ctx?: Partial<RequestContext>): RequestContext {
  return { now: ctx?.now ?? new Date(), nonce: ctx?.nonce ?? randomNonce() };
}

/** Joins a base URL (with or without trailing slash) and a path, keeping any path prefix of the base. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
