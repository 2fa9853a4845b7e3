/**
 * Plain file access for the store: listing note files, reading bytes, atomic writes and content hashes.
 * Every other store module goes through these, so the disk is touched in one place.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NoteKind } from '../catalog/note.js';

export interface NoteFile {
  kind: NoteKind;
  file: string;
}

/** Markdown notes of a content directory (`tools/*.md`, `categories/*.md`), sorted for stable output. */
export function listNoteFiles(dir: string): NoteFile[] {
  const out: NoteFile[] = [];
  for (const [sub, kind] of [['categories', 'category'], ['tools', 'tool']] as const) {
    const d = path.join(dir, sub);
    let names: string[];
    try {
      names = fs.readdirSync(d);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (name.endsWith('.md')) out.push({ kind, file: `${d}${path.sep}${name}` });
  }
  return out;
}

export function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export function readBytes(file: string): Uint8Array {
  return fs.readFileSync(file);
}

export function writeTextFile(file: string, text: string, options: { exclusive?: boolean } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { flag: options.exclusive ? 'wx' : 'w' });
}

export function fileExists(file: string): boolean {
  return fs.existsSync(file);
}

/** Writes then renames, so a reader never sees a half-written file. */
export function writeAtomic(file: string, text: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** A fast non-cryptographic hash (two 32-bit FNV-1a lanes) for names of cache folders: no node:crypto on every call. */
export function quickHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function hashText(text: string | Uint8Array): string {
  // Loaded on use: plain `show` never hashes, and node:crypto is costly to start.
  const crypto = (process.getBuiltinModule ? process.getBuiltinModule('node:crypto') : require('node:crypto')) as typeof import('node:crypto');
  return crypto.createHash('sha1').update(text).digest('hex');
}


/** True when a folder holds .md files directly (notes put beside tools/ instead of inside it). */
export function hasMarkdownFiles(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((f) => f.endsWith('.md'));
  } catch {
    return false;
  }
}

/** The shipped notes of an installed copy: content/ beside dist/, where the built-in catalog came from. */
export function shippedContentDir(builtinDir: string): string {
  return path.resolve(builtinDir, '..', '..', 'content');
}

/** mtime (ms) and size of the last `statInto` call. */
export const statResult = new Float64Array(2);

type RawStat = (file: string, bigint: boolean, req: undefined, throwIfNoEntry: boolean) => Float64Array | undefined;
let rawStat: RawStat | null | undefined;

/** mtime in ms from the binding's stat array (seconds and nanoseconds), as fs.statSync gives it. */
const mtimeOf = (a: Float64Array): number => a[12]! * 1e3 + a[13]! / 1e6;

/** The fs binding's stat when it agrees with fs.statSync on a probe file (checked once), else null. */
function rawStatFor(probeFile: string): RawStat | null {
  if (rawStat !== undefined) return rawStat;
  rawStat = null;
  try {
    const binding = (process as unknown as { binding(name: string): { stat: RawStat } }).binding('fs');
    const probe = binding.stat(probeFile, false, undefined, false);
    const st = fs.statSync(probeFile, { throwIfNoEntry: false });
    if (probe && st && mtimeOf(probe) === st.mtimeMs && probe[8] === st.size) rawStat = binding.stat;
  } catch {
    rawStat = null;
  }
  return rawStat;
}

/**
 * Stats a file into `statResult`; false when it does not exist. Node 20 builds a Stats object with four
 * Dates per call, a third of a search over 10,000 notes; the fs binding's stat array is used instead
 * when it agrees with fs.statSync on a probe file, and fs.statSync otherwise.
 */
export function statInto(file: string): boolean {
  const raw = rawStatFor(file);
  if (raw) {
    const a = raw(file, false, undefined, false);
    if (!a) return false;
    statResult[0] = mtimeOf(a);
    statResult[1] = a[8]!;
    return true;
  }
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return false;
  statResult[0] = st.mtimeMs;
  statResult[1] = st.size;
  return true;
}

/**
 * Stats each name of a newline-joined list (`prefix` + name) into `times` from index `k` on, as [mtime,
 * size] pairs. Returns the index after the last pair, or -1 when a name is empty, the list is longer than
 * `times`, or a note is missing. One loop over the binding: a call per note through statInto cost
 * a millisecond or two over 10,000 notes.
 */
export function statNames(names: string, prefix: string, times: Float64Array, k: number): number {
  const first = names.indexOf('\n');
  const raw = names === '' ? null : rawStatFor(prefix + (first < 0 ? names : names.slice(0, first)));
  for (let at = 0; at < names.length; k += 2) {
    const newline = names.indexOf('\n', at);
    const end = newline < 0 ? names.length : newline;
    if (end === at || k >= times.length) return -1;
    const file = prefix + names.slice(at, end);
    at = end + 1;
    if (raw) {
      const a = raw(file, false, undefined, false);
      if (!a) return -1;
      times[k] = a[12]! * 1e3 + a[13]! / 1e6; // mtimeOf, inlined: a call per note costs here
      times[k + 1] = a[8]!;
    } else {
      if (!statInto(file)) return -1;
      times[k] = statResult[0]!;
      times[k + 1] = statResult[1]!;
    }
  }
  return k;
}
