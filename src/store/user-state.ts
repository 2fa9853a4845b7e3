/**
 * The user cache's own bookkeeping, next to its catalog: which notes were seen (mtime, size, id, names),
 * what the incremental path must not touch alone (contested names, referenced and dangling ids), and the
 * notes changed since the last full compile (the delta). Parsed notes live in a pack written by the full
 * compile plus one file per note parsed since.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NoteKind, ParsedCategoryNote, ParsedToolNote } from '../catalog/note.js';
import type { Problem } from '../catalog/types.js';
import { normalizeName } from '../text/names.js';
import { quickHash, writeAtomic } from './files.js';
import { ARTIFACT_FORMAT } from './types.js';

export interface CachedNote {
  mtimeMs: number;
  size: number;
  kind: NoteKind;
  note: ParsedToolNote | ParsedCategoryNote | null;
  problems: Problem[];
}

/** [mtimeMs, size, kind, tool id when the note parsed (its file name), else null] */
export type NoteEntry = [number, number, NoteKind, string | null];

export interface UserState {
  format: number;
  builtin: string;
  /** Every note seen: kept compact on disk (one string of paths, one array of numbers) as 10,000 notes make it large. */
  files: Map<string, NoteEntry>;
  /** Normalised names claimed by more than one note: changing their owners takes a full compile. */
  contested: string[];
  /** Ids named in some tool's `related`: removing one takes a full compile (others change). */
  referenced: string[];
  /** Ids named in `related` that no tool has: adding one takes a full compile. */
  dangling: string[];
  /** Since the last full compile: changed or added tool ids, removed base ids, artifact files rewritten, notes parsed. */
  delta: { seq: number; changed: string[]; removed: string[]; dirty: string[]; parsed: string[] };
}

export type NoteStats = Map<string, { kind: NoteKind; mtimeMs: number; size: number }>;

export const cachePaths = (root: string) => ({
  catalog: path.join(root, 'catalog'),
  state: path.join(root, 'state.json'),
  artifacts: path.join(root, 'artifacts.json'),
  pack: path.join(root, 'notes.json'),
  notes: path.join(root, 'notes'),
  stamp: path.join(root, 'stamp.bin'),
});

export function readJsonOrNull<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

type StoredState = Omit<UserState, 'files'> & { paths: string; data: number[] };

export function readState(root: string, builtin: string): UserState | null {
  const s = readJsonOrNull<StoredState>(cachePaths(root).state);
  if (!s || s.format !== ARTIFACT_FORMAT || s.builtin !== builtin || typeof s.paths !== 'string' || !Array.isArray(s.data) || !s.delta) return null;
  const { paths, data, ...rest } = s;
  const files = new Map<string, NoteEntry>();
  if (paths !== '') {
    paths.split('\n').forEach((file, i) => {
      const flag = data[3 * i + 2];
      const id = flag === 1 ? path.basename(file).slice(0, -3) : null;
      files.set(file, [data[3 * i]!, data[3 * i + 1]!, flag === 2 ? 'category' : 'tool', id]);
    });
  }
  return { ...rest, files };
}

export function writeState(root: string, state: UserState): void {
  const { files, ...rest } = state;
  const data: number[] = [];
  for (const [, [mtimeMs, size, kind, id]] of files) data.push(mtimeMs, size, kind === 'category' ? 2 : id ? 1 : 0);
  writeAtomic(cachePaths(root).state, JSON.stringify({ ...rest, paths: [...files.keys()].join('\n'), data }));
}

/** A note's state entry: where it stands on disk, and its id when it parsed (tool ids equal their file names). */
export function entryOf(st: { kind: NoteKind; mtimeMs: number; size: number }, cached: CachedNote | null): NoteEntry {
  const note = cached?.kind === 'tool' ? (cached.note as ParsedToolNote | null) : null;
  return [st.mtimeMs, st.size, st.kind, note ? note.id : null];
}

export function namesOf(note: { id: string; name: string; aliases: string[] }): string[] {
  return [...new Set([note.id, normalizeName(note.name), ...note.aliases.map(normalizeName)])];
}

const noteFile = (root: string, file: string) => path.join(cachePaths(root).notes, `${quickHash(file)}.json`);

/**
 * One note parsed since the last full compile. A plain write: renaming over a file costs a flush on ext4,
 * and a torn entry is harmless (it does not parse, or its mtime and size do not match: the note is parsed again).
 */
export function writeCachedNote(root: string, file: string, cached: CachedNote): void {
  const target = noteFile(root, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(cached));
}

/** Every parsed note the cache holds: the pack of the last full compile, then notes parsed since. */
export function readCachedNotes(root: string, files: Iterable<string>, since: Set<string>): Map<string, CachedNote> {
  const pack = readJsonOrNull<Record<string, CachedNote>>(cachePaths(root).pack) ?? {};
  const out = new Map<string, CachedNote>();
  for (const file of files) {
    const cached = since.has(file) ? readJsonOrNull<CachedNote>(noteFile(root, file)) : pack[file];
    if (cached) out.set(file, cached);
  }
  return out;
}

/** Replaces the pack with every parsed note and drops the per-note files. */
export function writePack(root: string, notes: Map<string, CachedNote>): void {
  const paths = cachePaths(root);
  writeAtomic(paths.pack, JSON.stringify(Object.fromEntries(notes)));
  fs.rmSync(paths.notes, { recursive: true, force: true });
}
