import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../models/query.js';
import { OfficialCountry, OfficialFilter, OfficialSortField } from './official-enums.js';

describe('Official platform enumerations (seed 003, relayed by DajiSaaS and PandaPon)', () => {
  it('accept the documented values and reject others', () => {
    expect(OfficialFilter.safeParse('certifiedFactory').success).toBe(true);
    expect(OfficialFilter.safeParse('shipIn72Hours').success).toBe(false);
    expect(OfficialSortField.options).toEqual(['price', 'rePurchaseRate', 'monthSold']);
    expect(OfficialCountry.safeParse('zh').success).toBe(false);
  });

  it('translate into every caller language except Chinese', () => {
    expect(LANGUAGES.filter((language) => !OfficialCountry.safeParse(language).success)).toEqual(['zh']);
  });
});
