import { defineConfig } from 'vitest/config';

const ci = Boolean(process.env.CI);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that read dist/ (the binary, the built catalog) must see a build of the current sources.
    globalSetup: ['test/support/fresh-build.ts'],
    // This machine and CI have 2 cores shared with other jobs: a cold user-cache build of 409 notes can
    // take several seconds under load. Slow is not wrong; a hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Never write snapshots in CI (with CI set, vitest also refuses to add missing ones).
    ...(ci ? { update: false } : {}),
  },
});
