/**
 * Reads a stack file: one tool per line, a YAML list (`- name` lines or `[a, b]`), or a YAML mapping
 * `{tools: [...], profile: [categories]}`; `#` starts a comment. Pure: text in, names out, or a positioned UsageError.
 */
import { UsageError } from '../errors.js';

export interface StackFile {
  tools: string[];
  /** Categories that replace the default gap profile, or null to keep it. */
  profile: string[] | null;
}

const KEYS = ['tools', 'profile'] as const;

function unquote(s: string): string {
  const t = s.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1).trim() : t;
}

/** `[a, b]` -> ['a', 'b']; anything else -> one item. */
function items(value: string, file: string, line: number): string[] {
  const v = value.trim();
  if (v === '') return [];
  if (v.startsWith('[')) {
    if (!v.endsWith(']')) throw new UsageError('unclosed `[` in the stack file', { file, line, hint: 'write a list as [a, b, c] on one line, or one `- item` per line' });
    return v.slice(1, -1).split(',').map(unquote).filter(Boolean);
  }
  return [unquote(v)].filter(Boolean);
}

function stripComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return (m ? line.slice(0, m.index) : line).replace(/\s+$/, '');
}

/** Parses the text of a stack file named `file` (used in error positions). */
export function parseStackFile(text: string, file: string): StackFile {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).map(stripComment);
  const mapping = lines.some((l) => /^[A-Za-z_][\w-]*\s*:(\s|$)/.test(l));
  const out: StackFile = { tools: [], profile: null };
  let key: (typeof KEYS)[number] | null = null;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '' || text === '---') return;
    if (mapping) {
      const m = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(raw);
      if (m && !/^\s/.test(raw)) {
        if (!(KEYS as readonly string[]).includes(m[1]!)) {
          throw new UsageError(`unknown key \`${m[1]}\` in the stack file`, { file, line, column: 1, hint: 'a stack file mapping has `tools:` and optionally `profile:`' });
        }
        key = m[1] as (typeof KEYS)[number];
        if (key === 'profile') out.profile ??= [];
        (key === 'tools' ? out.tools : out.profile!).push(...items(m[2]!, file, line));
        return;
      }
      if (key === null || !text.startsWith('-')) {
        throw new UsageError('expected `tools:`, `profile:` or a `- item` line', { file, line, column: 1, hint: 'indent list items under their key: `tools:` then `  - argo-cd`' });
      }
      (key === 'tools' ? out.tools : out.profile!).push(...items(text.slice(1), file, line));
      return;
    }
    out.tools.push(...items(text.startsWith('- ') || text === '-' ? text.slice(1) : text, file, line));
  });
  return out;
}
