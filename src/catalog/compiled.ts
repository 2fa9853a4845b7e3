import { serializeSearchIndex } from '../search/layout.js';
import { buildNameIndex, buildSearchIndex, type NameIndex, type SearchIndex } from '../search/index.js';
import { buildLookup, shardLookup } from './lookup.js';
import { ARTIFACT_FORMAT, toSummary, type CatalogStore, type Lookup, type Manifest } from './store.js';

export { toSummary };
import type { Catalog, Problem, Tool, ToolSummary } from './types.js';


/** The compiled form of a catalog: file name -> contents. Pure, so builds and caches share it. */
export function compileArtifacts(catalog: Catalog, problems: Problem[]): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  // Warnings are for lint and the build log; the run-time manifest keeps errors only.
  const errors = problems.filter((p) => p.severity === 'error');
  const manifest: Manifest = { format: ARTIFACT_FORMAT, tools: catalog.tools.length, categories: catalog.categories.length, problems: errors };
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

/** A store over an in-memory catalog: for tests and for callers that already hold the catalog. */
export function memoryStore(catalog: Catalog, problems: Problem[] = []): CatalogStore {
  const byId = new Map(catalog.tools.map((t) => [t.id, t]));
  let index: SearchIndex | undefined;
  let names: NameIndex | undefined;
  let lookup: Lookup | undefined;
  return {
    manifest: () => ({ format: ARTIFACT_FORMAT, tools: catalog.tools.length, categories: catalog.categories.length, problems }),
    lookup: () => (lookup ??= buildLookup(catalog.tools)),
    findName: (name) => (lookup ??= buildLookup(catalog.tools)).names[name] ?? null,
    tool: (id) => {
      const t = byId.get(id);
      if (!t) throw new Error(`no tool ${id} in catalog`);
      return t;
    },
    hasTool: (id) => byId.has(id),
    categories: () => catalog.categories,
    guide: (id) => catalog.categories.find((c) => c.id === id)?.sections ?? [],
    summaries: () => catalog.tools.map(toSummary),
    searchIndex: () => (index ??= buildSearchIndex(catalog)),
    nameIndex: () => (names ??= buildNameIndex(catalog)),
  };
}
