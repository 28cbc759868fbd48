import { defineConfig } from 'vitest/config';

// Two projects: API/unit tests on temp databases, and browser tests that need the built SPA.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'api', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 90_000,
          // The UI renders data as it arrives: assertions on the page poll (expect.poll) up to this long.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
