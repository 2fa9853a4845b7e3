// Build: bundle the CLI with esbuild, then compile content/ into dist/catalog.
// The CLI ships as CommonJS bundles: Node starts CommonJS faster than ES modules, and start-up is the
// product's hot path. main.cjs holds the fast path (show, search, compare); program.cjs (commander, every
// command), pipeline.cjs (Markdown parsers, index builder), fuse, chalk and site-bundle.cjs (the static site
// builder: Graphviz, Markdown to HTML) load only when needed. dist/site/ holds the site's browser assets.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const loader = fileURLToPath(new URL('../cli/load-bundle.ts', import.meta.url));
const lazyBundles = {
  name: 'lazy-bundles',
  setup(b) {
    // Dynamic imports of these modules stay separate bundles, loaded on demand with their code cache (load-bundle.ts).
    b.onResolve({ filter: /^(\.\.?\/)+(search\/|cli\/|store\/|site\/)?(program|pipeline|fuse-bundle|chalk-bundle|site-bundle)\.js$/ }, (args) => ({ path: `${args.path.split('/').pop().slice(0, -3)}.cjs`, namespace: 'lazy-bundle' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-bundle' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(args.path)});`, loader: 'js', resolveDir: process.cwd() }));
  },
};
// js-yaml builds its full schema at load, and its !!js/function type requires esprima (a large parser) then.
// Notes are read with the safe schema, which never uses the type: a stub that matches nothing stands in.
const noEsprima = {
  name: 'no-esprima',
  setup(b) {
    b.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => ({
      contents: "var Type = require('../../type'); module.exports = new Type('tag:yaml.org,2002:js/function', { kind: 'scalar', resolve: function () { return false; } });",
      loader: 'js',
      resolveDir: args.path.replace(/[\\/][^\\/]*$/, ''),
    }));
  },
};
// `import * as fs from 'node:fs'` in each of twenty files made esbuild copy node:fs's hundred properties
// into a namespace object twenty times at start-up (about a millisecond on every command): every file
// imports one shared re-export instead. Only namespace imports of these modules exist (`export *` carries
// no default export).
const oneNamespace = {
  name: 'one-namespace',
  setup(b) {
    b.onResolve({ filter: /^node:(fs|path)$/ }, (args) => (args.namespace === 'one-namespace' ? { path: args.path, external: true } : { path: args.path, namespace: 'one-namespace' }));
    b.onLoad({ filter: /.*/, namespace: 'one-namespace' }, (args) => ({ contents: `export * from ${JSON.stringify(args.path)};`, loader: 'js' }));
  },
};
// Build into a fresh folder and swap it in at the end: a CLI running meanwhile never sees half a build.
const out = `dist.build-${process.pid}`;
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    main: 'src/cli/main.ts',
    program: 'src/cli/program.ts',
    pipeline: 'src/store/pipeline.ts',
    'fuse-bundle': 'src/search/fuse-bundle.ts',
    'chalk-bundle': 'src/render/chalk-bundle.ts',
    'compile-content': 'src/build/compile-content.ts',
    'parse-worker': 'src/store/parse-worker.ts',
    'site-bundle': 'src/site/site-bundle.ts',
  },
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // DEVOPS_KB_BUILD_MINIFY=0 keeps names readable in CPU profiles.
  minify: process.env.DEVOPS_KB_BUILD_MINIFY !== '0',
  // import() of the lazy bundles becomes require(): the launcher runs main.cjs through vm.Script (code cache).
  supported: { 'dynamic-import': false },
  // import.meta.url serves only the TypeScript sources (tests); bundles load their modules with require.
  define: { __VERSION__: JSON.stringify(pkg.version), 'import.meta.url': 'undefined' },
  plugins: [lazyBundles, noEsprima, oneNamespace],
  logLevel: 'warning',
});
// The static site's browser scripts: classic scripts (IIFE), so pages work from file://.
await build({
  entryPoints: { app: 'src/site/client/app.ts', search: 'src/site/client/search.ts', theme: 'src/site/client/theme.ts' },
  outdir: `${out}/site`,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  logLevel: 'warning',
});
copyFileSync('src/site/assets/site.css', `${out}/site/site.css`);
execFileSync(process.execPath, [`${out}/compile-content.cjs`, 'content', `${out}/catalog`], { stdio: 'inherit' });
// The man page comes from the program itself (commands, flags, help topics), so it never drifts.
writeFileSync(`${out}/devops-kb.1`, execFileSync(process.execPath, [`${out}/main.cjs`, '__man'], { encoding: 'utf8' }));
// The code cache is an optimisation: a failure here must not fail the install.
try {
  execFileSync(process.execPath, ['src/build/code-cache.cjs', out], { stdio: 'ignore' });
} catch (err) {
  console.warn(`devops-kb: no code cache (${err.message.split('\n')[0]}); start-up will be a little slower`);
}
// Code caches of the lazy bundles, from typical runs: team notes compiled, one edited and searched again
// (pipeline.cjs), a misspelt search (fuse-bundle.cjs) and a command outside the fast path (program.cjs).
try {
  const { mkdtempSync, mkdirSync, utimesSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const tmp = mkdtempSync(`${tmpdir()}/devops-kb-code-cache-`);
  try {
    mkdirSync(`${tmp}/notes/tools`, { recursive: true });
    const note = (word) => `---\nid: team-tool\nname: Team Tool\ncategory: ci-cd\nsummary: A ${word} pipeline runner.\ntags: [build]\n---\n\n## Overview\nRuns ${word} builds.\n\n## How it works\nAgents poll.\n`;
    const run = (...args) => execFileSync(process.execPath, [`${out}/main.cjs`, ...args], { stdio: 'ignore', env: { ...process.env, DEVOPS_KB_PATH: `${tmp}/notes`, XDG_CACHE_HOME: `${tmp}/cache`, DEVOPS_KB_WRITE_CODE_CACHE: '1' } });
    writeFileSync(`${tmp}/notes/tools/team-tool.md`, note('nightly'));
    run('search', 'pipeline');
    writeFileSync(`${tmp}/notes/tools/team-tool.md`, note('hourly'));
    const later = new Date(Date.now() + 5000);
    utimesSync(`${tmp}/notes/tools/team-tool.md`, later, later);
    run('search', 'pipeline');
    run('search', 'kubernets');
    run('list');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} catch (err) {
  console.warn(`devops-kb: no code cache for the lazy bundles (${err.message.split('\n')[0]})`);
}
const old = `dist.old-${process.pid}`;
if (existsSync('dist')) renameSync('dist', old);
renameSync(out, 'dist');
rmSync(old, { recursive: true, force: true });
