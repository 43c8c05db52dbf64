import { defineConfig } from 'vitest/config';

// Property tests run hundreds of cases; on a loaded 2-core CI machine vitest's 5 s default is not enough.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 20_000 } });
