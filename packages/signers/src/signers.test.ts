import { describe, expect, it } from 'vitest';
import vectors from './__fixtures__/signers.vectors.json' with { type: 'json' };
import {
  aopSignature,
  md5SecretSuffixSignature,
  md5SortedQuerySignature,
  pandaponSignature,
} from './index.js';

describe('aopSignature (1688 Open Platform)', () => {
  // `published-example` is the platform's own published example (signature 33E54F4F…); the rest are ours.
  it.each(vectors.aop)('vector $name', ({ urlPath, params, secret, signature, stringToSign }) => {
    expect(aopSignature({ urlPath, params, secret })).toEqual({ signature, stringToSign });
  });

  it('sorts the concatenated key+value strings, not the keys', () => {
    // By key, `a` < `ab`; by concatenation, `ab0` < `a~` since `b` < `~`.
    const { stringToSign } = aopSignature({ urlPath: 'p/', params: { a: '~', ab: '0' }, secret: 'x' });
    expect(stringToSign).toBe('p/ab0a~');
  });

  it('ignores an existing _aop_signature and empty values', () => {
    const base = aopSignature({ urlPath: 'p/', params: { a: '1' }, secret: 'x' });
    const withExtras = aopSignature({
      urlPath: 'p/',
      params: { a: '1', _aop_signature: 'OLD', b: null, c: undefined },
      secret: 'x',
    });
    expect(withExtras).toEqual(base);
  });
});

describe('md5SortedQuerySignature (Onebound)', () => {
  it.each(vectors.md5SortedQuery)('vector $name', ({ params, secret, signature, stringToSign }) => {
    expect(md5SortedQuerySignature({ params, secret })).toEqual({ signature, stringToSign });
  });

  it('encodes like Python urlencode, not like URLSearchParams', () => {
    const { stringToSign } = md5SortedQuerySignature({ params: { q: "T恤*定制~(新款)!' a" }, secret: 's' });
    expect(stringToSign).toBe('q=T%E6%81%A4%2A%E5%AE%9A%E5%88%B6~%28%E6%96%B0%E6%AC%BE%29%21%27+a');
    expect(stringToSign).not.toBe(new URLSearchParams({ q: "T恤*定制~(新款)!' a" }).toString());
  });

  it('signs numbers and booleans as their wire text', () => {
    const asText = md5SortedQuerySignature({ params: { page: '2', cache: 'false' }, secret: 's' });
    const asValues = md5SortedQuerySignature({ params: { page: 2, cache: false }, secret: 's' });
    expect(asValues).toEqual(asText);
  });

  it('rejects values it cannot encode instead of signing garbage', () => {
    expect(() => md5SortedQuerySignature({ params: { q: '\uD800' }, secret: 's' })).toThrow(/surrogate/);
    expect(() => md5SortedQuerySignature({ params: { page: Number.NaN }, secret: 's' })).toThrow(
      /non-finite/,
    );
  });
});

describe('md5SecretSuffixSignature (DajiSaaS)', () => {
  it.each(vectors.md5SecretSuffix)('vector $name', ({ params, secret, signature, stringToSign }) => {
    expect(md5SecretSuffixSignature({ params, secret })).toEqual({ signature, stringToSign });
  });

  it('signs raw values without URL encoding', () => {
    const { stringToSign } = md5SecretSuffixSignature({ params: { q: 'a&b c' }, secret: 's' });
    expect(stringToSign).toBe('q=a&b c&secret=');
  });
});

describe('pandaponSignature (unverified recipe)', () => {
  it.each(vectors.pandapon)(
    'vector $accessKey',
    ({ accessKey, timestamp, nonce, secret, signature, stringToSign }) => {
      expect(pandaponSignature({ accessKey, timestamp, nonce, secret })).toEqual({ signature, stringToSign });
    },
  );

  it('accepts the timestamp as a number', () => {
    const [v] = vectors.pandapon;
    const input = { accessKey: v!.accessKey, nonce: v!.nonce, secret: v!.secret };
    expect(pandaponSignature({ ...input, timestamp: Number(v!.timestamp) })).toEqual(
      pandaponSignature({ ...input, timestamp: v!.timestamp }),
    );
  });
});
