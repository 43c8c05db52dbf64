import { describe, expect, it } from 'vitest';
import { lookupKey, refersToCells, stringLiteral, yuantouCalls, yuantouName } from './formula-calls.js';

// Formulas as Range.formulas gives them, namespaced (the production build's YUANTOU) and bare (a build
// without a namespace). The names are the catalog's (the pane passes FUNCTION_CATALOG's; excel/ may not
// import app/, so refresh-estimate.test.ts checks the real catalog).

const names = new Set([
  'SUPPLIERS',
  'PRODUCTS',
  'PRODUCTSBYIMAGE',
  'OFFER',
  'OFFERS',
  'PRICEAT',
  'FIELDS',
  'SUPPLIER',
]);
const yuantou = { names, namespace: 'YUANTOU' };
const bare = { names, namespace: '' };

describe('yuantou calls in a formula', () => {
  it('finds a namespaced call whatever its case, and not another add-in’s function of the same name', () => {
    expect(yuantouName('yuantou.offers', yuantou)).toBe('OFFERS');
    expect(yuantouName('OTHER.OFFERS', yuantou)).toBeNull();
    expect(yuantouName('OFFERS', yuantou)).toBeNull();
    expect(yuantouName('SUM', bare)).toBeNull();
    expect(yuantouCalls('=YUANTOU.OFFERS(A7:A56,"title,price,subtotal",A2:B3)', yuantou)).toEqual([
      { name: 'OFFERS', args: ['A7:A56', '"title,price,subtotal"', 'A2:B3'] },
    ]);
  });

  it('finds calls nested in Excel functions and in each other, outer first', () => {
    expect(
      yuantouCalls('=IFERROR(YUANTOU.PRICEAT(INDEX(YUANTOU.OFFER(A2,"link"),1,1), 500),"n/a")', yuantou),
    ).toEqual([
      { name: 'PRICEAT', args: ['INDEX(YUANTOU.OFFER(A2,"link"),1,1)', '500'] },
      { name: 'OFFER', args: ['A2', '"link"'] },
    ]);
  });

  it('is not fooled by commas and parentheses in strings, quoted sheet names and array constants', () => {
    expect(
      yuantouCalls(
        '=YUANTOU.SUPPLIERS("玩具厂 (汕头), ""OEM""",{"factoryOnly","city=汕头"},\'Bob\'\'s (list)\'!B4)',
        yuantou,
      ),
    ).toEqual([
      {
        name: 'SUPPLIERS',
        args: ['"玩具厂 (汕头), ""OEM"""', '{"factoryOnly","city=汕头"}', "'Bob''s (list)'!B4"],
      },
    ]);
  });

  it('drops trailing empty arguments, keeps inner ones, and reads a bare build', () => {
    expect(yuantouCalls('=OFFER(A2,,"quantity=500",)', bare)).toEqual([
      { name: 'OFFER', args: ['A2', '', '"quantity=500"'] },
    ]);
    expect(yuantouCalls('=SUM(B2:B9)', bare)).toEqual([]);
    expect(yuantouCalls('OFFER(A2)', bare)).toEqual([]); // text, not a formula
  });
});

describe('lookup keys', () => {
  const key = (formula: string, sheet = 'Sheet1') => lookupKey(yuantouCalls(formula, yuantou)[0]!, sheet);

  it('the same function and arguments are one lookup, however spaced, cased or anchored', () => {
    expect(key('=YUANTOU.OFFER( $a$2 , "price" )')).toBe(key('=yuantou.offer(A2,"price")'));
    expect(key('=YUANTOU.OFFER(A2,"price")')).not.toBe(key('=YUANTOU.OFFER(A2,"PRICE")'));
    expect(key('=YUANTOU.OFFER(A2)')).not.toBe(key('=YUANTOU.OFFER(A3)'));
  });

  it('a reference means another thing on another sheet; literal arguments do not', () => {
    expect(key('=YUANTOU.OFFER(A2)', 'Sheet1')).not.toBe(key('=YUANTOU.OFFER(A2)', 'Sheet2'));
    expect(key('=YUANTOU.SUPPLIERS("玩具厂",,5)', 'Sheet1')).toBe(
      key('=YUANTOU.SUPPLIERS("玩具厂",,5)', 'Sheet2'),
    );
    expect(refersToCells('"A2"')).toBe(false);
    expect(refersToCells('TRUE')).toBe(false);
    expect(refersToCells("'Link pricing'!A7:A56")).toBe(true);
    expect(stringLiteral('"say ""hi"""')).toBe('say "hi"');
    expect(stringLiteral('"a"&"b"')).toBeNull();
  });
});
