import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Unit tests: no crx plugin (docs/testing.md, "Unit tests"). Browser-level tests live in vitest.e2e.config.ts.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'artifacts/unit.json' }]],
  },
});
