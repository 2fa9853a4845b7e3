/** Turns an assembled catalog into the artifact files the CLI reads at run time: file name -> contents. */
import { buildLookup } from '../catalog/lookup.js';
import { toSummary, type Catalog, type Problem, type Tool } from '../catalog/types.js';
import { analyzeTools, buildNameIndex, buildSearchIndex, type SearchIndex } from '../search/index.js';
import { buildTermTable, serializeTermTable } from '../search/term-table.js';
import { serializeSearchIndex } from '../search/layout.js';
import { packShards } from './pack.js';
import { shardLookup, toolShard } from './shards.js';
import { ARTIFACT_FORMAT, type Manifest } from './types.js';


type ArtifactOptions = { toolShards?: number; packOnly?: ReadonlySet<string> };

/** The compiled form of a catalog: file name -> contents. Pure, so builds and caches share it. */
export function compileArtifacts(catalog: Catalog, problems: Problem[], options: ArtifactOptions & { index?: SearchIndex; keepAnalysis?: boolean } = {}): Map<string, string | Uint8Array> {
  const files = catalogFiles(catalog, problems, options);
  const analysed = options.index ? [] : analyzeTools(catalog);
  const index = options.index ?? buildSearchIndex(catalog, analysed);
  // The shipped catalog keeps its tools' analysis, term by term: a user cache's full compile then analyses team notes only.
  if (options.keepAnalysis) files.set('analysis.bin', serializeTermTable(buildTermTable(catalog.tools.map((t) => t.id), analysed)));
  for (const [name, bytes] of searchFiles(index, Boolean(options.toolShards))) files.set(name, bytes);
  return files;
}

/**
 * Every artifact but the search index: the manifest, the name lookup, categories, summaries, fuzzy names
 * and the tools. A user cache's compile writes these while its helper thread still analyses the notes.
 */
export function catalogFiles(catalog: Catalog, problems: Problem[], options: ArtifactOptions = {}): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  // Warnings are for lint and the build log; the run-time manifest keeps errors only.
  const errors = problems.filter((p) => p.severity === 'error');
  const manifest: Manifest = { format: ARTIFACT_FORMAT, built: new Date().toISOString().slice(0, 10), tools: catalog.tools.length, categories: catalog.categories.length, problems: errors, ...(options.toolShards ? { toolShards: options.toolShards } : {}) };
  files.set('manifest.json', JSON.stringify(manifest));
  const lookup = buildLookup(catalog.tools);
  files.set('lookup.json', JSON.stringify(lookup));
  const lookupShards = shardLookup(lookup);
  files.set('lookup.pack', packShards(256, (i) => jsonOf(lookupShards.get(i.toString(16).padStart(2, '0')))));
  // Facets are read on every show and compare; the category guides only when asked for.
  files.set('categories.json', JSON.stringify(catalog.categories.map((c) => ({ ...c, sections: [] }))));
  files.set('guides.json', JSON.stringify(Object.fromEntries(catalog.categories.map((c) => [c.id, c.sections]))));
  files.set('summaries.json', JSON.stringify(catalog.tools.map(toSummary)));
  files.set('names.json', JSON.stringify(buildNameIndex(catalog)));
  for (const [name, text] of toolFiles(catalog, options.toolShards, options.packOnly)) files.set(name, text);
  return files;
}

/**
 * The search index's files. The user cache checksums its segments (a damaged one is rebuilt, never
 * served); the shipped catalog is swapped in whole at install and skips the per-search checks.
 */
export function searchFiles(index: SearchIndex, withChecksum: boolean): Map<string, string | Uint8Array> {
  const search = serializeSearchIndex(index, withChecksum);
  const files = new Map<string, string | Uint8Array>([['search.json', search.json]]);
  // Field lengths: a delta segment of the user cache corrects the average lengths with them.
  if (index.lens) files.set('search-lens.bin', new Uint8Array(index.lens.buffer, index.lens.byteOffset, index.lens.byteLength));
  files.set('terms.txt', search.terms);
  files.set('search.bin', search.bin);
  return files;
}

const jsonOf = (shard: object | undefined) => (shard === undefined ? undefined : JSON.stringify(shard));

/**
 * What `show` reads: one JSON file per tool (the shipped catalog), or with `shardBits` (the user cache, where
 * 10,000 notes would make 10,000 files to create) one pack of shards, tools grouped by a hash of their id
 * (`only`: the tools to pack; the others are read from elsewhere).
 */
export function toolFiles(catalog: Catalog, shardBits?: number, only?: ReadonlySet<string>): [string, string | Uint8Array][] {
  if (!shardBits) return catalog.tools.map((tool) => [`tools/${tool.id}.json`, JSON.stringify(tool)]);
  const shards = new Map<number, Record<string, Tool | null>>();
  const put = (id: string, tool: Tool | null) => {
    const key = Number.parseInt(toolShard(id, shardBits), 16);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = {}));
    shard[id] = tool;
  };
  for (const tool of catalog.tools) if (!only || only.has(tool.id)) put(tool.id, tool);
  // A packed id with no tool (null): a team note that was left out replaced it, so no built-in copy stands in.
  if (only) {
    const compiled = new Set(catalog.tools.map((t) => t.id));
    for (const id of only) if (!compiled.has(id)) put(id, null);
  }
  return [['tools.pack', packShards(1 << shardBits, (i) => jsonOf(shards.get(i)))]];
}
