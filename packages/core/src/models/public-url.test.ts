import { describe, expect, it } from 'vitest';
import { isPublicHostname, PublicImageUrl } from './public-url.js';

const accepted = (url: string) => PublicImageUrl.safeParse(url).success;

describe('PublicImageUrl', () => {
  it.each([
    'https://cbu01.alicdn.com/img/ibank/O1CN01abc.jpg',
    'http://img.example.com/a.png?x=1',
    'https://8.8.8.8/a.jpg',
    'https://[2001:db8::1]/a.jpg',
  ])('accepts the public URL %s', (url) => {
    expect(accepted(url)).toBe(true);
  });

  it.each([
    'http://127.0.0.1/a.jpg',
    'http://127.1/a.jpg',
    'http://0x7f.0.0.1/a.jpg',
    'http://2130706433/a.jpg',
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost:8787/v1/providers',
    'http://api.localhost/a.jpg',
    'http://[::1]/a.jpg',
    'http://[::ffff:127.0.0.1]/a.jpg',
    'http://[fe80::1]/a.jpg',
    'http://[fd00::1]/a.jpg',
    'http://10.0.0.5/a.jpg',
    'http://172.20.1.1/a.jpg',
    'http://192.168.1.10/a.jpg',
    'http://100.100.100.200/latest/meta-data/',
    'http://0.0.0.0/a.jpg',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://redis/a.jpg',
    'https://user:pass@img.example.com/a.jpg',
    'https://user@img.example.com/a.jpg',
    `https://img.example.com/${'a'.repeat(2100)}.jpg`,
    'ftp://img.example.com/a.jpg',
  ])('refuses %s', (url) => {
    expect(accepted(url)).toBe(false);
  });

  it('tells public host names from private ones', () => {
    expect(isPublicHostname('cbu01.alicdn.com')).toBe(true);
    expect(isPublicHostname('172.15.0.1')).toBe(true);
    expect(isPublicHostname('172.16.0.1')).toBe(false);
    expect(isPublicHostname('printer.local')).toBe(false);
  });
});

describe('PublicImageUrl on text that is not a URL', () => {
  it.each(['not a url', '', 'http://', '://x'])('refuses %j without throwing', (text) => {
    expect(() => PublicImageUrl.safeParse(text)).not.toThrow();
    expect(PublicImageUrl.safeParse(text).success).toBe(false);
  });
});
