import { defineConfig } from 'vitest/config';

// Core runs in the Excel add-in's browser runtime too, so every test runs twice: in Node and in a DOM.
// Property tests run hundreds of cases; on a loaded 2-core CI machine vitest's 5 s default is not enough.
const testTimeout = 20_000;

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'node', include: ['src/**/*.test.ts'], environment: 'node', testTimeout } },
      {
        test: { name: 'browser-like', include: ['src/**/*.test.ts'], environment: 'happy-dom', testTimeout },
      },
    ],
  },
});
