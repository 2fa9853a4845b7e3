// Browser tests of the static site (`npm run test:site`): Debian's Chromium driven by playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/site/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
});
