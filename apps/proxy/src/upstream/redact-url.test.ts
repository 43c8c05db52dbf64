import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('keeps origin and path, drops the query string that carries credentials', () => {
    expect(redactUrl('https://api-gw.onebound.cn/1688/item_search/?key=K1&secret=S1&q=dress')).toBe(
      'https://api-gw.onebound.cn/1688/item_search/',
    );
  });

  it('drops user info and fragment', () => {
    expect(redactUrl('http://user:pass@127.0.0.1:8080/a/b#frag')).toBe('http://127.0.0.1:8080/a/b');
  });

  it('never echoes the query of something that is not a URL', () => {
    expect(redactUrl('not a url?token=abc')).toBe('not a url');
    expect(redactUrl('weird://user:pw@host/p?x=1')).toBe('weird://host/p');
  });
});
