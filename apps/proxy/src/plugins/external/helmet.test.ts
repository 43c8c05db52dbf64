import { describe, expect, it } from 'vitest';
import { securityHeaders } from './helmet.js';

describe('securityHeaders', () => {
  it('are the headers helmet sets, with cross-origin reads allowed for the add-in', () => {
    const headers = securityHeaders();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(headers).not.toHaveProperty('x-powered-by');
  });
});
