/**
 * The user-content cache: team notes compiled once into $XDG_CACHE_HOME/devops-kb together with the
 * built-in catalog, re-parsing only the notes whose mtime or size changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Layer } from '../catalog/assemble.js';
import type { NoteKind, ParsedCategoryNote, ParsedToolNote } from '../catalog/note.js';
import type { Problem } from '../catalog/types.js';
import { dirStore, writeArtifacts } from './dir-store.js';
import { hashText, writeAtomic } from './files.js';
import { ARTIFACT_FORMAT, type CatalogStore } from './types.js';

interface CachedNote {
  mtimeMs: number;
  size: number;
  kind: NoteKind;
  note: ParsedToolNote | ParsedCategoryNote | null;
  problems: Problem[];
}

interface CacheState {
  format: number;
  builtin: string;
  files: Record<string, { mtimeMs: number; size: number }>;
  /** Hash of each artifact file, to rewrite only what changed. */
  artifacts: Record<string, string>;
}

export interface UserCatalog {
  store: CatalogStore;
  /** Where the merged artifacts live. */
  dir: string;
  /** Notes re-parsed in this call (0 when the cache was fresh). */
  reparsed: number;
}

export function defaultCacheRoot(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME ?? process.cwd(), '.cache');
  return path.join(base, 'devops-kb');
}

type NoteStats = Map<string, { kind: NoteKind; mtimeMs: number; size: number }>;

/**
 * Stats every note and fingerprints (path, mtime, size) in one pass. The fingerprint is computed without
 * building per-note objects: on a fresh cache that is all a call needs, and 10,000 notes make allocation count.
 */
function scanNotes(dirs: string[], keep: boolean): { fingerprint: string; notes: NoteStats } {
  const notes: NoteStats = new Map();
  let count = 0;
  let a = 0;
  let b = 0;
  for (const dir of dirs) {
    for (const [sub, kind] of [['categories', 'category'], ['tools', 'tool']] as const) {
      const d = `${dir}${path.sep}${sub}`;
      let names: string[];
      try {
        names = fs.readdirSync(d);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!name.endsWith('.md')) continue;
        const file = `${d}${path.sep}${name}`;
        const st = fs.statSync(file, { throwIfNoEntry: false });
        if (!st) continue; // vanished between readdir and stat: treat as removed
        if (keep) notes.set(file, { kind, mtimeMs: st.mtimeMs, size: st.size });
        // Two order-independent FNV-1a sums over the path, mtime and size.
        let h1 = 0x811c9dc5 ^ st.size;
        let h2 = Math.imul(0x01000193, st.mtimeMs | 0) ^ Math.floor(st.mtimeMs * 1000) % 1000003;
        for (let i = 0; i < file.length; i++) {
          const c = file.charCodeAt(i);
          h1 = Math.imul(h1 ^ c, 0x01000193);
          h2 = Math.imul(h2 ^ c, 0x85ebca6b);
        }
        a = (a + (h1 >>> 0)) % 0x100000000;
        b = (b + (h2 >>> 0)) % 0x100000000;
        count++;
      }
    }
  }
  return { fingerprint: `${count}-${a.toString(16)}-${b.toString(16)}`, notes };
}

function readJsonOrNull<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function readState(file: string): CacheState | null {
  const s = readJsonOrNull<CacheState>(file);
  return s && s.format === ARTIFACT_FORMAT && s.files && s.artifacts ? s : null;
}

/** The cheap part of the cache state, read on every call: what the last full check saw. */
interface Stamp {
  format: number;
  builtin: string;
  /** Notes modified before this time (ms) were seen by the last full check. */
  verifiedAt: number;
  /** Modification times of each content directory's tools/ and categories/ folders (adds, removals, renames). */
  dirs: Record<string, number>;
  /** Hash of every note's path, modification time and size. */
  files: string;
}


function dirTimes(dirs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const dir of dirs) {
    for (const sub of ['tools', 'categories']) {
      const d = path.join(dir, sub);
      try {
        out[d] = fs.statSync(d).mtimeMs;
      } catch {
        out[d] = -1;
      }
    }
  }
  return out;
}


/** Margin for notes written while a check ran: they are checked again next time. */
const VERIFY_MARGIN_MS = 2000;

/**
 * Returns a store over built-in plus user notes, compiled into a cache and kept fresh.
 * - `quickIds` (show, compare): trust the cache when no folder gained or lost a note and the notes named
 *   by those ids are older than the last full check. One stat per folder and per named note.
 * - otherwise (search, list, ...): stat every note; re-parse only those whose mtime or size changed.
 */
export async function openUserCatalog(builtinDir: string, dirs: string[], cacheRoot: string, quickIds?: string[]): Promise<UserCatalog> {
  const absDirs = dirs.map((d) => path.resolve(d));
  const builtinId = hashText(fs.readFileSync(path.join(builtinDir, 'manifest.json'), 'utf8') + fs.statSync(path.join(builtinDir, 'lookup.json')).mtimeMs);
  const key = hashText(JSON.stringify(absDirs)).slice(0, 16);
  const root = path.join(cacheRoot, key);
  const catalogDir = path.join(root, 'catalog');
  const stampFile = path.join(root, 'stamp.json');
  const stamp = readJsonOrNull<Stamp>(stampFile);
  const usable = stamp !== null && stamp.format === ARTIFACT_FORMAT && stamp.builtin === builtinId && fs.existsSync(path.join(catalogDir, 'manifest.json'));
  const times = dirTimes(absDirs);
  if (usable && quickIds && Object.entries(times).every(([d, t]) => stamp.dirs[d] === t)) {
    const untouched = quickIds.every((id) =>
      absDirs.every((dir) => {
        try {
          return fs.statSync(path.join(dir, 'tools', `${id}.md`)).mtimeMs < stamp.verifiedAt;
        } catch {
          return true; // no such note in this folder
        }
      }),
    );
    if (untouched) return { store: dirStore(catalogDir), dir: catalogDir, reparsed: 0 };
  }
  const scanStart = Date.now() - VERIFY_MARGIN_MS;
  const { fingerprint: hash } = scanNotes(absDirs, false);
  const nextStamp: Stamp = { format: ARTIFACT_FORMAT, builtin: builtinId, verifiedAt: scanStart, dirs: times, files: hash };
  if (usable && stamp.files === hash) {
    if (stamp.verifiedAt < scanStart - 60_000 || JSON.stringify(stamp.dirs) !== JSON.stringify(times)) writeAtomic(stampFile, JSON.stringify(nextStamp));
    return { store: dirStore(catalogDir), dir: catalogDir, reparsed: 0 };
  }
  const { notes: current } = scanNotes(absDirs, true);
  const result = await rebuildUserCatalog(builtinDir, builtinId, absDirs, root, current, readState(path.join(root, 'state.json')));
  writeAtomic(stampFile, JSON.stringify(nextStamp));
  return result;
}

async function rebuildUserCatalog(
  builtinDir: string,
  builtinId: string,
  dirs: string[],
  root: string,
  current: NoteStats,
  state: CacheState | null,
): Promise<UserCatalog> {
  const { decodeNote, parseNote, assembleCatalog, compileArtifacts } = await import('./pipeline.js');
  const notesDir = path.join(root, 'notes');
  fs.mkdirSync(notesDir, { recursive: true });
  let reparsed = 0;
  const layers: Layer[] = [];
  const problems: Problem[] = [];

  // Built-in notes come first, already validated; user directories follow in order (later wins).
  const builtin = dirStore(builtinDir);
  const builtinTools = builtin.summaries().map((s) => builtin.tool(s.id));
  layers.push({
    name: 'built-in',
    builtin: true,
    tools: builtinTools.map((t) => ({ ...t, positions: {} })),
    categories: builtin.categories().map((c) => ({ ...c, sections: builtin.guide(c.id) })),
  });
  problems.push(...builtin.manifest().problems);

  for (const dir of dirs) {
    const layer: Layer = { name: dir, tools: [], categories: [] };
    for (const [file, st] of current) {
      if (path.dirname(path.dirname(file)) !== dir) continue;
      const cacheFile = path.join(notesDir, `${hashText(file).slice(0, 20)}.json`);
      let cached: CachedNote | null = null;
      const prev = state?.files[file];
      if (prev && prev.mtimeMs === st.mtimeMs && prev.size === st.size) {
        try {
          cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CachedNote;
          if (cached.mtimeMs !== st.mtimeMs || cached.size !== st.size || cached.kind !== st.kind) cached = null;
        } catch {
          cached = null; // missing or damaged: parse the note again
        }
      }
      if (!cached) {
        reparsed++;
        const decoded = decodeNote(fs.readFileSync(file), file);
        const parsed = decoded.text === null ? { note: null, problems: [] } : parseNote(st.kind, decoded.text, file);
        cached = { mtimeMs: st.mtimeMs, size: st.size, kind: st.kind, note: parsed.note, problems: [...decoded.problems, ...parsed.problems] };
        writeAtomic(cacheFile, JSON.stringify(cached));
      }
      problems.push(...cached.problems);
      if (cached.note && cached.kind === 'tool') layer.tools.push(cached.note as ParsedToolNote);
      else if (cached.note) layer.categories.push(cached.note as ParsedCategoryNote);
    }
    layers.push(layer);
  }

  const assembled = assembleCatalog(layers);
  const files = compileArtifacts(assembled.catalog, [...problems, ...assembled.problems]);
  const catalogDir = path.join(root, 'catalog');
  const previous = new Map(Object.entries(state?.artifacts ?? {}));
  writeArtifacts(catalogDir, files, previous);
  const artifacts: Record<string, string> = {};
  for (const [name, text] of files) artifacts[name] = hashText(text);
  const next: CacheState = {
    format: ARTIFACT_FORMAT,
    builtin: builtinId,
    files: Object.fromEntries([...current].map(([f, s]) => [f, { mtimeMs: s.mtimeMs, size: s.size }])),
    artifacts,
  };
  writeAtomic(path.join(root, 'state.json'), JSON.stringify(next));
  return { store: dirStore(catalogDir), dir: catalogDir, reparsed };
}

/** Removes a damaged cache so the next open rebuilds it from the notes. */
export function dropCache(cacheRoot: string, dirs: string[]): void {
  const key = hashText(JSON.stringify(dirs.map((d) => path.resolve(d)))).slice(0, 16);
  fs.rmSync(path.join(cacheRoot, key), { recursive: true, force: true });
}

/**
 * Built-in plus user notes compiled in memory, for when the cache folder cannot be used (read-only, a
 * file in the way): every call parses every note, but the command still works.
 */
export async function compileInMemory(builtinDir: string, dirs: string[]): Promise<CatalogStore> {
  const { assembleCatalog } = await import('./pipeline.js');
  const { loadLayer } = await import('./load-layer.js');
  const { memoryStore } = await import('./memory.js');
  const builtin = dirStore(builtinDir);
  const layers: Layer[] = [{
    name: 'built-in',
    builtin: true,
    tools: builtin.summaries().map((s) => ({ ...builtin.tool(s.id), positions: {} })),
    categories: builtin.categories().map((c) => ({ ...c, sections: builtin.guide(c.id) })),
  }];
  const problems: Problem[] = [...builtin.manifest().problems];
  for (const dir of dirs) {
    const loaded = await loadLayer(path.resolve(dir));
    layers.push(loaded.layer);
    problems.push(...loaded.problems);
  }
  const assembled = assembleCatalog(layers);
  return memoryStore(assembled.catalog, [...problems, ...assembled.problems].filter((p) => p.severity === 'error'));
}
