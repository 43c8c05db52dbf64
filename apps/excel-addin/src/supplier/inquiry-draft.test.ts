import { describe, expect, it } from 'vitest';
import { draftInquiries } from './inquiry-draft.js';

const jiawan = { companyName: '汕头市澄海区嘉玩玩具厂', chatUrl: 'https://amos.alicdn.com/msg.aw?v=2&uid=x' };

describe('draftInquiries', () => {
  it('asks every question the buyer filled in, in Chinese and in English, numbered alike', () => {
    const [draft] = draftInquiries([jiawan], {
      quantity: 500,
      targetPriceCny: 4.5,
      samples: true,
      customisation: 'logo 印刷',
      leadTimeDays: 30,
      carton: true,
      certificates: ['EN71', 'CE'],
    });
    expect(draft!.to).toBe('汕头市澄海区嘉玩玩具厂');
    expect(draft!.chatUrl).toBe(jiawan.chatUrl);
    expect(draft!.zh.split('\n')).toEqual([
      '您好，汕头市澄海区嘉玩玩具厂！',
      '我们是海外采购商，对贵司产品很感兴趣，想请教以下几点：',
      '1. 采购数量：500 件',
      '2. 目标价格：¥4.50/件，请报最优价格（注明是否含税、含运费）',
      '3. 样品：能否提供样品？样品费和运费各多少？下单后是否退还样品费？',
      '4. 定制/OEM：需要logo 印刷，是否支持？定制的起订量和费用是多少？',
      '5. 交货期：下单后多少天发货？我们希望在 30 天内。',
      '6. 包装：每箱装多少件？外箱尺寸（厘米）和毛重（公斤）是多少？',
      '7. 认证：产品是否有 EN71、CE 认证？请发送证书或检测报告。',
      '期待您的回复，谢谢！',
    ]);
    const en = draft!.en.split('\n');
    expect(en).toHaveLength(10);
    expect(en[2]).toBe('1. Quantity: 500 件');
    expect(en[8]).toBe(
      '7. Certificates: does the product have EN71, CE? Please send the certificates or test reports.',
    );
  });

  it('leaves out what was not asked, one draft per supplier', () => {
    const drafts = draftInquiries([jiawan, { companyName: null, chatUrl: null }], {
      quantity: 100,
      unit: '个',
    });
    expect(drafts.map((d) => d.to)).toEqual(['汕头市澄海区嘉玩玩具厂', 'supplier']);
    expect(drafts[1]!.zh).toBe(
      [
        '您好，老板！',
        '我们是海外采购商，对贵司产品很感兴趣，想请教以下几点：',
        '1. 采购数量：100 个',
        '期待您的回复，谢谢！',
      ].join('\n'),
    );
    expect(drafts[1]!.chatUrl).toBeNull();
  });

  it('refuses a quantity that is not a positive number', () => {
    expect(() => draftInquiries([jiawan], { quantity: 0 })).toThrow(/quantity/);
    expect(() => draftInquiries([jiawan], { quantity: Number.NaN })).toThrow(/quantity/);
  });
});
