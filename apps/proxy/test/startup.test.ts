import { describe, expect, it } from 'vitest';
import { buildTestApp } from './support/test-app.js';

describe('start-up', () => {
  it('in demo mode the first log line says so', async () => {
    const { app, scan } = await buildTestApp();
    await app.ready();
    // A warning (pino level 40) that names demo mode, sample data and why, before anything else is logged.
    expect(scan.logs()[0]).toMatchObject({
      level: 40,
      msg: expect.stringMatching(/^demo mode: .*sample data.*no provider credentials/),
    });
    await app.close();
  });

  it('with a real provider configured there is no demo-mode line', async () => {
    const { app, scan } = await buildTestApp({ YUANTOU_TMAPI_API_TOKEN: 'tmapi-startup-secret-0001' });
    await app.ready();
    expect(scan.lines.join('\n')).not.toContain('demo mode');
    await app.close();
  });
});
