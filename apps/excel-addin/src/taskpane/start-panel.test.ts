import { describe, expect, it } from 'vitest';
import { providerDataText } from './start-panel.js';

describe('which data the proxy has', () => {
  it('demo samples, or the real providers it would pay', () => {
    expect(providerDataText({ demoMode: true, providers: [{ id: 'demo', enabled: true }] })).toMatch(
      /^Demo data: .*bundled sample/,
    );
    const real = providerDataText({
      demoMode: false,
      providers: [
        { id: 'tmapi', enabled: true },
        { id: 'onebound', enabled: false },
        { id: 'alibaba', enabled: true },
      ],
    });
    expect(real).toBe('Real data from tmapi, alibaba: each search may be a paid call.');
  });
});
