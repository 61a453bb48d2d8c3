import { defineConfig } from 'vitest/config';

/** Browser tests: real server, real Chromium. One file at a time, since this machine has 2 cores. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts', 'src/test-support/postgres-global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
