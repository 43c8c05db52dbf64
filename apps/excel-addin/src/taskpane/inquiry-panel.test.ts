import { describe, expect, it } from 'vitest';
import { readInquiryForm } from './inquiry-panel.js';

const form = (over: Partial<Parameters<typeof readInquiryForm>[0]> = {}) => ({
  quantity: '500',
  unit: '',
  targetPrice: '',
  samples: true,
  customisation: '',
  leadTime: '',
  carton: false,
  certificates: 'EN71, CE、ASTM',
  ...over,
});

describe('the Draft inquiry form', () => {
  it('reads what the buyer filled in, blanks left out, certificates split on any comma', () => {
    expect(readInquiryForm(form({ targetPrice: '12.5', leadTime: '30', unit: '个' }))).toEqual({
      quantity: 500,
      unit: '个',
      targetPriceCny: 12.5,
      samples: true,
      leadTimeDays: 30,
      carton: false,
      certificates: ['EN71', 'CE', 'ASTM'],
    });
  });

  it.each([
    [{ quantity: '' }, 'Quantity'],
    [{ quantity: 'many' }, 'Quantity'],
    [{ targetPrice: 'cheap' }, 'Target price'],
    [{ leadTime: '2.5' }, 'Lead time'],
  ])('names the field of a bad value (%j)', (over, field) => {
    expect(() => readInquiryForm(form(over))).toThrow(field);
  });
});
