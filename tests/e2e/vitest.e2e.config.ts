import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // One browser, one server: the suite is a user's path, run in order.
    pool: 'forks',
    fileParallelism: false,
  },
});
