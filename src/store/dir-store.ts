/**
 * The compiled artifacts on disk: writing a set of them (manifest last, unchanged files skipped) and a
 * lazy store that reads each file on first use, applies the user cache's delta overlay, and reports
 * damaged files as CorruptArtifactError.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Category, Section, Tool, ToolSummary } from '../catalog/types.js';
import type { NameIndex, SearchIndex } from '../search/index.js';
import { openSearchIndex, readSearchMeta } from '../search/layout.js';
import { CorruptArtifactError } from './corrupt.js';
import { lazyBin, lazyTerms } from './lazy-bin.js';
import { readShard } from './pack.js';
import { applyLookup, applyNames, applySearch, applySummaries, deltaFile, readDelta, type Delta, type DeltaOverlay } from './delta-files.js';
import { hashText, writeAtomic } from './files.js';
import { lookupShard, toolShard } from './shards.js';
import { ARTIFACT_FORMAT, type CatalogStore, type Lookup, type Manifest } from './types.js';

/**
 * Writes compiled artifacts into `outDir`, removing tool files that no longer exist and any delta. Each file is
 * written atomically and skipped when `previous` holds its hash; with `plain` (a first compile into an empty
 * folder) the manifest is removed first and files are written directly: no manifest, no complete set.
 */
export function writeArtifacts(
  outDir: string,
  files: Map<string, string | Uint8Array>,
  previous?: Map<string, string>,
  options: { plain?: boolean; force?: Set<string> } = {},
): number {
  fs.mkdirSync(path.join(outDir, 'tools'), { recursive: true });
  fs.mkdirSync(path.join(outDir, 'lookup'), { recursive: true });
  fs.mkdirSync(path.join(outDir, 'toolshards'), { recursive: true });
  if (options.plain) fs.rmSync(path.join(outDir, 'manifest.json'), { force: true });
  let written = 0;
  // The manifest goes last: its presence marks a complete set.
  const names = [...files.keys()].filter((n) => n !== 'manifest.json');
  for (const name of names) {
    const text = files.get(name)!;
    if (options.plain) {
      fs.writeFileSync(path.join(outDir, name), text);
      written++;
      continue;
    }
    if (previous && !options.force?.has(name) && previous.get(name) === hashText(text) && fs.existsSync(path.join(outDir, name))) continue;
    writeAtomic(path.join(outDir, name), text);
    written++;
  }
  for (const sub of ['tools', 'lookup', 'toolshards']) {
    for (const name of fs.readdirSync(path.join(outDir, sub))) {
      if (!files.has(`${sub}/${name}`)) fs.rmSync(path.join(outDir, sub, name), { force: true });
    }
  }
  if (!files.has('manifest.json')) return written; // the caller writes it, and drops the delta after
  writeAtomic(path.join(outDir, 'manifest.json'), files.get('manifest.json')!);
  // A full set has no delta: the manifest written above no longer names one.
  for (const name of fs.readdirSync(outDir)) if (/^delta-\d+\./.test(name)) fs.rmSync(path.join(outDir, name), { force: true });
  return written + 1;
}

export { CorruptArtifactError };

function readJson<T>(file: string): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CorruptArtifactError(file, (err as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CorruptArtifactError(file, 'not valid JSON (truncated or damaged)');
  }
}

/** A store over a directory of compiled artifacts (a base plus, in the user cache, a delta); each file is read on first use only. */
/**
 * `opened`: what the caller already holds: the base search segment and the delta it just wrote, and the
 * built-in catalog, which serves the tools a user cache's pack leaves out (built-in tools kept as shipped).
 */
export function dirStore(dir: string, opened: { searchBase?: SearchIndex; delta?: Delta; builtin?: CatalogStore } = {}): CatalogStore {
  const memo = new Map<string, unknown>();
  const load = <T>(name: string): T => {
    if (!memo.has(name)) memo.set(name, readJson<T>(path.join(dir, name)));
    return memo.get(name) as T;
  };
  const manifest = () => {
    const m = load<Manifest>('manifest.json');
    if (m.format !== ARTIFACT_FORMAT) throw new CorruptArtifactError(path.join(dir, 'manifest.json'), `format ${m.format}, expected ${ARTIFACT_FORMAT}`);
    return m;
  };
  /**
   * A shard of a pack (`lookup.pack`, `tools.pack`), or null when it is empty. An incremental update writes
   * the shards it changes as loose files (`lookup/<key>.json`, `toolshards/<key>.json`): those win.
   */
  const packed = <T>(pack: string, folder: string, key: string): Record<string, T> | null => {
    const name = `${folder}/${key}.json`;
    if (!memo.has(name)) memo.set(name, readShard<T>(dir, folder, pack, key));
    return memo.get(name) as Record<string, T> | null;
  };
  /** The shard holding a tool id (user cache), or null when no tool falls in it. */
  const shardOf = (id: string): Record<string, Tool | null> | null => packed<Tool | null>('tools.pack', 'toolshards', toolShard(id, manifest().toolShards!));
  /** A tool of the user cache's pack; null: an id left out on purpose (no built-in copy stands in); undefined: not packed. */
  const fromPack = (id: string): Tool | null | undefined => {
    const shard = shardOf(id);
    return shard && Object.hasOwn(shard, id) ? shard[id] : undefined;
  };
  /** The delta named by the manifest (as the caller just wrote it, or from disk), or null when the base is all there is. */
  const deltaRead = (): Delta | null => {
    const seq = manifest().delta;
    if (seq === undefined) return null;
    if (opened.delta?.overlay.seq === seq) return opened.delta;
    if (!memo.has('delta')) {
      const file = path.join(dir, deltaFile(seq));
      try {
        memo.set('delta', readDelta(fs.readFileSync(file)));
      } catch (err) {
        throw new CorruptArtifactError(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
      }
    }
    return memo.get('delta') as Delta;
  };
  const delta = (): DeltaOverlay | null => deltaRead()?.overlay ?? null;
  /** The base search segment from its three files, read on demand; damage reported as CorruptArtifactError. */
  const searchBase = (): SearchIndex => {
    const json = path.join(dir, 'search.json');
    try {
      const meta = readSearchMeta(fs.readFileSync(json, 'utf8'));
      return openSearchIndex(meta, lazyTerms(path.join(dir, 'terms.txt'), meta), lazyBin(path.join(dir, 'search.bin'), meta));
    } catch (err) {
      throw err instanceof CorruptArtifactError ? err : new CorruptArtifactError(json, (err as Error).message);
    }
  };
  return {
    manifest,
    lookup: () => {
      const d = delta();
      const base = load<Lookup>('lookup.json');
      return d ? { names: applyLookup(base.names, d) } : base;
    },
    findName: (name) => packed<string>('lookup.pack', 'lookup', lookupShard(name))?.[name] ?? null,
    tool: (id) => {
      if (!manifest().toolShards) return load<Tool>(`tools/${id}.json`);
      const packed = fromPack(id);
      const t = packed === undefined ? (opened.builtin?.hasTool(id) ? opened.builtin.tool(id) : undefined) : packed;
      if (!t) throw new CorruptArtifactError(path.join(dir, 'tools.pack'), `no tool ${id} in shard ${toolShard(id, manifest().toolShards!)}`);
      return t;
    },
    hasTool: (id) => {
      if (!/^[a-z0-9-]+$/.test(id)) return false;
      if (!manifest().toolShards) return fs.existsSync(path.join(dir, 'tools', `${id}.json`));
      const packed = fromPack(id);
      return packed === undefined ? opened.builtin?.hasTool(id) === true : packed !== null;
    },
    categories: () => load<Category[]>('categories.json'),
    guide: (id) => load<Record<string, Section[]>>('guides.json')[id] ?? [],
    summaries: () => {
      const d = delta();
      return d ? applySummaries(load<ToolSummary[]>('summaries.json'), d) : load<ToolSummary[]>('summaries.json');
    },
    searchIndex: () => {
      if (!memo.has('search')) {
        // The base segment as the caller already opened it (an incremental update reads it), or from disk.
        const base = opened.searchBase ?? searchBase();
        const d = deltaRead();
        let deltaSegment: SearchIndex | undefined;
        try {
          deltaSegment = d?.segment();
        } catch (err) {
          throw new CorruptArtifactError(path.join(dir, deltaFile(d!.overlay.seq)), (err as Error).message);
        }
        memo.set('search', d && deltaSegment ? applySearch(base, d.overlay, deltaSegment) : base);
      }
      return memo.get('search') as SearchIndex;
    },
    nameIndex: () => {
      const d = delta();
      return d ? applyNames(load<NameIndex>('names.json'), d) : load<NameIndex>('names.json');
    },
  };
}
