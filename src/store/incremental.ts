/**
 * The incremental update of the user cache: notes changed, added, removed or renamed since the last call
 * are parsed and assembled on their own, their tool files and lookup shards rewritten, and the delta
 * (changed summaries, names, masked base documents and a delta search segment) written beside the base.
 * Returns null for what it leaves to a full compile: category notes, names or ids other notes depend on,
 * or a delta past its merge threshold (the full compile then merges it into a new base).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assembleCatalog } from '../catalog/assemble.js';
import type { ParsedToolNote } from '../catalog/note.js';
import { toSummary, type Category, type Problem, type Tool } from '../catalog/types.js';
import { buildDelta, mergeThreshold } from '../search/delta.js';
import { analyzeTools, type DocTerms, type SearchIndex } from '../search/index.js';
import { openSearchIndex, readSearchMeta } from '../search/layout.js';
import { deltaFile, readDelta, serializeDelta, type Delta } from './delta-files.js';
import { dirStore } from './dir-store.js';
import { lazyBin, lazyTerms } from './lazy-bin.js';
import { readShard } from './pack.js';
import { writeAtomic } from './files.js';
import { parseNotes } from './parse-notes.js';
import { lookupShard, toolShard } from './shards.js';
import type { Manifest } from './types.js';
import type { diffNotes } from './seen-notes.js';
import { termsOf, type DeltaAnalysis } from './delta-analysis.js';
import { cachePaths, compiledId, namesOf, writeCachedNote, writeState, type UserState } from './user-state.js';

const relatedIds = (t: Pick<Tool, 'related'>) => [...t.related.alternatives, ...t.related.uses, ...t.related.integrates];

export async function applyChanges(builtinDir: string, root: string, diff: ReturnType<typeof diffNotes>, state: UserState): Promise<{ reparsed: number; searchBase: SearchIndex; delta: Delta } | null> {
  const paths = cachePaths(root);
  const changed = diff.changed;
  const gone = diff.gone.map((g) => g.file);
  if (changed.some((c) => c.kind === 'category') || diff.gone.some((g) => g.kind === 'category')) return null;
  const unparsed = new Set(state.unparsed);
  const store = dirStore(paths.catalog, { builtin: dirStore(builtinDir) });
  let manifest: Manifest;
  try {
    manifest = store.manifest();
  } catch {
    return null;
  }
  const pending = state.delta.changed.length + state.delta.removed.length > 0 ? state.delta.seq : undefined;
  if (manifest.delta !== pending || !manifest.toolShards) return null; // the catalog is not the one this state describes
  const meta = readSearchMeta(fs.readFileSync(path.join(paths.catalog, 'search.json'), 'utf8'));
  // Only the terms the changed notes use are looked up, their runs of the term list and postings read (and checked).
  const base = openSearchIndex(meta, lazyTerms(path.join(paths.catalog, 'terms.txt'), meta), lazyBin(path.join(paths.catalog, 'search.bin'), meta));
  const threshold = mergeThreshold(base.ids.length);
  if (changed.length + gone.length + state.delta.changed.length + state.delta.removed.length > threshold) return null;

  const parsed = (await parseNotes(changed.map((c) => ({ file: c.file, kind: c.kind, mtimeMs: c.mtimeMs, size: c.size })))).notes;
  const contested = new Set(state.contested);
  // An id in two folders (one note overriding another): which one wins is a full compile's business.
  const overridden = new Set(state.overridden);
  const shared = (id: string | null) => id !== null && overridden.has(id);
  const isBuiltin = (id: string) => fs.existsSync(path.join(builtinDir, 'tools', `${id}.json`));
  /** The names a tool claims now, from its compiled file (a note that never compiled claims none). */
  const namesNow = (id: string | null) => (id && store.hasTool(id) ? namesOf(store.tool(id)) : []);
  const notes: ParsedToolNote[] = [];
  const removed = new Set<string>();
  const names: Record<string, string | null> = {};
  for (const { file, kind } of diff.gone) {
    const oldId = compiledId(unparsed, file, kind);
    const oldNames = namesNow(oldId);
    if (oldNames.some((n) => contested.has(n)) || (oldId && isBuiltin(oldId)) || shared(oldId)) return null;
    if (oldId) removed.add(oldId);
    for (const n of oldNames) names[n] = null;
  }
  for (const [i, { file, kind, existed }] of changed.entries()) {
    const oldId = existed ? compiledId(unparsed, file, kind) : null;
    const oldNames = namesNow(oldId);
    if (oldNames.some((n) => contested.has(n)) || (oldId && isBuiltin(oldId)) || shared(oldId)) return null;
    for (const n of oldNames) names[n] = null;
    const note = parsed[i]!.note as ParsedToolNote | null;
    if (oldId && oldId !== note?.id) removed.add(oldId);
    if (!note) continue;
    if (notes.some((n) => n.id === note.id)) return null;
    // A new id must be free (no other note or built-in tool has it) and wanted by no relation.
    if (note.id !== oldId && (store.hasTool(note.id) || isBuiltin(note.id) || state.dangling.includes(note.id))) return null;
    for (const n of namesOf(note)) {
      const now = store.findName(n);
      if (contested.has(n) || (now !== null && now !== note.id && now !== oldId)) return null;
    }
    notes.push(note);
  }
  for (const note of notes) removed.delete(note.id);
  for (const id of removed) if (state.referenced.includes(id) || isBuiltin(id)) return null;

  // Assemble the changed notes against the catalog's categories and the ids their relations name.
  const categories = store.categories().map((c) => ({ ...c, sections: [], positions: {} }));
  const known = new Set<string>();
  for (const note of notes) for (const id of relatedIds(note)) if (!removed.has(id) && store.hasTool(id)) known.add(id);
  const assembled = assembleCatalog([{ name: 'categories', builtin: true, tools: [], categories }, { name: 'changes', tools: notes, categories: [] }], known);
  const tools = assembled.catalog.tools;
  for (const note of notes) {
    if (tools.some((t) => t.id === note.id)) continue;
    if (store.hasTool(note.id)) return null; // an existing tool now skipped (say, an unknown category): leave it to a full compile
  }

  // The delta so far plus this change.
  let prev: Delta | null = null;
  if (manifest.delta !== undefined) {
    try {
      prev = readDelta(fs.readFileSync(path.join(paths.catalog, deltaFile(manifest.delta))));
    } catch {
      return null; // the changes so far cannot be read: a full compile takes every note as it is now
    }
  }
  const summaries = { ...(prev?.overlay.summaries ?? {}) };
  const baseDoc = new Map(base.ids.map((id, d) => [id, d]));
  const gonePrev = new Set(prev?.overlay.removed ?? []);
  for (const id of removed) {
    delete summaries[id];
    if (baseDoc.has(id)) gonePrev.add(id);
  }
  for (const t of tools) {
    summaries[t.id] = toSummary(t);
    gonePrev.delete(t.id);
  }
  const changedIds = Object.keys(summaries).sort();
  if (changedIds.length + gonePrev.size > threshold) return null;
  for (const t of tools) for (const n of namesOf(t)) names[n] = t.id;
  const masked = [...changedIds, ...gonePrev].map((id) => baseDoc.get(id)).filter((d): d is number => d !== undefined);
  // Analysis kept from earlier updates; newly masked base documents are analysed as the base has them (before the writes below).
  const prepared = prepareAnalysis(prev ? prev.analysis() : { docs: {}, masked: {} }, {
    categories: store.categories(),
    fresh: new Map(tools.map((t) => [t.id, t])),
    changedIds,
    masked,
    baseTool: (d) => (store.hasTool(base.ids[d]!) ? store.tool(base.ids[d]!) : null),
  });

  // Writes: parsed notes, tool files, lookup shards, delta, then the manifest that names the delta.
  changed.forEach((c, i) => writeCachedNote(root, c.file, parsed[i]!));
  const dirty = new Set(state.delta.dirty);
  const bits = manifest.toolShards;
  patchShards(paths.catalog, 'toolshards', 'tools.pack', (id) => toolShard(id, bits), [...[...removed].map((id) => [id, null] as const), ...tools.map((t) => [t.id, t] as const)], dirty);
  // A null id: the name was this note's alone and goes away.
  patchShards(paths.catalog, 'lookup', 'lookup.pack', lookupShard, Object.entries(names), dirty);
  const lens = fs.readFileSync(path.join(paths.catalog, 'search-lens.bin'));
  const baseLens = new Float32Array(lens.buffer.slice(lens.byteOffset, lens.byteOffset + lens.byteLength));
  const deltaTools = changedIds.map((id) => tools.find((t) => t.id === id) ?? store.tool(id));
  const segment = buildDelta(base, baseLens, { categories: store.categories() }, deltaTools, new Set(masked), prepared?.forDelta(deltaTools));
  const seq = state.delta.seq + 1;
  const overlay = { seq, summaries, removed: [...gonePrev].sort(), lookup: { ...(prev?.overlay.lookup ?? {}), ...names }, masked };
  // New names that no manifest names yet: plain writes (a rename over nothing buys nothing; a torn file fails its checksum).
  const deltaBytes = serializeDelta(overlay, segment, prepared?.analysis ?? null);
  fs.writeFileSync(path.join(paths.catalog, deltaFile(seq)), deltaBytes);
  const touched = new Set([...gone, ...changed.map((c) => c.file)]);
  const problems: Problem[] = [...parsed.flatMap((c) => c.problems), ...assembled.problems].filter((p) => p.severity === 'error');
  const next: Manifest = { ...manifest, tools: base.ids.length - masked.length + changedIds.length, problems: [...manifest.problems.filter((p) => !touched.has(p.file)), ...problems], delta: seq };
  writeAtomic(path.join(paths.catalog, 'manifest.json'), JSON.stringify(next));
  if (manifest.delta !== undefined) fs.rmSync(path.join(paths.catalog, deltaFile(manifest.delta)), { force: true });

  for (const f of gone) unparsed.delete(f);
  changed.forEach((c, i) => (parsed[i]!.note ? unparsed.delete(c.file) : unparsed.add(c.file)));
  const referenced = new Set(state.referenced);
  const dangling = new Set(state.dangling);
  for (const note of notes) for (const id of relatedIds(note)) (known.has(id) ? referenced : dangling).add(id);
  writeState(root, {
    ...state,
    unparsed: [...unparsed],
    referenced: [...referenced],
    dangling: [...dangling],
    delta: { seq, changed: changedIds, removed: [...gonePrev], dirty: [...dirty], parsed: [...new Set([...state.delta.parsed, ...changed.map((c) => c.file)])] },
  });
  // The base segment stays as it was: the caller's store reads it from here instead of opening it again.
  return { reparsed: changed.length, searchBase: base, delta: readDelta(Buffer.from(deltaBytes.buffer, deltaBytes.byteOffset, deltaBytes.byteLength)) };
}

/**
 * Sets or deletes entries (null deletes) in shards: each shard touched is read (its loose file from an
 * earlier update, else its copy in the pack) and written as the loose file `<folder>/<shard>.json`, which
 * readers prefer to the pack; each is recorded as rewritten since the base.
 */
function patchShards<T>(catalogDir: string, folder: string, pack: string, shardOf: (key: string) => string, entries: readonly (readonly [string, T | null])[], dirty: Set<string>): void {
  const byShard = new Map<string, (readonly [string, T | null])[]>();
  for (const entry of entries) {
    const key = shardOf(entry[0]);
    byShard.set(key, [...(byShard.get(key) ?? []), entry]);
  }
  for (const [key, group] of byShard) {
    const name = `${folder}/${key}.json`;
    // A loose shard from an earlier update wins; a damaged one is reported, never replaced by the pack's older copy.
    const shard = readShard<T>(catalogDir, folder, pack, key) ?? {};
    for (const [k, v] of group) {
      if (v !== null) shard[k] = v;
      else delete shard[k];
    }
    writeAtomic(path.join(catalogDir, name), JSON.stringify(shard));
    dirty.add(name);
  }
}

/**
 * The delta's analysis for this update: tools changed now are analysed, the others reused; each masked
 * base document's base terms are reused, or taken from its tool as the base has it. Null when some masked
 * document's terms cannot be known (no earlier analysis and its tool gone): document frequencies are then
 * read from the base's postings.
 */
function prepareAnalysis(
  prev: DeltaAnalysis | null,
  input: { categories: Category[]; fresh: Map<string, Tool>; changedIds: string[]; masked: number[]; baseTool: (doc: number) => Tool | null },
): { analysis: DeltaAnalysis; forDelta: (tools: Tool[]) => { analysed: DocTerms[]; maskedTerms: Map<number, string[]> } } | null {
  if (!prev) return null;
  const analyse = (t: Tool) => analyzeTools({ categories: input.categories }, [t])[0]!;
  const analysis: DeltaAnalysis = { docs: {}, masked: {} };
  for (const d of input.masked) {
    const kept = prev.masked[d];
    if (kept) analysis.masked[d] = kept;
    else {
      const old = input.baseTool(d);
      if (!old) return null;
      analysis.masked[d] = termsOf(analyse(old));
    }
  }
  return {
    analysis,
    forDelta: (tools) => {
      const analysed = tools.map((t) => {
        const kept = input.fresh.has(t.id) ? undefined : prev.docs[t.id];
        return (analysis.docs[t.id] = kept ?? analyse(t));
      });
      return { analysed, maskedTerms: new Map(Object.entries(analysis.masked).map(([d, terms]) => [Number(d), terms])) };
    },
  };
}
