import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Starts PostgreSQL once for the run when TEST_DATABASE=postgres; nothing otherwise.
    globalSetup: ['src/test-support/postgres-global-setup.ts'],
    environment: 'node',
  },
});
