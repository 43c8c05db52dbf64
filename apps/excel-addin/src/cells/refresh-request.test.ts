import { describe, expect, it } from 'vitest';
import {
  cellKey,
  endRefresh,
  pendingRefreshCount,
  REQUEST_TTL_MS,
  requestRefresh,
  takeFreshRequest,
} from './refresh-request.js';

describe('refresh requests (pane → functions)', () => {
  it('spells a Range.address and an invocation address the same way', () => {
    expect(cellKey("'Link pricing'!$B$6")).toBe(cellKey('Link pricing!B6'));
    expect(cellKey("'Bob''s'!A1:C3")).toBe("BOB'S!A1");
    expect(cellKey('sheet1!b2')).toBe('SHEET1!B2');
  });

  it('makes each requested cell fresh exactly once; other cells never', () => {
    const generation = requestRefresh(["'Link pricing'!$B$6", 'Sheet1!C3']);
    expect(takeFreshRequest('Sheet1!C4')).toBe(false);
    expect(takeFreshRequest(undefined)).toBe(false);
    expect(takeFreshRequest('Link pricing!B6')).toBe(true);
    expect(takeFreshRequest('Link pricing!B6')).toBe(false); // a second evaluation reuses what was paid for
    expect(pendingRefreshCount()).toBe(1);
    endRefresh(generation);
    expect(takeFreshRequest('Sheet1!C3')).toBe(false); // the refresh is over: an ordinary recalc never pays
  });

  it('expires a request no evaluation took, and ends only its own refresh', () => {
    const now = 1_000_000;
    const first = requestRefresh(['Sheet1!A1'], now);
    requestRefresh(['Sheet1!A2'], now);
    expect(takeFreshRequest('Sheet1!A1', now + REQUEST_TTL_MS + 1)).toBe(false);
    endRefresh(first);
    expect(takeFreshRequest('Sheet1!A2', now + 1)).toBe(true);
  });
});
