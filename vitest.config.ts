import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    environment: 'node',
    // Safety nets, not speed targets: on a laptop with both cores busy, real-file tests run several times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
