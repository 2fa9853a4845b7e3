/**
 * The user-content cache: team notes compiled into $XDG_CACHE_HOME/devops-kb together with the built-in
 * catalog and kept fresh: a cheap fingerprint of every note's (path, mtime, size) says whether anything
 * changed; changes go to the incremental path (a delta over the base), or to a full compile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Layer } from '../catalog/assemble.js';
import type { Problem } from '../catalog/types.js';
import { CorruptArtifactError } from './corrupt.js';
import { dirStore } from './dir-store.js';
import { quickHash, statInto, statResult } from './files.js';
import { ARTIFACT_FORMAT, type CatalogStore } from './types.js';
import { diffNotes, readStamp, restat, sameNotes, writeStamp, type SeenFolder, type SeenNotes, type StampHead } from './seen-notes.js';
import { readState, type NoteStats } from './user-state.js';
import { withUpdateLock } from './update-lock.js';

export interface UserCatalog {
  store: CatalogStore;
  /** Where the merged artifacts live. */
  dir: string;
  /** Notes re-parsed in this call (0 when the cache was fresh). */
  reparsed: number;
}

/** The cache folder of a list of content directories. */
const cacheKey = (absDirs: string[]) => quickHash(JSON.stringify(absDirs));

export function defaultCacheRoot(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME ?? process.cwd(), '.cache');
  return path.join(base, 'devops-kb');
}


/** Lists and stats every note of the content directories (when a folder changed since the last check). */
function scanNotes(dirs: string[]): SeenNotes {
  const times: number[] = [];
  const folders: SeenFolder[] = [];
  for (const dir of dirs) {
    for (const [sub, kind] of [['categories', 'category'], ['tools', 'tool']] as const) {
      const d = `${dir}${path.sep}${sub}`;
      let names: string[];
      try {
        names = fs.readdirSync(d);
      } catch {
        continue;
      }
      const seen: SeenFolder = { dir: d, kind, names: [] };
      folders.push(seen);
      for (const name of names) {
        if (!name.endsWith('.md')) continue;
        if (!statInto(`${d}${path.sep}${name}`)) continue; // vanished between readdir and stat: treat as removed
        seen.names.push(name);
        times.push(statResult[0]!, statResult[1]!);
      }
    }
  }
  return { folders, times: Float64Array.from(times) };
}

/** Per-note stats of what a check saw, by path. */
function noteStats(seen: SeenNotes): NoteStats {
  const out: NoteStats = new Map();
  let k = 0;
  for (const folder of seen.folders) {
    for (const name of folder.names) {
      out.set(`${folder.dir}${path.sep}${name}`, { kind: folder.kind, mtimeMs: seen.times[k]!, size: seen.times[k + 1]! });
      k += 2;
    }
  }
  return out;
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
export async function openUserCatalog(builtinDir: string, dirs: string[], cacheRoot: string, quickIds?: string[], locked = false): Promise<UserCatalog> {
  const absDirs = dirs.map((d) => path.resolve(d));
  const builtinId = quickHash(fs.readFileSync(path.join(builtinDir, 'manifest.json'), 'utf8') + fs.statSync(path.join(builtinDir, 'lookup.json')).mtimeMs);
  const key = cacheKey(absDirs);
  const root = path.join(cacheRoot, key);
  const catalogDir = path.join(root, 'catalog');
  // The cache's pack holds team tools; built-in tools kept as shipped are read from the built-in catalog.
  const open = (opened: Parameters<typeof dirStore>[1] = {}) => dirStore(catalogDir, { ...opened, builtin: dirStore(builtinDir) });
  const stampFile = path.join(root, 'stamp.bin');
  const stampSeen = fileIdentity(stampFile);
  const stamp = readStamp(stampFile);
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
    if (untouched) return { store: open(), dir: catalogDir, reparsed: 0 };
  }
  const scanStart = Date.now() - VERIFY_MARGIN_MS;
  // No folder changed (no note added, removed or renamed): one stat per known note, no listing.
  const restatted = usable ? restat(stamp, times) : null;
  if (restatted && !restatted.changed) return { store: open(), dir: catalogDir, reparsed: 0 };
  // An update: one process at a time. If another one updated the cache while this one waited (the stamp is
  // a new file), check again from the start; otherwise what this check found still holds.
  if (!locked) return withUpdateLock(root, () => (fileIdentity(stampFile) === stampSeen ? update() : openUserCatalog(builtinDir, dirs, cacheRoot, quickIds, true)));
  return update();

  async function update(): Promise<UserCatalog> {
    const scan = restatted ?? scanNotes(absDirs);
    const nextStamp: StampHead = { format: ARTIFACT_FORMAT, builtin: builtinId, verifiedAt: scanStart, dirs: times };
    const before = usable ? stamp.notes() : null;
    if (before && sameNotes(before, scan)) {
      // A folder changed but no note did (a file that is not a note, a touch): a new stamp so the next call restats.
      writeStamp(stampFile, nextStamp, scan);
      return { store: open(), dir: catalogDir, reparsed: 0 };
    }
    const { applyChanges, fullBuild } = await import('./pipeline.js');
    const state = usable ? readState(root, builtinId) : null;
    // A delta when the cache allows one; otherwise (first call, category notes, past the threshold) a full compile.
    const diff = before ? diffNotes(before, scan) : null;
    if (diff && diff.changed.length === 0 && diff.gone.length === 0) {
      // Only the listing moved (a folder created, an order changed): nothing to compile.
      writeStamp(stampFile, nextStamp, scan);
      return { store: open(), dir: catalogDir, reparsed: 0 };
    }
    let delta: Awaited<ReturnType<typeof applyChanges>> = null;
    if (state && diff) {
      try {
        delta = await applyChanges(builtinDir, root, diff, state);
      } catch (err) {
        // A cache file the update had to read is damaged or unreadable: the caller drops the cache and rebuilds.
        throw err instanceof CorruptArtifactError ? err : new CorruptArtifactError(catalogDir, `incremental update failed: ${(err as Error).message}`);
      }
    }
    const result = delta ?? (await fullBuild(builtinDir, builtinId, absDirs, root, noteStats(scan), state));
    writeStamp(stampFile, nextStamp, scan);
    return { store: open({ searchBase: delta?.searchBase, delta: delta?.delta }), dir: catalogDir, reparsed: result.reparsed };
  }
}

/** Which file a path names now (inode, size, mtime): an atomic rewrite is a new file. Null when there is none. */
function fileIdentity(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

/** Removes a damaged cache so the next open rebuilds it from the notes. */
export function dropCache(cacheRoot: string, dirs: string[]): void {
  const key = cacheKey(dirs.map((d) => path.resolve(d)));
  fs.rmSync(path.join(cacheRoot, key), { recursive: true, force: true });
}

/**
 * Built-in plus user notes compiled in memory, for when the cache folder cannot be used (read-only, a
 * file in the way): every call parses every note, but the command still works.
 */
export async function compileInMemory(builtinDir: string, dirs: string[]): Promise<CatalogStore> {
  // All from the lazy pipeline bundle: the hot path never loads the index builder (and fuse.js).
  const { assembleCatalog, loadLayer, memoryStore } = await import('./pipeline.js');
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
