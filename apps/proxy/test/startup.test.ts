import { describe, expect, it } from 'vitest';
import { DEMO_MODE_MESSAGE } from '../src/app.js';
import { buildTestApp } from './support/test-app.js';

describe('start-up', () => {
  it('in demo mode the first log line says so', async () => {
    const { app, scan } = await buildTestApp();
    await app.ready();
    expect(scan.logs()[0]).toMatchObject({ msg: DEMO_MODE_MESSAGE, level: 40 });
    expect(DEMO_MODE_MESSAGE).toBe(
      'demo mode: serving bundled sample data (no provider credentials configured)',
    );
    await app.close();
  });

  it('with a real provider configured there is no demo-mode line', async () => {
    const { app, scan } = await buildTestApp({ YUANTOU_TMAPI_API_TOKEN: 'tmapi-startup-secret-0001' });
    await app.ready();
    expect(scan.lines.join('\n')).not.toContain('demo mode');
    await app.close();
  });
});
