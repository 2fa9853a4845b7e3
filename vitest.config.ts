/**
 * vitest settings for `npm test` (the browser tests of the site have their own config). Many tests run the
 * CLI (in process or as a child) over the 409-tool catalog; on a busy 2-core machine one such test can take
 * several seconds, so the per-test limit is generous: slow is not wrong, a hang still fails.
 */
import { defineConfig } from 'vitest/config';

const ci = Boolean(process.env.CI);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/site/**', 'node_modules/**'],
    // Tests that read dist/ (the binary, the built catalog) must see a build of the current sources.
    globalSetup: ['test/support/fresh-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Never write snapshots in CI (with CI set, vitest also refuses to add missing ones).
    ...(ci ? { update: false } : {}),
  },
});
