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

export interface UserState {
  format: number;
  builtin: string;
  /**
   * Notes (paths) that did not parse: every other tool note's id is its file name. Which notes exist, and
   * their mtimes and sizes, is the stamp's record (seen-notes.ts), written with this state.
   */
  unparsed: string[];
  /** Tool ids that notes in more than one folder claim (a later folder overrides): which wins is a full compile's business. */
  overridden: string[];
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
  /** The share of parsed notes the helper thread wrote in the last full compile. */
  helperPack: path.join(root, 'notes-helper.json'),
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

export function readState(root: string, builtin: string): UserState | null {
  const s = readJsonOrNull<UserState>(cachePaths(root).state);
  if (!s || s.format !== ARTIFACT_FORMAT || s.builtin !== builtin || !Array.isArray(s.unparsed) || !Array.isArray(s.overridden) || !s.delta) return null;
  return s;
}

export function writeState(root: string, state: UserState): void {
  writeAtomic(cachePaths(root).state, JSON.stringify(state));
}

/** The tool id a note had when it was last compiled: its file name, unless it did not parse (or is no tool note). */
export function compiledId(unparsed: Set<string>, file: string, kind: NoteKind): string | null {
  return kind === 'tool' && !unparsed.has(file) ? path.basename(file).slice(0, -3) : null;
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
  const paths = cachePaths(root);
  const pack = { ...readJsonOrNull<Record<string, CachedNote>>(paths.helperPack), ...readJsonOrNull<Record<string, CachedNote>>(paths.pack) };
  const out = new Map<string, CachedNote>();
  for (const file of files) {
    const cached = since.has(file) ? readJsonOrNull<CachedNote>(noteFile(root, file)) : pack[file];
    if (cached) out.set(file, cached);
  }
  return out;
}

/**
 * Replaces the pack with every parsed note but those the helper thread just packed (`packedByHelper`), and
 * drops the per-note files (and the helper's pack when it packed nothing this time).
 */
export function writePack(root: string, notes: Map<string, CachedNote>, packedByHelper: ReadonlySet<string>): void {
  const paths = cachePaths(root);
  if (packedByHelper.size === 0) fs.rmSync(paths.helperPack, { force: true });
  writeAtomic(paths.pack, JSON.stringify(Object.fromEntries([...notes].filter(([file]) => !packedByHelper.has(file)))));
  fs.rmSync(paths.notes, { recursive: true, force: true });
}
