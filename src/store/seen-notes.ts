/**
 * What the last full check of the team's notes saw, kept like git's index: every folder's modification time
 * and every note's name, mtime and size, in one binary file read on each call. When no folder changed (no
 * note added, removed or renamed), one stat per known note tells what changed, with no directory listing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NoteKind } from '../catalog/note.js';
import { statNames, writeAtomic } from './files.js';
import { frame, unframe } from './framing.js';

/** One folder of notes (`<dir>/tools`, `<dir>/categories`) and the file names the last check found in it. */
export interface SeenFolder {
  dir: string;
  kind: NoteKind;
  names: string[];
}

/** The cheap part of a stamp, read on every call (the quick path of `show` needs no more). */
export interface StampHead {
  format: number;
  builtin: string;
  /** Notes and folders modified before this time (ms) were seen by the last full check. */
  verifiedAt: number;
  /** Modification times of each content directory's tools/ and categories/ folders (adds, removals, renames). */
  dirs: Record<string, number>;
}

export interface Stamp extends StampHead {
  /** The notes the check saw, decoded on first use; null when that part of the file is damaged. */
  notes(): SeenNotes | null;
  /**
   * The folders as stored, each folder's note names joined by newlines, with the notes' times: a check
   * walks them in one pass without splitting 10,000 names first. Absent: use `notes()`.
   */
  joined?(): { folders: JoinedFolder[]; times: Float64Array } | null;
}

/** A folder of notes as the stamp stores it: names joined by newlines. */
export interface JoinedFolder {
  dir: string;
  kind: NoteKind;
  names: string;
}

/*
 * On disk, framed (framing.ts, aligned to 8): head (JSON: StampHead and the note count) | folders (JSON,
 * names joined by newlines) | f64 [mtime, size] per note.
 */
export function writeStamp(file: string, head: StampHead, seen: SeenNotes): void {
  const count = seen.times.length / 2;
  const first = Buffer.from(JSON.stringify({ ...head, count }));
  const second = Buffer.from(JSON.stringify(seen.folders.map((f) => ({ dir: f.dir, kind: f.kind, names: f.names.join('\n') }))));
  writeAtomic(file, frame([first, second, new Uint8Array(seen.times.buffer, seen.times.byteOffset, seen.times.byteLength)], 8));
}

/** The stamp, or null when there is none or it does not read back whole (the caller then checks every note). */
export function readStamp(file: string): Stamp | null {
  try {
    const [first, second, last] = unframe(fs.readFileSync(file), 3, 8);
    const head = JSON.parse(first!.toString('utf8')) as StampHead & { count: number };
    if (last!.length !== 16 * head.count) return null;
    let raw: { folders: JoinedFolder[]; times: Float64Array } | null | undefined;
    const joined = () => {
      if (raw !== undefined) return raw;
      try {
        const folders = JSON.parse(second!.toString('utf8')) as JoinedFolder[];
        const times = new Float64Array(head.count * 2);
        new Uint8Array(times.buffer).set(last!);
        raw = Array.isArray(folders) && folders.every((f) => typeof f.names === 'string') ? { folders, times } : null;
      } catch {
        raw = null;
      }
      return raw;
    };
    let seen: SeenNotes | null | undefined;
    const notes = () => {
      if (seen !== undefined) return seen;
      const stored = joined();
      const folders = stored?.folders.map((f) => ({ dir: f.dir, kind: f.kind, names: f.names === '' ? [] : f.names.split('\n') }));
      seen = stored && folders && folders.reduce((n, f) => n + f.names.length, 0) === head.count ? { folders, times: stored.times } : null;
      return seen;
    };
    const { count: _count, ...rest } = head;
    return { ...rest, notes, joined };
  } catch {
    return null;
  }
}

/** The notes as one check found them: folders with their note names, and each note's mtime and size in folder order. */
export interface SeenNotes {
  folders: SeenFolder[];
  times: Float64Array;
}

/**
 * When every folder is as the stamp saw it (same mtime, older than the check, so a change in the same clock
 * tick cannot hide), the notes are the stamp's: one stat per note gives their times now, with no folder
 * listing. Null when a folder changed (a note added, removed or renamed) and only a listing can tell.
 */
export function restat(stamp: Stamp, dirTimes: Record<string, number>): (SeenNotes & { changed: boolean }) | null {
  for (const [dir, time] of Object.entries(dirTimes)) if (stamp.dirs[dir] !== time || time >= stamp.verifiedAt) return null;
  const stored = stamp.joined ? stamp.joined() : joinedOf(stamp.notes());
  if (!stored) return null;
  const before = stored.times;
  const times = new Float64Array(before.length);
  let k = 0;
  // Names relative to the folder: the kernel walks one path component per stat instead of the whole path.
  let cwd: string | null = null;
  try {
    cwd = process.cwd();
  } catch {
    cwd = null; // the working directory is gone: full paths below
  }
  let moved = false;
  try {
    for (const folder of stored.folders) {
      let prefix = folder.dir + path.sep;
      if (cwd !== null) {
        try {
          process.chdir(folder.dir);
          moved = true;
          prefix = '';
        } catch {
          // not enterable, or a worker thread (which may not change directory): full paths
        }
      }
      // An empty name (a trailing newline) or a note removed since the folder's mtime was read: no check.
      if (folder.names.endsWith('\n')) return null;
      k = statNames(folder.names, prefix, times, k);
      if (k < 0) return null;
    }
  } finally {
    if (moved) process.chdir(cwd!);
  }
  if (k !== before.length) return null; // fewer names than times: a damaged stamp
  // Byte-equal is value-equal for mtimes and sizes (never NaN or -0); one memcmp instead of a loop.
  const changed = !Buffer.from(times.buffer, times.byteOffset, times.byteLength).equals(Buffer.from(before.buffer, before.byteOffset, before.byteLength));
  // The notes' names split only when a caller asks (after a change, to tell which notes changed).
  let folders: SeenFolder[] | undefined;
  return {
    get folders() {
      return (folders ??= stamp.notes()?.folders ?? []);
    },
    times,
    changed,
  };
}

function joinedOf(seen: SeenNotes | null): { folders: JoinedFolder[]; times: Float64Array } | null {
  return seen && { folders: seen.folders.map((f) => ({ dir: f.dir, kind: f.kind, names: f.names.join('\n') })), times: seen.times };
}

/** True when a listing found the same notes, in the same order, with the same times as before. */
export function sameNotes(before: SeenNotes, seen: SeenNotes): boolean {
  if (before.times.length !== seen.times.length || before.folders.length !== seen.folders.length) return false;
  for (let i = 0; i < seen.times.length; i++) if (before.times[i] !== seen.times[i]) return false;
  return seen.folders.every((f, i) => {
    const g = before.folders[i]!;
    return f.dir === g.dir && f.kind === g.kind && f.names.length === g.names.length && f.names.every((n, k) => n === g.names[k]);
  });
}

/** A note added or changed since a check: where it is, what it is now, and whether the check saw it. */
export interface NoteChange {
  file: string;
  kind: NoteKind;
  mtimeMs: number;
  size: number;
  existed: boolean;
}

/**
 * What changed between two checks: notes added or modified, and notes gone. After `restat` (the same
 * folders) only the times can differ; after a listing, notes are matched by path.
 */
export function diffNotes(before: SeenNotes, now: SeenNotes): { changed: NoteChange[]; gone: { file: string; kind: NoteKind }[] } {
  const changed: NoteChange[] = [];
  const gone: { file: string; kind: NoteKind }[] = [];
  const t = now.times;
  if (before.folders === now.folders) {
    let k = 0;
    for (const folder of now.folders) {
      for (const name of folder.names) {
        if (t[k] !== before.times[k] || t[k + 1] !== before.times[k + 1]) changed.push({ file: folder.dir + path.sep + name, kind: folder.kind, mtimeMs: t[k]!, size: t[k + 1]!, existed: true });
        k += 2;
      }
    }
    return { changed, gone };
  }
  const old = new Map<string, { kind: NoteKind; k: number }>();
  let k = 0;
  for (const folder of before.folders) {
    for (const name of folder.names) {
      old.set(folder.dir + path.sep + name, { kind: folder.kind, k });
      k += 2;
    }
  }
  k = 0;
  for (const folder of now.folders) {
    for (const name of folder.names) {
      const file = folder.dir + path.sep + name;
      const was = old.get(file);
      old.delete(file);
      if (!was || was.kind !== folder.kind || before.times[was.k] !== t[k] || before.times[was.k + 1] !== t[k + 1]) {
        changed.push({ file, kind: folder.kind, mtimeMs: t[k]!, size: t[k + 1]!, existed: was !== undefined && was.kind === folder.kind });
      }
      k += 2;
    }
  }
  for (const [file, { kind }] of old) gone.push({ file, kind });
  return { changed, gone };
}
