import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_LINES } from './glossary-terms.js';
import { translateWithGlossary } from './glossary-translator.js';

describe('translateWithGlossary', () => {
  it('translates the issue examples the way a 1688 search box expects them', () => {
    expect(translateWithGlossary('toy factory').text).toBe('玩具厂');
    expect(translateWithGlossary('silk dress').text).toBe('真丝连衣裙');
    expect(translateWithGlossary('factory').text).toBe('厂');
  });

  it('prefers the longest known phrase over its single words', () => {
    // "silk dress" is a phrase; word by word it would read 真丝 + 连衣裙 and still match, but "plush toy" is
    // 毛绒玩具 while plush alone is unknown.
    const result = translateWithGlossary('Plush Toy manufacturer');
    expect(result.text).toBe('毛绒玩具生产厂家');
    expect(result.unknown).toEqual([]);
    expect(result.translatedWords).toBe(3);
  });

  it('reads regular plurals and punctuation', () => {
    expect(translateWithGlossary('toys').text).toBe('玩具');
    expect(translateWithGlossary('boxes').text).toBe('盒');
    expect(translateWithGlossary('batteries').text).toBe('电池');
    expect(translateWithGlossary('T-shirt, cotton').text).toBe('T恤纯棉');
  });

  it('keeps unknown words as typed and lists them', () => {
    const result = translateWithGlossary('iphone15 phone case');
    expect(result.text).toBe('iphone15 手机壳');
    expect(result.unknown).toEqual(['iphone15']);
  });

  it('translates nothing it does not know', () => {
    const result = translateWithGlossary('zyxxy quux');
    expect(result).toEqual({ text: 'zyxxy quux', unknown: ['zyxxy', 'quux'], translatedWords: 0 });
  });

  it('holds a few hundred terms, every one with a Chinese side', () => {
    expect(GLOSSARY.size).toBeGreaterThan(300);
    for (const [english, chinese] of GLOSSARY) {
      expect(english, chinese).toMatch(/^[a-z0-9 ]+$/);
      expect(chinese, english).toMatch(/\p{Script=Han}|^[A-Z]+$/u);
    }
  });

  it("knows the import buyer's phrases as phrases, with their plurals (issue 21)", () => {
    expect(translateWithGlossary('teddy bears').text).toBe('泰迪熊');
    expect(translateWithGlossary('stuffed animals').text).toBe('毛绒玩具');
    expect(translateWithGlossary('LED strips').text).toBe('LED灯带');
    expect(translateWithGlossary('stainless steel lunch boxes').text).toBe('不锈钢饭盒');
    expect(translateWithGlossary('silicone dog bowls wholesale').text).toBe('硅胶狗碗批发');
    // Irregular plurals are listed as such.
    expect(translateWithGlossary('kitchen knives').text).toBe('菜刀');
    expect(translateWithGlossary('custom logo cotton tote bag').text).toBe('定制logo纯棉帆布袋');
  });

  it('keeps brand names as typed, counted as known rather than untranslated', () => {
    const result = translateWithGlossary('LEGO building blocks');
    expect(result).toEqual({ text: 'lego积木', unknown: [], translatedWords: 3 });
    expect(translateWithGlossary('iphone phone case').text).toBe('iphone手机壳');
  });

  it('lists each English phrase once, so no line silently overrides another', () => {
    const keys = GLOSSARY_LINES.map(([english]) => english);
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(repeated).toEqual([]);
    expect(GLOSSARY.size).toBeGreaterThan(700);
  });
});
