import { describe, expect, it } from 'vitest';
import {
  aopSign,
  dajisaasSign,
  oneboundSign,
  pandaponSign,
  pythonUrlencode,
  quotePlusBytes,
} from './fake-signatures.js';

describe('the fakes’ own signature readings', () => {
  it('encodes like Python quote_plus (values computed with CPython 3.12)', () => {
    // urllib.parse.quote_plus('a b*~!\'()玩') == 'a+b%2A~%21%27%28%29%E7%8E%A9'
    expect(quotePlusBytes("a b*~!'()玩")).toBe('a+b%2A~%21%27%28%29%E7%8E%A9');
    expect(
      pythonUrlencode([
        ['q', '玩具厂'],
        ['page', '1'],
      ]),
    ).toBe('q=%E7%8E%A9%E5%85%B7%E5%8E%82&page=1');
  });

  it('reproduces the 1688 Open Platform’s published _aop_signature example', () => {
    expect(aopSign('param2/1/system/currentTime/1000000', { b: '2', a: '1' }, 'test123')).toBe(
      '33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88',
    );
  });

  it('ignores the signature parameter itself and depends on every other one', () => {
    const params = { key: 'k', q: '玩具', page: '1' };
    expect(oneboundSign({ ...params, sign: 'X' }, 's')).toBe(oneboundSign(params, 's'));
    expect(oneboundSign({ ...params, page: '2' }, 's')).not.toBe(oneboundSign(params, 's'));
    expect(dajisaasSign({ ...params, sign: 'X' }, 's')).toBe(dajisaasSign(params, 's'));
    expect(dajisaasSign(params, 't')).not.toBe(dajisaasSign(params, 's'));
    expect(aopSign('p', { ...params, _aop_signature: 'X' }, 's')).toBe(aopSign('p', params, 's'));
  });

  it('matches digests computed with CPython hashlib/urllib', () => {
    // hashlib.md5((urlencode(sorted(params.items())) + 's').encode()).hexdigest().upper()
    expect(oneboundSign({ key: 'k', q: '玩 具*~', page: '1' }, 's')).toBe('218E7323CC0DB938E6C0B03CB14D2B24');
    // hashlib.md5(b'a=1&b=2&secret=s').hexdigest().upper()
    expect(dajisaasSign({ b: '2', a: '1' }, 's')).toBe('220373B5AEBB402685A2D5C4F3CA39D4');
    // hashlib.md5(b'access-key=k&nonce-str=n&timestamp=1&secret=s').hexdigest().upper()
    expect(pandaponSign('k', 'n', '1', 's')).toBe('06749D8BA462FBB1F50759CACA9BC02F');
  });
});
