import { describe, expect, it } from 'vitest';
import { oneboundAdapter } from './onebound-adapter.js';

describe('Onebound credentials', () => {
  it('reads sign from config text as well as booleans', () => {
    const base = { key: 'k', secret: 's' };
    expect(oneboundAdapter.credentials.parse({ ...base, sign: 'true' }).sign).toBe(true);
    expect(oneboundAdapter.credentials.parse({ ...base, sign: 'false' }).sign).toBe(false);
    expect(oneboundAdapter.credentials.parse({ ...base, sign: true }).sign).toBe(true);
    expect(oneboundAdapter.credentials.safeParse({ ...base, sign: 'yes please' }).success).toBe(false);
  });
});
