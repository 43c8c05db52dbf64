import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aopSignature,
  md5SecretSuffixSignature,
  md5SortedQuerySignature,
  pandaponSignature,
} from './index.js';
import type { Params } from './types.js';

// Secrets are drawn from an alphabet params never use, so "stringToSign contains the secret" can only
// happen if a signer leaks it.
const secret = fc.string({ unit: fc.constantFrom(...'§¤¶'), minLength: 1, maxLength: 24 });
const key = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== '__proto__');
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('玩具厂', '丝绸 连衣裙', 'a&b=c+d/e', "T恤*定制~(新款)!'"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const params = fc.dictionary(key, value, { maxKeys: 8 }).map((p) => p as Params);

function reversed(p: Params): Params {
  return Object.fromEntries(Object.entries(p).reverse());
}

function withoutLoneSurrogates(p: Params): boolean {
  return Object.entries(p).every(([k, v]) => k.isWellFormed() && (typeof v !== 'string' || v.isWellFormed()));
}

const signers = {
  aopSignature: (p: Params, s: string) =>
    aopSignature({ urlPath: 'param2/1/ns/api/1', params: p, secret: s }),
  md5SortedQuerySignature: (p: Params, s: string) => md5SortedQuerySignature({ params: p, secret: s }),
  md5SecretSuffixSignature: (p: Params, s: string) => md5SecretSuffixSignature({ params: p, secret: s }),
};

describe.each(Object.entries(signers))('%s properties', (_name, sign) => {
  it('does not depend on the order of the params object', () => {
    fc.assert(
      fc.property(params, secret, (p, s) => {
        fc.pre(withoutLoneSurrogates(p));
        expect(sign(reversed(p), s)).toEqual(sign(p, s));
      }),
    );
  });

  it('never puts the secret in stringToSign', () => {
    fc.assert(
      fc.property(params, secret, (p, s) => {
        fc.pre(withoutLoneSurrogates(p));
        expect(sign(p, s).stringToSign).not.toContain(s);
      }),
    );
  });

  it('changes the signature when the secret changes', () => {
    fc.assert(
      fc.property(params, secret, secret, (p, s1, s2) => {
        fc.pre(s1 !== s2 && withoutLoneSurrogates(p));
        expect(sign(p, s1).signature).not.toBe(sign(p, s2).signature);
      }),
    );
  });
});

describe('pandaponSignature properties', () => {
  it('never puts the secret in stringToSign', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
        fc.nat(),
        secret,
        (nonce, ts, s) => {
          expect(
            pandaponSignature({ accessKey: 'ak', timestamp: ts, nonce, secret: s }).stringToSign,
          ).not.toContain(s);
        },
      ),
    );
  });
});
