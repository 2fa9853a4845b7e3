/**
 * vitest settings for `npm test`. Many tests run the CLI (in process or as a child) over the 409-tool
 * catalog; on a busy 2-core machine one such test can take several seconds, so the per-test limit is 30 s.
 * Snapshots are never written in CI: a missing or changed snapshot fails there instead.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    include: ['test/**/*.test.ts'],
    exclude: ['test/site/**', 'node_modules/**'],
  },
});
