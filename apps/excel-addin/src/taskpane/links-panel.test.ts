import { sampleOffer } from '@yuantou/core/testing';
import { describe, expect, it } from 'vitest';
import { LINK_TABLE_FIELDS, linkTable, parseLinkLines } from './links-panel.js';

describe('parseLinkLines', () => {
  it('keeps one trimmed entry per non-blank line, duplicates included', () => {
    expect(parseLinkLines(' 612345678901 \r\n\n https://m.1688.com/offer/1.html\n612345678901\n  ')).toEqual([
      '612345678901',
      'https://m.1688.com/offer/1.html',
      '612345678901',
    ]);
  });
});

describe('linkTable', () => {
  it('writes one row per link, a failed one with its reason and link, under the default columns', () => {
    const offer = sampleOffer('612345678901');
    const table = linkTable([
      { link: '612345678901', offer, price: undefined },
      { link: 'https://item.taobao.com/item.htm?id=1', error: 'this is a Taobao link' },
    ]);
    const headers = table.columns.map((c) => c.header);
    expect(headers).toEqual([
      'title',
      'title (translated)',
      'price (CNY)',
      'price tiers',
      'MOQ',
      'stock',
      'supplier',
      'ships from',
      'variants',
      'link',
    ]);
    expect(LINK_TABLE_FIELDS.split(',')).toHaveLength(headers.length);
    expect(table.rows[0]).toEqual([
      '样品 612345678901',
      '',
      '',
      '10+ ¥5; 100+ ¥4.5; 1000+ ¥3.9',
      10,
      1000,
      '',
      '浙江 义乌',
      '',
      'https://detail.1688.com/offer/612345678901.html',
    ]);
    expect(table.rows[1]).toEqual([
      '⚠ this is a Taobao link',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'https://item.taobao.com/item.htm?id=1',
    ]);
  });
});

describe('linkTable rich rows (Insert as table through Range.valuesAsJson)', () => {
  const offer = sampleOffer('612345678901', 'demo', {
    images: ['https://cbu01.alicdn.com/img/ibank/O1CN01a.jpg'],
  });
  const found = [
    {
      link: '612345678901',
      offer,
      price: { quantity: 150, unitPrice: 4.5, subtotal: 675, tierMinQuantity: 100, belowMoq: false },
    },
    { link: 'https://item.taobao.com/item.htm?id=1', error: 'this is a Taobao link' },
  ];

  it('holds the offer card in the title cell (with the price at the looked-up quantity); the rest stay plain', () => {
    const table = linkTable(found, 150);
    const rich = table.richRows!({ doubleNumberFormat: true });
    const [first, failed] = rich as [unknown[], unknown[]];
    expect(first[0]).toMatchObject({
      type: 'Entity',
      text: '样品 612345678901',
      properties: { 'Unit price': { type: 'Double', basicValue: 4.5 }, Quantity: { basicValue: 150 } },
    });
    expect(first.slice(1)).toEqual(table.rows[0]!.slice(1));
    expect(failed).toEqual(table.rows[1]);
    expect(table.rows[0]![0]).toBe('样品 612345678901');
  });

  it('shows no price at a quantity on the card when none was asked', () => {
    const [first] = linkTable(found).richRows!({ doubleNumberFormat: true }) as [Excel.EntityCellValue[]];
    expect(first[0]!.properties).not.toHaveProperty('Unit price');
  });
});

describe('linkTable with the pane currency', () => {
  it('appends the converted price and the rate date after the picked columns, the link still in its column', () => {
    const quote = { currency: 'EUR', rate: 8, rateDate: '2024-03-13', source: 'ecb' as const, stale: true };
    const offer = sampleOffer('612345678901');
    const price = { quantity: 100, unitPrice: 4.5, subtotal: 450, tierMinQuantity: 100, belowMoq: false };
    const table = linkTable([
      { link: '612345678901', offer, price, quote },
      { link: 'https://item.taobao.com/item.htm?id=1', error: 'this is a Taobao link' },
    ]);
    const headers = table.columns.map((c) => c.header);
    expect(headers.slice(0, 3)).toEqual(['title', 'title (translated)', 'price (CNY)']);
    const firstConverted = headers.findIndex((h) => h.endsWith('(EUR)'));
    expect(headers[firstConverted]).toBe('price (EUR)');
    expect(headers.slice(firstConverted).every((h) => h.endsWith('(EUR)') || h === 'rate date')).toBe(true);
    expect(headers.at(-1)).toBe('rate date');
    // 4.5 / 8 = 0.5625 → 0.56: a number rounded to cents.
    expect(table.rows[0]![2]).toBe(4.5);
    expect(table.rows[0]![firstConverted]).toBe(0.56);
    expect(table.rows[0]!.at(-1)).toBe('2024-03-13 (stale)');
    expect(table.rows[1]![headers.indexOf('link')]).toBe('https://item.taobao.com/item.htm?id=1');
  });
});
