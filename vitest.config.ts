import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file makes its own throwaway database; two at a time suit a 2-core machine.
    maxWorkers: 2,
    testTimeout: 60000,
    hookTimeout: 120000,
  },
});
