import { defineConfig } from 'vitest/config';

// The signers run in the Excel add-in's browser runtime too, so every test runs twice: in Node and in a DOM.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'node', include: ['src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'browser-like', include: ['src/**/*.test.ts'], environment: 'happy-dom' } },
    ],
  },
});
