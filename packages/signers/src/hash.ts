import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// @noble/hashes rather than node:crypto: @yuantou/core runs these signers in the browser too, and
// WebCrypto has neither MD5 nor a synchronous API.

export function md5HexUpper(text: string): string {
  return bytesToHex(md5(utf8ToBytes(text))).toUpperCase();
}

export function hmacSha1HexUpper(key: string, text: string): string {
  return bytesToHex(hmac(sha1, utf8ToBytes(key), utf8ToBytes(text))).toUpperCase();
}
