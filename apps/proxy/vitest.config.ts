import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Suite-level tests start fake upstream servers and build several apps; give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
