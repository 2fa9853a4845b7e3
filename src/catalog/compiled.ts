import { buildSearchIndex, type SearchIndex } from '../search/index.js';
import { buildLookup } from './lookup.js';
import { ARTIFACT_FORMAT, type CatalogStore, type Lookup, type Manifest } from './store.js';
import type { Catalog, Problem, Tool, ToolSummary } from './types.js';

export function toSummary(tool: Tool): ToolSummary {
  const { sections: _sections, ...rest } = tool;
  return rest;
}

/** The compiled form of a catalog: file name -> JSON text. Pure, so builds and caches share it. */
export function compileArtifacts(catalog: Catalog, problems: Problem[]): Map<string, string> {
  const files = new Map<string, string>();
  const manifest: Manifest = { format: ARTIFACT_FORMAT, tools: catalog.tools.length, categories: catalog.categories.length, problems };
  files.set('manifest.json', JSON.stringify(manifest));
  files.set('lookup.json', JSON.stringify(buildLookup(catalog.tools)));
  files.set('categories.json', JSON.stringify(catalog.categories));
  files.set('summaries.json', JSON.stringify(catalog.tools.map(toSummary)));
  files.set('search.json', JSON.stringify(buildSearchIndex(catalog)));
  for (const tool of catalog.tools) files.set(`tools/${tool.id}.json`, JSON.stringify(tool));
  return files;
}

/** A store over an in-memory catalog: for tests and for callers that already hold the catalog. */
export function memoryStore(catalog: Catalog, problems: Problem[] = []): CatalogStore {
  const byId = new Map(catalog.tools.map((t) => [t.id, t]));
  let index: SearchIndex | undefined;
  let lookup: Lookup | undefined;
  return {
    manifest: () => ({ format: ARTIFACT_FORMAT, tools: catalog.tools.length, categories: catalog.categories.length, problems }),
    lookup: () => (lookup ??= buildLookup(catalog.tools)),
    tool: (id) => {
      const t = byId.get(id);
      if (!t) throw new Error(`no tool ${id} in catalog`);
      return t;
    },
    categories: () => catalog.categories,
    summaries: () => catalog.tools.map(toSummary),
    searchIndex: () => (index ??= buildSearchIndex(catalog)),
  };
}
