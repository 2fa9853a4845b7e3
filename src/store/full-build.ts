/**
 * The full compile of the user cache: built-in catalog plus every team note into a new base (no delta).
 * It runs on a first call (cold), when the delta outgrows its threshold (a merge), and for changes the
 * incremental path leaves to it (category notes, contested names, removed ids others refer to). Notes
 * whose parse is cached are not parsed again; the others are parsed on both cores when there are many.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assembleCatalog, type Layer } from '../catalog/assemble.js';
import type { ParsedCategoryNote, ParsedToolNote } from '../catalog/note.js';
import type { Problem, Tool } from '../catalog/types.js';
import { analysisInput, analyzeTools } from '../search/index.js';
import { mergeTables, type PlacedTable } from '../search/merge-index.js';
import { buildTermTable, deserializeTermTable, type TermTable } from '../search/term-table.js';
import { catalogFiles, searchFiles } from './compile.js';
import { toolShardBits } from './shards.js';
import { dirStore, writeArtifacts } from './dir-store.js';
import { hashText, writeAtomic } from './files.js';
import { parseNotes, startHelper, type Helper, type ParseJob } from './parse-notes.js';
import { ARTIFACT_FORMAT } from './types.js';
import { cachePaths, namesOf, readCachedNotes, readJsonOrNull, writePack, writeState, type CachedNote, type NoteStats, type UserState } from './user-state.js';

/** From this many notes to analyse, the helper thread takes part (measured: at 1,000 it was slower, at 10,000 faster). */
const ANALYSE_ON_TWO_THREADS = 3000;
/**
 * This thread's share of the notes to analyse when the helper takes part: it first writes every artifact
 * but the search index and its pack of parsed notes, then analyses its share. At 10,000 notes a profile
 * showed the two threads finishing together with 0.25; 0.15 and 0.35 measured no different end to end.
 */
const MAIN_ANALYSIS_SHARE = 0.25;

export interface BuildResult {
  /** Notes parsed in this call. */
  reparsed: number;
}

export async function fullBuild(builtinDir: string, builtinId: string, dirs: string[], root: string, current: NoteStats, prev: UserState | null): Promise<BuildResult> {
  fs.mkdirSync(root, { recursive: true });
  const cached = prev ? readCachedNotes(root, current.keys(), new Set(prev.delta.parsed)) : new Map<string, CachedNote>();
  const jobs: ParseJob[] = [];
  for (const [file, st] of current) {
    const c = cached.get(file);
    if (!c || c.mtimeMs !== st.mtimeMs || c.size !== st.size || c.kind !== st.kind) jobs.push({ file, ...st });
  }
  const helper = await startHelper(jobs.length);
  try {
    const parsed = await parseNotes(jobs, helper, cachePaths(root).helperPack);
    jobs.forEach((job, i) => cached.set(job.file, parsed.notes[i]!));
    return await compile(builtinDir, builtinId, dirs, root, current, prev, helper, { cached, reparsed: jobs.length, packedByHelper: new Set(parsed.packed) });
  } finally {
    helper.close();
  }
}

async function compile(
  builtinDir: string,
  builtinId: string,
  dirs: string[],
  root: string,
  current: NoteStats,
  prev: UserState | null,
  helper: Helper,
  /** Every note parsed (from the cache or now), how many were parsed now, and which the helper thread packed. */
  { cached, reparsed, packedByHelper }: { cached: Map<string, CachedNote>; reparsed: number; packedByHelper: ReadonlySet<string> },
): Promise<BuildResult> {
  const paths = cachePaths(root);

  // Built-in notes come first, already validated; user directories follow in order (later wins).
  const builtin = dirStore(builtinDir);
  const builtinTools = builtin.summaries().map((s) => builtin.tool(s.id));
  const layers: Layer[] = [
    {
      name: 'built-in',
      builtin: true,
      tools: builtinTools.map((t) => ({ ...t, positions: {} })),
      categories: builtin.categories().map((c) => ({ ...c, sections: builtin.guide(c.id) })),
    },
  ];
  const problems: Problem[] = [...builtin.manifest().problems];
  for (const dir of dirs) {
    const layer: Layer = { name: dir, tools: [], categories: [] };
    for (const file of current.keys()) {
      if (path.dirname(path.dirname(file)) !== dir) continue;
      const c = cached.get(file)!;
      problems.push(...c.problems);
      if (c.note && c.kind === 'tool') layer.tools.push(c.note as ParsedToolNote);
      else if (c.note) layer.categories.push(c.note as ParsedCategoryNote);
    }
    layers.push(layer);
  }
  const assembled = assembleCatalog(layers);
  const { catalog } = assembled;
  // Built-in tools come analysed from the shipped build (term by term); the rest are analysed here, the helper thread taking half.
  const shipped = shippedTable(builtinDir, layers);
  /** Ids of team tools: a built-in tool with one of them is replaced (analysed anew, and packed). */
  const teamIds = new Set(layers.slice(1).flatMap((l) => l.tools.map((t) => t.id)));
  const docOf = shipped ? tableDocs(shipped, catalog.tools, teamIds) : null;
  const covered = new Set(docOf ?? []);
  const todoDocs = catalog.tools.map((_, i) => i).filter((i) => !covered.has(i));
  const todo = todoDocs.map((i) => catalog.tools[i]!);
  // With many notes the helper analyses most of them while this thread writes every artifact but the search
  // index, then analyses the rest (below that, the helper's cold start costs more than it saves). Only what
  // the analysis reads crosses to it (cloning whole tools cost this thread 80 ms at 10,000 notes).
  const split = helper.parallel && todo.length >= ANALYSE_ON_TWO_THREADS;
  const cut = split ? Math.floor(todo.length * MAIN_ANALYSIS_SHARE) : todo.length;
  const theirs = split ? helper.analyse(todo.slice(cut).map(analysisInput), catalog.categories) : Promise.resolve(null);
  const manifestThere = fs.existsSync(path.join(paths.catalog, 'manifest.json'));
  const previous = prev && manifestThere ? readJsonOrNull<Record<string, string>>(paths.artifacts) : null;
  const hashes: Record<string, string> = {};
  const write = (files: Map<string, string | Uint8Array>) => {
    writeArtifacts(paths.catalog, files, previous ? new Map(Object.entries(previous)) : undefined, { plain: !previous, force: new Set(prev?.delta.dirty ?? []) });
    for (const [name, text] of files) hashes[name] = hashText(text);
  };
  // Tools go in one pack of shards (pack.ts): a dozen files to create in all, however many notes there are.
  const files = catalogFiles(catalog, [...problems, ...assembled.problems], {
    toolShards: toolShardBits(catalog.tools.length),
    // With the shipped table usable, built-in tools are as shipped: the store reads them from the built-in catalog.
    packOnly: shipped ? teamIds : undefined,
  });
  // The manifest goes last, once the search index is written too: its presence marks a complete set.
  const manifest = files.get('manifest.json')!;
  files.delete('manifest.json');
  write(files);
  writePack(root, cached, packedByHelper);
  const placed: PlacedTable[] = shipped && docOf ? [{ table: shipped, docOf }] : [];
  const mine = todo.slice(0, cut);
  placed.push({ table: buildTermTable(mine.map((t) => t.id), analyzeTools(catalog, mine)), docOf: Int32Array.from(todoDocs.slice(0, cut)) });
  const other = await theirs;
  if (other) placed.push({ table: other, docOf: Int32Array.from(todoDocs.slice(cut)) });
  write(searchFiles(mergeTables(catalog.tools, placed), true));
  writeAtomic(path.join(paths.catalog, 'manifest.json'), manifest);
  for (const name of fs.readdirSync(paths.catalog)) if (/^delta-\d+\./.test(name)) fs.rmSync(path.join(paths.catalog, name), { force: true });
  writeAtomic(paths.artifacts, JSON.stringify(hashes));

  // What the incremental path must leave to a full compile.
  const claims = new Map<string, Set<string>>();
  const claim = (note: { id: string; name: string; aliases: string[] }) => {
    for (const n of namesOf(note)) {
      let s = claims.get(n);
      if (!s) claims.set(n, (s = new Set()));
      s.add(note.id);
    }
  };
  builtinTools.forEach(claim);
  const ids = new Set(assembled.catalog.tools.map((t) => t.id));
  const dangling = new Set<string>();
  for (const layer of layers.slice(1)) {
    for (const t of layer.tools) {
      claim(t);
      for (const id of [...t.related.alternatives, ...t.related.uses, ...t.related.integrates]) if (!ids.has(id)) dangling.add(id);
    }
  }
  const referenced = new Set(assembled.catalog.tools.flatMap((t) => [...t.related.alternatives, ...t.related.uses, ...t.related.integrates]));
  const state: UserState = {
    format: ARTIFACT_FORMAT,
    builtin: builtinId,
    unparsed: [...current.keys()].filter((file) => !cached.get(file)?.note),
    overridden: overriddenIds(current, cached),
    contested: [...claims].filter(([, s]) => s.size > 1).map(([n]) => n),
    referenced: [...referenced],
    dangling: [...dangling],
    delta: { seq: prev?.delta.seq ?? 0, changed: [], removed: [], dirty: [], parsed: [] },
  };
  writeState(root, state);
  return { reparsed };
}

/** Tool ids that parsed notes in more than one folder claim. */
function overriddenIds(current: NoteStats, cached: Map<string, CachedNote>): string[] {
  const count = new Map<string, number>();
  for (const [file, st] of current) {
    const note = st.kind === 'tool' ? cached.get(file)?.note : null;
    if (note) count.set(note.id, (count.get(note.id) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n > 1).map(([id]) => id);
}

/**
 * The shipped term table of the built-in tools (analysis.bin), or null when a team category note
 * redefines a built-in category (that changes the built-in tools' facet evidence) or there is none.
 */
function shippedTable(builtinDir: string, layers: Layer[]): TermTable | null {
  const builtinCategories = new Set(layers[0]!.categories.map((c) => c.id));
  if (layers.slice(1).some((l) => l.categories.some((c) => builtinCategories.has(c.id)))) return null;
  try {
    return deserializeTermTable(fs.readFileSync(path.join(builtinDir, 'analysis.bin')));
  } catch {
    return null;
  }
}

/** Each table document's number in the catalog, or -1 where a team note replaced the tool (it is analysed anew). */
function tableDocs(table: TermTable, tools: Tool[], replaced: ReadonlySet<string>): Int32Array {
  const at = new Map(tools.map((t, i) => [t.id, i]));
  return Int32Array.from(table.ids, (id) => (replaced.has(id) ? -1 : at.get(id) ?? -1));
}
