import { describe, expect, it } from 'vitest';
import { trustedTranslation } from './translated-text.js';

describe('trustedTranslation', () => {
  it('keeps a real translation', () => {
    expect(trustedTranslation('儿童毛绒玩具', 'Children plush toy', 'en')).toBe('Children plush toy');
    expect(trustedTranslation('儿童毛绒玩具', 'Детская плюшевая игрушка', 'ru')).toBe(
      'Детская плюшевая игрушка',
    );
    expect(trustedTranslation('儿童毛绒玩具', '子供用のぬいぐるみ', 'ja')).toBe('子供用のぬいぐるみ');
  });

  it('drops an echo of the original, an empty value, and Chinese passed off as a translation', () => {
    expect(trustedTranslation('儿童毛绒玩具', '儿童毛绒玩具', 'ko')).toBeNull();
    expect(trustedTranslation('儿童毛绒玩具', '  ', 'en')).toBeNull();
    expect(trustedTranslation('儿童毛绒玩具', null, 'en')).toBeNull();
    expect(trustedTranslation('儿童毛绒玩具 新款', 'Plush toy 新款', 'en')).toBeNull();
    expect(trustedTranslation('儿童毛绒玩具', '儿童毛绒玩具批发', 'ja')).toBeNull();
  });

  it('with no language asked, still never calls Chinese a translation', () => {
    expect(trustedTranslation('毛绒玩具', 'plush toy', undefined)).toBe('plush toy');
    expect(trustedTranslation('毛绒玩具', '毛绒玩具（新）', undefined)).toBeNull();
  });
});
