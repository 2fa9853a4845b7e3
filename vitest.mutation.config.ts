/**
 * The tests StrykerJS runs for each mutant: the in-process unit tests under test/unit, which import src/
 * directly (vitest transforms the TypeScript), so a mutated source file is what they exercise. No test here
 * reads dist/ or spawns the binary, and nothing is built first.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    update: false,
    // Property tests run fewer cases per mutant (see test/unit/sanitize.test.ts).
    env: { DEVOPS_KB_MUTATION: '1' },
  },
});
