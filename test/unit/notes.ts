/** Builds small in-memory catalogs from note text, for tests of one rule each (no dist/, no disk). */
import Fuse from 'fuse.js';
import { assembleCatalog } from '../../src/catalog/assemble.js';
import { buildLookup, resolveName } from '../../src/catalog/lookup.js';
import { parseCategoryNote, parseToolNote, type ParsedCategoryNote, type ParsedToolNote } from '../../src/catalog/note.js';
import type { Catalog } from '../../src/catalog/types.js';
import { buildNameIndex, buildSearchIndex } from '../../src/search/index.js';
import { fuseMatcher, hasUnknownWord, search, type NameMatcher, type SearchOptions } from '../../src/search/query.js';

export interface CategorySpec {
  id: string;
  name: string;
  facets?: string[];
}

export function categoryNote(c: CategorySpec): string {
  const facets = c.facets?.length ? `facets:\n${c.facets.map((f) => `  - ${f}`).join('\n')}` : 'facets: []';
  return `---\nid: ${c.id}\nname: ${c.name}\nsummary: Tools of ${c.name}.\n${facets}\n---\n\n## Overview\nAbout ${c.name}.\n\n## How to choose\nAsk.\n`;
}

export interface ToolSpec {
  id: string;
  name?: string;
  category: string;
  summary: string;
  /** More frontmatter lines, as YAML. */
  extra?: string[];
  body?: string;
}

export function toolNote(t: ToolSpec): string {
  const name = t.name ?? t.id[0]!.toUpperCase() + t.id.slice(1);
  return `---\nid: ${t.id}\nname: ${name}\ncategory: ${t.category}\nsummary: ${JSON.stringify(t.summary)}\n${(t.extra ?? []).join('\n')}\n---\n\n## Overview\n${t.body ?? t.summary}\n`;
}

/** Parses and assembles the notes; throws on any problem, so a fixture never tests a broken note. */
export function buildCatalog(categories: CategorySpec[], tools: ToolSpec[]): Catalog {
  const { catalog, problems } = assembleCatalog([
    {
      name: 'fixture',
      categories: categories.map((c) => {
        const r = parseCategoryNote(categoryNote(c), `categories/${c.id}.md`);
        if (!r.note) throw new Error(JSON.stringify(r.problems));
        return r.note as ParsedCategoryNote;
      }),
      tools: tools.map((t) => {
        const r = parseToolNote(toolNote(t), `tools/${t.id}.md`);
        if (!r.note) throw new Error(JSON.stringify(r.problems));
        return r.note as ParsedToolNote;
      }),
    },
  ]);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`fixture problems: ${JSON.stringify(errors)}`);
  return catalog;
}

/** Search over a catalog the way the CLI wires it: exact names, alternatives and fuse.js for typos. */
export function searcher(catalog: Catalog, wire: { fuzzy?: boolean; alternatives?: boolean } = {}) {
  const index = buildSearchIndex(catalog);
  const lookup = buildLookup(catalog.tools);
  const fuzzy = wire.fuzzy === false ? undefined : fuseMatcher(Fuse, buildNameIndex(catalog));
  const alternatives = wire.alternatives === false ? undefined : (id: string) => catalog.tools.find((t) => t.id === id)?.related.alternatives ?? [];
  const exact = (n: string) => resolveName(lookup, n);
  // As the CLI does: fuse.js only when a word is unknown and the whole query names no tool.
  const run = (q: string, opts: SearchOptions = {}) => {
    const names: NameMatcher = { exact, ...(alternatives ? { alternatives } : {}) };
    if (fuzzy && hasUnknownWord(index, q) && exact(q) === null) names.fuzzy = fuzzy;
    return search(index, q, opts, names);
  };
  return { index, run, ids: (q: string, opts: SearchOptions = {}) => run(q, opts).hits.map((h) => h.id) };
}
