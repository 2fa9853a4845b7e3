/**
 * Loads a lazy bundle of the built CLI (dist/program.cjs, dist/pipeline.cjs, ...) the way bin/devops-kb loads
 * main.cjs: through vm.Script with V8's code cache (dist/<bundle>.cache, written at build time), so the
 * first search after an edit does not spend its time compiling the Markdown and YAML parsers. Without a
 * usable cache the bundle simply compiles as usual. The build routes `import()` of a lazy bundle here.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const loaded = new Map<string, unknown>();

export function loadBundle(name: string): unknown {
  const hit = loaded.get(name);
  if (hit) return hit;
  const file = path.join(__dirname, name);
  const cacheFile = file.replace(/\.cjs$/, '.cache');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mod = { exports: {} as unknown, filename: file, id: file };
  loaded.set(name, mod);
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  // The build runs typical commands with this set, so the cache holds the functions they compile lazily too.
  if (process.env.DEVOPS_KB_WRITE_CODE_CACHE === '1') process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  loaded.set(name, mod.exports);
  return mod.exports;
}
