import { describe, expect, it } from 'vitest';
import { flagLabels, placeInEnglish, sellerLabels, tagInEnglish } from './seller-labels.js';

describe('placeInEnglish', () => {
  it('romanises with pinyin and drops administrative suffixes', () => {
    expect(placeInEnglish('汕头市')).toBe('Shantou');
    expect(placeInEnglish('广东省')).toBe('Guangdong');
    expect(placeInEnglish('广东')).toBe('Guangdong');
    expect(placeInEnglish('厦门')).toBe('Xiamen');
    expect(placeInEnglish('重庆市')).toBe('Chongqing');
    expect(placeInEnglish('义乌')).toBe('Yiwu');
  });

  it('uses the official spelling where pinyin alone is wrong or ambiguous', () => {
    expect(placeInEnglish('陕西')).toBe('Shaanxi');
    expect(placeInEnglish('山西省')).toBe('Shanxi');
    expect(placeInEnglish('内蒙古自治区')).toBe('Inner Mongolia');
    expect(placeInEnglish('香港')).toBe('Hong Kong');
  });

  it('keeps a name that is not Chinese, and unknown stays unknown', () => {
    expect(placeInEnglish('Shenzhen')).toBe('Shenzhen');
    expect(placeInEnglish(null)).toBeNull();
    expect(placeInEnglish('')).toBeNull();
  });
});

describe('sellerLabels', () => {
  const seller = {
    location: { province: '浙江', city: '杭州' },
    factoryLevel: '实力工厂',
    creditLevel: 'AAA',
    tags: ['AA诚信等级', '深度验厂', '未知标签'],
  };

  it('gives English places and labels beside the Chinese for a non-Chinese language', () => {
    expect(sellerLabels(seller, 'en')).toEqual({
      provinceTranslated: 'Zhejiang',
      cityTranslated: 'Hangzhou',
      factoryLevelTranslated: 'Certified strong factory',
      creditLevelTranslated: 'Integrity level AAA (诚信等级)',
      tagsTranslated: ['Integrity level AA', 'In-depth factory inspection', '未知标签'],
    });
  });

  it('adds nothing for Chinese or no language', () => {
    expect(sellerLabels(seller, 'zh')).toBeUndefined();
    expect(sellerLabels(seller, undefined)).toBeUndefined();
  });

  it('labels a super factory without a level, and each red flag', () => {
    expect(sellerLabels({ isSuperFactory: true }, 'ru')?.factoryLevelTranslated).toBe('Super factory');
    expect(tagInEnglish('48小时发货')).toBe('Ships within 48 hours');
    expect(flagLabels([{ flag: 'offTopic', reason: '相关度 5%', cap: 40 }], 'en')).toEqual([
      { flag: 'offTopic', label: 'Likely not what you asked for' },
    ]);
    expect(flagLabels([], 'en')).toBeUndefined();
  });
});
