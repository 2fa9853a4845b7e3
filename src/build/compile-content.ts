/**
 * Compiles content/ into the artifacts the CLI reads at run time (dist/catalog/): per-tool JSON,
 * lookup, summaries, categories and the search index. Reports bad notes but never fails the install.
 */
import * as path from 'node:path';
import { assembleCatalog } from '../catalog/assemble.js';
import { compileArtifacts } from '../store/compile.js';
import { loadLayer } from '../store/load-layer.js';
import { writeArtifacts } from '../store/dir-store.js';

async function compile(contentDir: string, outDir: string): Promise<void> {
  const started = performance.now();
  const { layer, problems } = await loadLayer(contentDir, (f) => path.relative(process.cwd(), f).split(path.sep).join('/'));
  const { catalog, problems: crossProblems } = assembleCatalog([layer]);
  const all = [...problems, ...crossProblems];
  writeArtifacts(outDir, compileArtifacts(catalog, all, { keepAnalysis: true }));
  const errors = all.filter((p) => p.severity === 'error');
  for (const p of all) process.stderr.write(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}\n`);
  process.stderr.write(
  `devops-kb: compiled ${catalog.tools.length} tools and ${catalog.categories.length} categories in ${Math.round(performance.now() - started)} ms` +
    (errors.length ? `; ${errors.length} error(s) above (run 'npm test' or 'devops-kb lint content')` : '') +
    '\n',
);
}

const [contentDir = 'content', outDir = 'dist/catalog'] = process.argv.slice(2);
void compile(contentDir, outDir);
