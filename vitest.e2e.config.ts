import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real browsers. Files run one at a time: two browsers on 2 cores are flaky.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: 'artifacts/e2e.json' }]],
  },
});
