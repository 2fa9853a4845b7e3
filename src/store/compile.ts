/** Turns an assembled catalog into the artifact files the CLI reads at run time: file name -> contents. */
import { buildLookup } from '../catalog/lookup.js';
import { toSummary, type Catalog, type Problem } from '../catalog/types.js';
import { buildNameIndex, buildSearchIndex } from '../search/index.js';
import { serializeSearchIndex } from '../search/layout.js';
import { shardLookup } from './shards.js';
import { ARTIFACT_FORMAT, type Manifest } from './types.js';


/** The compiled form of a catalog: file name -> contents. Pure, so builds and caches share it. */
export function compileArtifacts(catalog: Catalog, problems: Problem[]): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  // Warnings are for lint and the build log; the run-time manifest keeps errors only.
  const errors = problems.filter((p) => p.severity === 'error');
  const manifest: Manifest = { format: ARTIFACT_FORMAT, built: new Date().toISOString().slice(0, 10), tools: catalog.tools.length, categories: catalog.categories.length, problems: errors };
  files.set('manifest.json', JSON.stringify(manifest));
  const lookup = buildLookup(catalog.tools);
  files.set('lookup.json', JSON.stringify(lookup));
  for (const [key, shard] of shardLookup(lookup)) files.set(`lookup/${key}.json`, JSON.stringify(shard));
  // Facets are read on every show and compare; the category guides only when asked for.
  files.set('categories.json', JSON.stringify(catalog.categories.map((c) => ({ ...c, sections: [] }))));
  files.set('guides.json', JSON.stringify(Object.fromEntries(catalog.categories.map((c) => [c.id, c.sections]))));
  files.set('summaries.json', JSON.stringify(catalog.tools.map(toSummary)));
  const search = serializeSearchIndex(buildSearchIndex(catalog));
  files.set('search.json', search.json);
  files.set('terms.txt', search.terms);
  files.set('search.bin', search.bin);
  files.set('names.json', JSON.stringify(buildNameIndex(catalog)));
  for (const tool of catalog.tools) files.set(`tools/${tool.id}.json`, JSON.stringify(tool));
  return files;
}
