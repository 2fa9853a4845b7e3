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
import { hashText, writeAtomic } from './files.js';
import { ARTIFACT_FORMAT } from './types.js';

export interface CachedNote {
  mtimeMs: number;
  size: number;
  kind: NoteKind;
  note: ParsedToolNote | ParsedCategoryNote | null;
  problems: Problem[];
}

/** [mtimeMs, size, kind, tool id or null, normalised names (id, name, aliases)...] */
export type NoteEntry = [number, number, NoteKind, string | null, ...string[]];

export interface UserState {
  format: number;
  builtin: string;
  files: Record<string, NoteEntry>;
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
  stamp: path.join(root, 'stamp.json'),
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
  return s && s.format === ARTIFACT_FORMAT && s.builtin === builtin && s.files && s.delta ? s : null;
}

export function writeState(root: string, state: UserState): void {
  writeAtomic(cachePaths(root).state, JSON.stringify(state));
}

/** A note's state entry: where it stands on disk and the names it claims. */
export function entryOf(st: { kind: NoteKind; mtimeMs: number; size: number }, cached: CachedNote | null): NoteEntry {
  const note = cached?.kind === 'tool' ? (cached.note as ParsedToolNote | null) : null;
  if (!note) return [st.mtimeMs, st.size, st.kind, null];
  return [st.mtimeMs, st.size, st.kind, note.id, ...namesOf(note)];
}

export function namesOf(note: { id: string; name: string; aliases: string[] }): string[] {
  return [...new Set([note.id, normalizeName(note.name), ...note.aliases.map(normalizeName)])];
}

const noteFile = (root: string, file: string) => path.join(cachePaths(root).notes, `${hashText(file).slice(0, 20)}.json`);

/** One note parsed since the last full compile. */
export function writeCachedNote(root: string, file: string, cached: CachedNote): void {
  writeAtomic(noteFile(root, file), JSON.stringify(cached));
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
