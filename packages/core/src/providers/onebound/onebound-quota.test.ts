import { describe, expect, it } from 'vitest';
import { Page } from '../../models/page.js';
import { Supplier } from '../../models/supplier.js';
import sellerSearchReal from './__fixtures__/onebound-seller-search-real.json' with { type: 'json' };
import { oneboundAdapter } from './onebound-adapter.js';
import { oneboundQuota, oneboundQuotaResetsAt } from './onebound-quota.js';

const ok = (body: unknown, headers: Record<string, string> = {}) => ({
  status: 200,
  body: JSON.stringify(body),
  headers,
});

describe('Onebound api_info → page quota', () => {
  it('reads today/max of the recorded `api_info` into quota on the page', () => {
    // Recorded: "today:12 max:10000 all[15=12+0+3];expires:2030-01-01"
    const page = oneboundAdapter.searchSuppliers.parseResponse(
      ok(sellerSearchReal, { date: 'Fri, 14 Feb 2025 06:30:00 GMT' }),
    );
    expect(page.quota).toEqual({ used: 12, limit: 10000, resetsAt: '2025-02-14T16:00:00.000Z' });
    expect(Page(Supplier).safeParse(page).success).toBe(true);
  });

  it('resets at the next midnight in China, also when UTC is still on the previous day', () => {
    // 17:00 UTC is 01:00 on the 15th in China: the window ends at midnight of the 16th, China time.
    const at = (date: string) => oneboundQuotaResetsAt({ status: 200, body: '', headers: { date } });
    expect(at('Fri, 14 Feb 2025 17:00:00 GMT')).toBe('2025-02-15T16:00:00.000Z');
    expect(at('Fri, 14 Feb 2025 15:59:59 GMT')).toBe('2025-02-14T16:00:00.000Z');
    expect(at('not a date')).toBeNull();
  });

  it('has no resetsAt without a Date header, and no quota when api_info says nothing usable', () => {
    const response = { status: 200, body: '' };
    expect(oneboundQuota('today:5 max:200', response)).toEqual({ used: 5, limit: 200, resetsAt: null });
    expect(oneboundQuota('today:5', response)).toBeNull();
    expect(oneboundQuota(42, response)).toBeNull();
    expect(oneboundQuota(undefined, response)).toBeNull();
  });

  it('leaves quota off pages whose body has no api_info (the seed envelope)', () => {
    const { api_info: _dropped, ...withoutInfo } = sellerSearchReal;
    const page = oneboundAdapter.searchSuppliers.parseResponse(ok(withoutInfo));
    expect(page.quota).toBeUndefined();
  });
});
