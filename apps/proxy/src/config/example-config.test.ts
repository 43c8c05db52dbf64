import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyDir } from '../../test/support/test-app.js';
import { loadConfig } from './load-config.js';

// The README tells users to copy yuantou.config.example.json; this keeps it loadable as the config changes.
const EXAMPLE = fileURLToPath(new URL('../../yuantou.config.example.json', import.meta.url));

describe('yuantou.config.example.json', () => {
  it('loads and enables all five real providers with their documented limits', () => {
    const config = loadConfig({ env: { YUANTOU_CONFIG: EXAMPLE }, cwd: emptyDir() });
    expect(config.providers.map((p) => p.id).sort()).toEqual([
      'alibaba',
      'dajisaas',
      'onebound',
      'pandapon',
      'tmapi',
    ]);
    expect(config.demoMode).toBe(false);
    expect(config.providers.find((p) => p.id === 'alibaba')?.requestsPerMinute).toBe(100);
    expect(config.providers.find((p) => p.id === 'onebound')?.credentials).toMatchObject({ sign: true });
    expect(config.ranking.suppliers).toEqual({ factory: 30 });
    expect(config.secrets).toContain('your-pandapon-secret');
    expect(config.chinaDestination).toEqual({ province: '浙江', cityCode: '330700', districtCode: '330782' });
    // The offer providers that price the China leg (all but PandaPon), in the offer order.
    expect(config.freightProviders.map((p) => p.id)).toEqual(['tmapi', 'onebound', 'alibaba', 'dajisaas']);
  });
});
