import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/test-app.js';

const TOKEN = 'client-token-for-errors-0001';
const start = useTestApp();

describe('error handler', () => {
  it('turns an unexpected error into a generic 500 problem with no stack or secret', async () => {
    const current = await start({ YUANTOU_TOKENS: TOKEN });
    current.app.get('/boom', async () => {
      throw new Error(`database said no, token ${TOKEN}`);
    });
    const response = await current.inject({ url: '/boom', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      type: expect.any(String),
      title: 'Internal Server Error',
      status: 500,
      detail: 'internal error',
      kind: 'internal',
    });
    expect(response.body).not.toMatch(/at .*\.ts|database said no/);
    // The error is logged for operators, with the secret scrubbed.
    expect(current.scan.lines.some((line) => line.includes('database said no'))).toBe(true);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const current = await start();
    const response = await current.inject('/v2/nothing?x=1');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, detail: 'no route GET /v2/nothing' });
  });
});
