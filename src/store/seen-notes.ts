/**
 * What the last full check of the team's notes saw, kept like git's index: every folder's modification time
 * and every note's name, mtime and size, in one binary file read on each call. When no folder changed (no
 * note added, removed or renamed), a fresh cache is confirmed by one stat per known note, with no directory
 * listing, no fingerprint and no allocation per note.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NoteKind } from '../catalog/note.js';
import { statInto, statResult, writeAtomic } from './files.js';

/** One folder of notes (`<dir>/tools`, `<dir>/categories`) and the file names the last check found in it. */
export interface SeenFolder {
  dir: string;
  kind: NoteKind;
  names: string[];
}

export interface Stamp {
  format: number;
  builtin: string;
  /** Notes and folders modified before this time (ms) were seen by the last full check. */
  verifiedAt: number;
  /** Modification times of each content directory's tools/ and categories/ folders (adds, removals, renames). */
  dirs: Record<string, number>;
  /** Hash of every note's path, modification time and size. */
  files: string;
  folders: SeenFolder[];
  /** mtime and size of each note, in folder order. */
  times: Float64Array;
}

/*
 * On disk: u32 length of the header | header (JSON: the stamp without `times`, names joined by newlines) |
 * zero padding to a multiple of 8 | f64 [mtime, size] per note.
 */
export function writeStamp(file: string, stamp: Stamp): void {
  const { times, folders, ...rest } = stamp;
  const header = Buffer.from(JSON.stringify({ ...rest, folders: folders.map((f) => ({ dir: f.dir, kind: f.kind, names: f.names.join('\n') })) }));
  const start = Math.ceil((4 + header.length) / 8) * 8;
  const out = new Uint8Array(start + times.byteLength);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  out.set(new Uint8Array(times.buffer, times.byteOffset, times.byteLength), start);
  writeAtomic(file, out);
}

/** The stamp, or null when there is none or it does not read back whole (the caller then checks every note). */
export function readStamp(file: string): Stamp | null {
  try {
    const bytes = fs.readFileSync(file);
    const length = bytes.readUInt32LE(0);
    const head = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Omit<Stamp, 'times' | 'folders'> & { folders: { dir: string; kind: NoteKind; names: string }[] };
    const start = Math.ceil((4 + length) / 8) * 8;
    const folders = head.folders.map((f) => ({ dir: f.dir, kind: f.kind, names: f.names === '' ? [] : f.names.split('\n') }));
    const count = folders.reduce((n, f) => n + f.names.length, 0);
    if (bytes.length !== start + 16 * count) return null;
    const times = new Float64Array(count * 2);
    new Uint8Array(times.buffer).set(bytes.subarray(start));
    return { ...head, folders, times };
  } catch {
    return null;
  }
}

/**
 * True when every folder is as the stamp saw it (same mtime, and older than the check, so a change in the
 * same clock tick cannot hide) and every known note has the mtime and size the stamp recorded.
 */
export function unchangedSince(stamp: Stamp, dirTimes: Record<string, number>): boolean {
  for (const [dir, time] of Object.entries(dirTimes)) if (stamp.dirs[dir] !== time || time >= stamp.verifiedAt) return false;
  const times = stamp.times;
  let k = 0;
  // Names relative to the folder: the kernel walks one path component per stat instead of the whole path.
  let cwd: string | null = null;
  try {
    cwd = process.cwd();
  } catch {
    cwd = null; // the working directory is gone: full paths below
  }
  try {
    for (const folder of stamp.folders) {
      let prefix = folder.dir + path.sep;
      if (cwd !== null) {
        try {
          process.chdir(folder.dir);
          prefix = '';
        } catch {
          // not enterable: full paths
        }
      }
      for (const name of folder.names) {
        if (!statInto(prefix + name) || statResult[0] !== times[k] || statResult[1] !== times[k + 1]) return false;
        k += 2;
      }
    }
    return true;
  } finally {
    if (cwd !== null) process.chdir(cwd);
  }
}
