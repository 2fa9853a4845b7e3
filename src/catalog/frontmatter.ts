/** Splits a note into YAML frontmatter and body, with positioned problems, and locates keys for line:column reports. */
import matter from 'gray-matter';
import type { Problem } from './types.js';

export interface SplitNote {
  data: Record<string, unknown>;
  /** Frontmatter source, for locating keys. */
  yaml: string;
  body: string;
  /** 1-based file line where the frontmatter's first line sits. */
  yamlStartLine: number;
  /** 1-based file line where the body starts. */
  bodyStartLine: number;
}

export type SplitResult = { ok: true; note: SplitNote } | { ok: false; problem: Problem };

const FENCE = /^---[ \t]*$/;

function problem(file: string, line: number, column: number, message: string, hint: string): Problem {
  return { file, line, column, severity: 'error', message, hint };
}

/** Splits a note into YAML frontmatter and body; every failure is a positioned problem. */
export function splitFrontmatter(text: string, file: string): SplitResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    return { ok: false, problem: problem(file, 1, 1, 'the note is empty', 'start the file with a `---` line, the YAML frontmatter (id, name, category, summary), a closing `---`, then the Markdown body') };
  }
  const lines = source.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return { ok: false, problem: problem(file, 1, 1, 'missing frontmatter: the note must start with a `---` line', 'add `---`, the YAML fields (id, name, category, summary) and a closing `---` at the top of the file') };
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    return { ok: false, problem: problem(file, 1, 1, 'unclosed frontmatter: no closing `---` line', 'add a line with just `---` after the last YAML field') };
  }
  const yaml = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  let data: unknown;
  try {
    // Passing options turns off gray-matter's memo cache, which keys on content and would pin memory.
    data = matter(`---\n${yaml}\n---\n`, {}).data;
  } catch (err) {
    const mark = (err as { mark?: { line?: number; column?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err as Error).message.split('\n')[0];
    // Some YAML errors carry marks outside the block (duplicate keys): keep the position inside it.
    const line = Math.min(Math.max(2 + (mark?.line ?? 0), 2), close + 1);
    const column = Math.max(1, 1 + (mark?.column ?? 0));
    return {
      ok: false,
      problem: problem(file, line, column, `invalid YAML in frontmatter: ${reason}`, 'check indentation and quoting near this line; quote values that contain ": " or start with [, {, *, &, !, |, >, %, @ or `'),
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problem: problem(file, 2, 1, 'frontmatter must be a mapping of `key: value` lines', 'write fields as `id: my-tool`, one per line') };
  }
  return { ok: true, note: { data: data as Record<string, unknown>, yaml, body, yamlStartLine: 2, bodyStartLine: close + 2 } };
}

export interface Position {
  line: number;
  column: number;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

const keyPatterns = new Map<string, RegExp>();
/** The pattern of a `key:` line, compiled once per key name (the same few keys recur in every note). */
function keyPattern(key: string): RegExp {
  let re = keyPatterns.get(key);
  if (!re) keyPatterns.set(key, (re = new RegExp(`^(\\s*)(?:- )?["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`)));
  return re;
}

/**
 * Finds the line and column of a key path (`['facets', 'agent']`, `['sources', 1]`) in frontmatter source.
 * Falls back to the nearest enclosing key, then to the frontmatter's first line.
 */
export function locateKey(yaml: string | readonly string[], path: (string | number)[], startLine = 2): Position {
  // A caller locating many keys passes the lines once split.
  const lines = typeof yaml === 'string' ? yaml.split('\n') : yaml;
  let from = 0;
  let to = lines.length;
  let found: Position = { line: startLine, column: 1 };
  let parentIndent = -1;
  for (const part of path) {
    let hit = -1;
    if (typeof part === 'number') {
      // A block list item, or an element of an inline [a, b] list on the parent's line.
      let count = -1;
      for (let i = from; i < to; i++) {
        const line = lines[i] ?? '';
        if (/^\s*- /.test(line) || /^\s*-$/.test(line)) {
          if (indentOf(line) <= parentIndent && parentIndent >= 0 && !line.trimStart().startsWith('-')) break;
          count++;
          if (count === part) {
            hit = i;
            found = { line: startLine + i, column: indentOf(line) + 3 };
            break;
          }
        }
      }
      if (hit < 0) {
        const parentLine = lines[found.line - startLine] ?? '';
        const open = parentLine.indexOf('[');
        if (open >= 0) {
          let col = open + 1;
          const items = parentLine.slice(open + 1).split(',');
          for (let k = 0; k < items.length && k < part; k++) col += (items[k]?.length ?? 0) + 1;
          const item = items[part] ?? '';
          found = { line: found.line, column: col + 1 + (item.length - item.trimStart().length) };
        }
        return found;
      }
    } else {
      const keyRe = keyPattern(part);
      for (let i = from; i < to; i++) {
        const line = lines[i] ?? '';
        const m = keyRe.exec(line);
        if (m && indentOf(line) > parentIndent) {
          hit = i;
          found = { line: startLine + i, column: (m[1]?.length ?? 0) + 1 };
          break;
        }
      }
      if (hit < 0) return found;
    }
    // Narrow the search to the block below the hit.
    const baseIndent = indentOf(lines[hit] ?? '');
    parentIndent = baseIndent;
    from = hit + 1;
    let end = from;
    while (end < to) {
      const line = lines[end] ?? '';
      if (line.trim() !== '' && indentOf(line) <= baseIndent && !(line.trimStart().startsWith('- ') && indentOf(line) === baseIndent && typeof part === 'string')) break;
      end++;
    }
    to = end;
    if (typeof part === 'string') {
      // Inline values (`key: value`) live on the key's own line.
      const line = lines[hit] ?? '';
      const colon = line.indexOf(':');
      if (from === to && colon >= 0) {
        from = hit;
        to = hit + 1;
      }
    }
  }
  return found;
}
