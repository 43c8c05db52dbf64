import { describe, expect, it } from 'vitest';
import { providerErrorFrom } from '../../testing/parser-fuzzing.js';
import expired from './__fixtures__/onebound-4005-expired.json' with { type: 'json' };
import overQuota from './__fixtures__/onebound-4005-quota.json' with { type: 'json' };
import withSid from './__fixtures__/onebound-item-search-sid.json' with { type: 'json' };
import { oneboundAdapter } from './onebound-adapter.js';

// What recorded Onebound answers add to its documentation (README): one code for two failures, the human
// text in `reason`, and the 1688 member id in `seller_info.sid`. Fixtures built from those field lists.

const answer = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });

describe('Onebound, as recorded answers show it', () => {
  it('reads 4005 with 已超量 in its reason as an exhausted quota, not bad credentials', () => {
    const error = providerErrorFrom(() => oneboundAdapter.searchProducts.parseResponse(answer(overQuota)));
    expect(error).toMatchObject({ kind: 'quota', providerCode: '4005', retryable: false });
    expect(error.message).toContain('已超量');
  });

  it.each(['quota exceeded', 'daily LIMIT reached', '调用超量'])('reads 4005 "%s" as quota', (reason) => {
    const body = { ...overQuota, reason };
    expect(providerErrorFrom(() => oneboundAdapter.searchProducts.parseResponse(answer(body))).kind).toBe(
      'quota',
    );
  });

  it("keeps 4005 with another reason as auth, and shows the human reason rather than the bare word 'key'", () => {
    const error = providerErrorFrom(() => oneboundAdapter.searchSuppliers.parseResponse(answer(expired)));
    expect(error).toMatchObject({ kind: 'auth', providerCode: '4005' });
    expect(error.message).toContain('授权已过期');
    expect(error.message).not.toMatch(/\(key\)/);
  });

  it('uses seller_info.sid, the 1688 member id, as the seller id instead of the numeric user_num_id', () => {
    const page = oneboundAdapter.searchProducts.parseResponse(answer(withSid));
    expect(page.items[0]?.supplier).toMatchObject({
      id: 'b2b-2207146052740e484c',
      name: '永康市某某杯业有限公司',
      location: { province: '浙江', city: '金华' },
    });
  });
});
