import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../models/query.js';
import { DajisaasCountry, DajisaasFilter, DajisaasSortField } from './dajisaas-enums.js';

describe('DajiSaaS enumerations (seed 003)', () => {
  it('accept the documented values and reject others', () => {
    expect(DajisaasFilter.safeParse('certifiedFactory').success).toBe(true);
    expect(DajisaasFilter.safeParse('shipIn72Hours').success).toBe(false);
    expect(DajisaasSortField.options).toEqual(['price', 'rePurchaseRate', 'monthSold']);
    expect(DajisaasCountry.safeParse('zh').success).toBe(false);
  });

  it('translate into every caller language except Chinese', () => {
    expect(LANGUAGES.filter((language) => !DajisaasCountry.safeParse(language).success)).toEqual(['zh']);
  });
});
