import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds and browsers are heavy on a 2-core machine: run test files two at a time.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
