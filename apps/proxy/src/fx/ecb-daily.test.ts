import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EcbFeedError, parseEcbDaily } from './ecb-daily.js';

const verbatim = readFileSync(
  new URL('./__fixtures__/ecb-eurofxref-daily-2024-03-13.xml', import.meta.url),
  'utf8',
);

describe('parseEcbDaily', () => {
  it('reads the verbatim daily file (single-quoted attributes)', () => {
    const daily = parseEcbDaily(verbatim);
    expect(daily.date).toBe('2024-03-13');
    expect(daily.perEur.size).toBe(31); // 30 currencies + EUR itself
    expect(daily.perEur.get('CNY')).toBe(7.8678);
    expect(daily.perEur.get('USD')).toBe(1.0939);
    expect(daily.perEur.get('EUR')).toBe(1);
    expect(daily.perEur.has('RUB')).toBe(false);
  });

  it('reads the double-quoted form of the -hist files just the same', () => {
    const doubleQuoted = verbatim.replaceAll("'", '"');
    expect(parseEcbDaily(doubleQuoted)).toEqual(parseEcbDaily(verbatim));
  });

  it('ignores Cube elements outside the eurofxref namespace', () => {
    const foreign = verbatim.replace(
      '<Cube>',
      '<x:Cube xmlns:x="urn:other" currency="XXX" rate="nope"/><Cube>',
    );
    expect(parseEcbDaily(foreign).perEur.has('XXX')).toBe(false);
  });

  it('rejects what is not a rate file', () => {
    expect(() => parseEcbDaily('<html><body>maintenance</body></html>')).toThrow(EcbFeedError);
    expect(() => parseEcbDaily(verbatim.slice(0, 400))).toThrow(EcbFeedError);
    expect(() => parseEcbDaily(verbatim.replace("rate='1.0939'", "rate='n/a'"))).toThrow(/USD/);
  });
});
