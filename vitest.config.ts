// Unit and CLI tests (`npm test`): quick. The browser tests under test/site run with `npm run test:site`.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: { exclude: [...configDefaults.exclude, 'test/site/**'] },
});
