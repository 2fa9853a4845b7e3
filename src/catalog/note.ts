/** Turns the bytes of one note into a parsed tool or category note (decoding, frontmatter, schema, sections). */
import { splitFrontmatter } from './frontmatter.js';
import { validateCategoryFrontmatter, validateToolFrontmatter, type ParsedCategory, type ParsedTool } from './schema.js';
import { countWords, splitSections } from './sections.js';
import type { Category, Problem, Section, Tool } from './types.js';

/** Notes larger than this are refused: a reference note has no reason to be this big. */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

export type NoteKind = 'tool' | 'category';

/** A tool note parsed on its own, before cross-note checks; `positions` point into its frontmatter. */
export type ParsedToolNote = ParsedTool & { sections: Section[]; wordCount: number; path: string };
export type ParsedCategoryNote = ParsedCategory & { sections: Section[]; path: string };

export interface ParseResult<T> {
  note: T | null;
  problems: Problem[];
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAndColumnAt(bytes: Uint8Array, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return [line, offset - lineStart + 1];
}

/** Decodes a note's bytes, refusing oversized files and invalid UTF-8 with a positioned problem. */
export function decodeNote(bytes: Uint8Array, file: string): { text: string | null; problems: Problem[] } {
  if (bytes.length > MAX_NOTE_BYTES) {
    return {
      text: null,
      problems: [{ file, line: 1, column: 1, severity: 'error', skipped: true, message: `the note is ${(bytes.length / 1048576).toFixed(1)} MiB; notes are limited to ${MAX_NOTE_BYTES / 1048576} MiB`, hint: 'split it or move long material to a linked document' }],
    };
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const [line, column] = lineAndColumnAt(bytes, bad);
    return {
      text: null,
      problems: [{ file, line, column, severity: 'error', skipped: true, message: `invalid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`, hint: 'save the file as UTF-8 (for example: iconv -f latin1 -t utf-8)' }],
    };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), problems: [] };
}

/** Marks a note's errors as the reason it was left out. */
function skippedBecause(problems: Problem[]): Problem[] {
  return problems.map((p) => (p.severity === 'error' ? { ...p, skipped: true } : p));
}

export function fileIdOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.md$/i, '');
}

/** Parses one tool note: frontmatter, schema, sections. Pure: text in, note or positioned problems out. */
export function parseToolNote(text: string, file: string): ParseResult<ParsedToolNote> {
  const split = splitFrontmatter(text, file);
  if (!split.ok) return { note: null, problems: skippedBecause([split.problem]) };
  const { tool, problems } = validateToolFrontmatter(split.note, file, fileIdOf(file));
  if (!tool) return { note: null, problems: skippedBecause(problems) };
  const sections = splitSections(split.note.body);
  return { note: { ...tool, sections, wordCount: countWords(sections), path: file }, problems };
}

export function parseCategoryNote(text: string, file: string): ParseResult<ParsedCategoryNote> {
  const split = splitFrontmatter(text, file);
  if (!split.ok) return { note: null, problems: skippedBecause([split.problem]) };
  const { category, problems } = validateCategoryFrontmatter(split.note, file, fileIdOf(file));
  if (!category) return { note: null, problems: skippedBecause(problems) };
  return { note: { ...category, sections: splitSections(split.note.body), path: file }, problems };
}

export function parseNote(kind: NoteKind, text: string, file: string): ParseResult<ParsedToolNote | ParsedCategoryNote> {
  return kind === 'tool' ? parseToolNote(text, file) : parseCategoryNote(text, file);
}

export type { Tool, Category };
