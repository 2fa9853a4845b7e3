// Writes dist/main.cache: V8 code cache for dist/main.cjs after running the hot commands once, so the
// functions they compile lazily are in the cache too. Run by the build with output discarded.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const vm = require('vm');

const dist = path.resolve(process.argv[2] || 'dist');
const file = path.join(dist, 'main.cjs');
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
const runs = [['show', 'kubernetes'], ['search', 'service', 'discovery'], ['compare', 'chef', 'puppet'], ['show', 'k8s', '--json']];

function runOnce(args) {
  process.argv = [process.argv[0], file, ...args];
  const mod = { exports: {}, filename: file, id: file };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dist);
}

(async () => {
  for (const args of runs) {
    runOnce(args);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  fs.writeFileSync(path.join(dist, 'main.cache'), script.createCachedData());
  process.exitCode = 0;
})();
