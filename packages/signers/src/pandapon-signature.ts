import { md5SecretSuffixSignature } from './md5-secret-suffix-signature.js';
import type { SignatureResult } from './types.js';

/** Input of a {@link PandaponSigner}: the values of the signed request headers and the secret. */
export interface PandaponSignatureInput {
  /** The `access-key` header: the account's access key. */
  accessKey: string;
  /** 13-digit milliseconds; the platform rejects values more than 600 s from UTC. */
  timestamp: string | number;
  /** The `nonce-str` header: 32 random characters, chosen by the caller. */
  nonce: string;
  /** The account secret: hashed, never in `stringToSign`. */
  secret: string;
}

/**
 * Computes PandaPon's `signature` header. {@link pandaponSignature} is the default (an unverified guess); pass
 * another one to the PandaPon adapter when the real recipe is known.
 */
export type PandaponSigner = (input: PandaponSignatureInput) => SignatureResult;

/**
 * PandaPon `signature` header — **UNVERIFIED**. Seed 004 says `access-key`, `timestamp` and `nonce-str`
 * are signed (not `user-id`) and shows 32 upper-case hex digits, consistent with MD5, but the recipe is
 * not public. This is the most likely reading: the DajiSaaS scheme over those three headers, i.e.
 * `MD5("access-key=…&nonce-str=…&timestamp=…&secret=<secret>")` upper case.
 *
 * It is the only place that encodes the guess: pass another {@link PandaponSigner} to the PandaPon
 * adapter when the real recipe is known.
 */
export const pandaponSignature: PandaponSigner = ({ accessKey, timestamp, nonce, secret }) =>
  md5SecretSuffixSignature({
    params: { 'access-key': accessKey, 'nonce-str': nonce, timestamp: String(timestamp) },
    secret,
  });
