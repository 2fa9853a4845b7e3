/** A store over an in-memory catalog: for tests and for callers that already hold the catalog. */
import { buildLookup, type Lookup } from '../catalog/lookup.js';
import { toSummary, type Catalog, type Problem } from '../catalog/types.js';
import { buildNameIndex, buildSearchIndex, type NameIndex, type SearchIndex } from '../search/index.js';
import { ARTIFACT_FORMAT, type CatalogStore } from './types.js';

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
