import { describe, expect, it } from 'vitest';
import offerFixture from './__fixtures__/tmapi-offer-built-2024.json' with { type: 'json' };
import { parseTmapiOffer } from './tmapi-offer.js';

// `skus[].package_info{weight, length, width, height, volume}` (sourcing facts §1): a variant's own package size,
// which landed costs measure the variant by. The built fixture's zeros mean "not given" and add nothing.

const withPackage = (pack: Record<string, string>) => {
  const body = structuredClone(offerFixture);
  body.data.skus[0]!.package_info = { ...body.data.skus[0]!.package_info, ...pack };
  return { status: 200, body: JSON.stringify(body) };
};

describe('TMAPI variant package size', () => {
  it('reads length, width and height of a variant; zeros give no size', () => {
    const offer = parseTmapiOffer(withPackage({ weight: '0.3', length: '30', width: '20', height: '5' }));
    expect(offer.skus[0]!.sizeCm).toEqual({ length: 30, width: 20, height: 5 });
    expect(offer.skus[0]!.weightKg).toBe(0.3);
    expect(offer.skus[1]!.sizeCm).toBeUndefined();
  });
});
