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
