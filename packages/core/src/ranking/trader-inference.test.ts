import { describe, expect, it } from 'vitest';
import { INFERRED_FRACTIONS, inferenceValue, inferFactory } from './trader-inference.js';

describe('inferFactory', () => {
  it('trusts a declared isFactory over any name', () => {
    expect(inferFactory({ isFactory: false, name: '汕头市宏达玩具厂' })).toMatchObject({
      isFactory: false,
      fraction: 0,
      basis: 'declared',
    });
    expect(inferFactory({ isFactory: true, name: '宏达贸易有限公司' }).fraction).toBe(1);
  });

  it.each([
    ['汕头市宏达玩具贸易有限公司', false, '贸易'],
    ['汕头市天虹玩具商行', false, '商行'],
    ['深圳市华强电子商务有限公司', false, '电子商务'],
    ['汕头市梦高进出口有限公司', false, '进出口'],
    ['汕头市澄海区宏达塑胶玩具厂', true, '厂'],
    ['深圳市华强手机配件制造有限公司', true, '制造'],
    ['汕头市梦高玩具实业有限公司', true, '实业'],
    // Trader words win: the factory's sales arm is not the factory.
    ['汕头市宏达玩具厂贸易部', false, '贸易'],
  ])('reads %s as factory=%s (inferred from %s)', (name, isFactory, evidence) => {
    const inference = inferFactory({ isFactory: null, name });
    expect(inference).toMatchObject({ isFactory, basis: 'inferred', evidence });
    expect(inference.fraction).toBe(
      isFactory ? INFERRED_FRACTIONS.factoryByName : INFERRED_FRACTIONS.traderByName,
    );
  });

  it('prefers the biz_type tag to the name, and shows the inference in the value', () => {
    const byTag = inferFactory({ isFactory: null, name: '宏达玩具厂', tags: ['经销批发'] });
    expect(byTag).toMatchObject({
      isFactory: false,
      evidence: '经销批发',
      fraction: INFERRED_FRACTIONS.traderByTag,
    });
    expect(inferenceValue(byTag)).toBe('trader (inferred: 经销批发)');
    expect(inferFactory({ tags: ['生产加工'] }).fraction).toBe(INFERRED_FRACTIONS.factoryByTag);
  });

  it('stays unknown when nothing points either way', () => {
    const unknown = inferFactory({ isFactory: null, name: '杭州某某科技有限公司', tags: ['一件代发'] });
    expect(unknown).toEqual({ isFactory: null, fraction: null, basis: 'unknown', evidence: null });
    expect(inferenceValue(unknown)).toBeNull();
  });
});
