/**
 * A fast path for splitSections: most note bodies use a small part of Markdown (## headings, paragraphs,
 * flat lists, fenced code, `code`, **bold** and [links](url)), which this reads line by line many times
 * faster than remark. Anything outside that subset returns null and goes to remark; a test checks that
 * both give the same sections wherever the fast path answers.
 */
import type { Block, Section } from './types.js';

type Inline = { kind: 'text' | 'code' | 'strong'; text: string } | { kind: 'link'; text: string; url: string };

const PLAIN = /^[^`*_[\]<>\\&!]*$/;
/** Characters that may start markup: everything else is plain text (the complement of PLAIN). */
const SPECIAL = /[`*_[\]<>\\&!]/g;
const BOLD = /^\*\*([A-Za-z0-9](?:[^*_`[\]<>\\&!]*[A-Za-z0-9])?)\*\*(?=$|[\s.,;:)?])/;
const LINK = /^\[([^[\]`*_<>\\&!]+)\]\(([A-Za-z0-9\-._~:/?#@$'+,;=%]+)\)/;
const CODE = /^`([^`\s](?:[^`]*[^`\s])?)`/;

/** Inline nodes of one paragraph or item, as mdast would give them, or null outside the subset. */
function inlines(text: string): Inline[] | null {
  const out: Inline[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  while (i < text.length) {
    // Plain characters up to the next one that may start markup, in one piece.
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(text)?.index ?? text.length;
    if (next > i) {
      plain += text.slice(i, next);
      i = next;
      continue;
    }
    const c = text[i]!;
    const rest = text.slice(i);
    let m: RegExpMatchArray | null;
    if (c === '`' && (m = rest.match(CODE)) && !m[1]!.includes('\n')) {
      flush();
      out.push({ kind: 'code', text: m[1]! });
    } else if (c === '*' && (i === 0 || /\s/.test(text[i - 1]!)) && (m = rest.match(BOLD))) {
      flush();
      out.push({ kind: 'strong', text: m[1]! });
    } else if (c === '[' && (i === 0 || text[i - 1] !== '!') && (m = rest.match(LINK))) {
      flush();
      out.push({ kind: 'link', text: m[1]!, url: m[2]! });
    } else if (c === '_' && /[A-Za-z0-9]/.test(text[i - 1] ?? '') && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) {
      plain += c;
      i++;
      continue;
    } else if (PLAIN.test(c)) {
      plain += c;
      i++;
      continue;
    } else return null;
    i += m[0].length;
  }
  flush();
  return out;
}

function inlineText(n: Inline): string {
  if (n.kind === 'code') return `\`${n.text}\``;
  if (n.kind === 'link') return n.url !== n.text && !n.url.startsWith('#') ? `${n.text} (${n.url})` : n.text;
  return n.text;
}

const BLANK = /^\s*$/;
const HEADING = /^(#{1,6}) +(\S.*)$/;
const BULLET = /^([-*]) (\S.*)$/;
const ORDERED = /^\d{1,9}\. (\S.*)$/;
const FENCE = /^```([^`\s]*)(?:\s.*)?$/;
/** Lines that may start something the fast path does not read: quotes, HTML, tables, setext, rules, indents. */
const OTHER = /^(?: |\t|[>|<+]|[-=_*]+\s*$|([-*_])(?:\s*\1){2,}\s*$|\d+\)|#{7}|#+\s*$|~~~)/;

/** Splits a body like splitSections, or returns null when the body uses Markdown outside the subset. */
export function splitSectionsFast(body: string): Section[] | null {
  if (body.includes('\r') || body.includes('\\')) return null;
  const lines = body.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const sections: Section[] = [];
  let current: { title: string; start: number; blocks: Block[] } | null = null;
  const close = (end: number) => {
    if (!current) return;
    const markdown = body.slice(current.start, end).trim();
    if (current.title !== '' || markdown !== '') sections.push({ title: current.title, markdown, blocks: current.blocks });
  };
  const blocks = () => current!.blocks;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    if (OTHER.test(line)) return null;
    if (!current && !line.startsWith('## ')) current = { title: '', start: starts[i]!, blocks: [] };
    let m: RegExpMatchArray | null;
    if ((m = line.match(HEADING))) {
      const parts = inlines(m[2]!.trim());
      if (!parts || m[2]!.trimEnd().endsWith('#')) return null;
      const text = parts.map(inlineText).join('').trim();
      if (m[1]!.length === 2) {
        close(starts[i]!);
        current = { title: text, start: starts[i]! + line.length, blocks: [] };
      } else blocks().push({ kind: 'heading', text, depth: m[1]!.length });
      i++;
    } else if ((m = line.match(FENCE)) && !line.slice(3).includes('`')) {
      let j = i + 1;
      while (j < lines.length && lines[j] !== '```') j++;
      if (j >= lines.length) return null;
      blocks().push({ kind: 'code', text: lines.slice(i + 1, j).join('\n'), ...(m[1] ? { lang: m[1] } : {}) });
      i = j + 1;
    } else if (BULLET.test(line) || ORDERED.test(line)) {
      const ordered = ORDERED.test(line);
      const marker = ordered ? '' : line[0];
      const items: string[] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        if (BLANK.test(l)) {
          // A blank line, then another item of the same kind, continues the same (loose) list.
          let k = i;
          while (k < lines.length && BLANK.test(lines[k]!)) k++;
          const next = lines[k] ?? '';
          if (k < lines.length && (ordered ? ORDERED.test(next) : BULLET.test(next) && next[0] === marker)) {
            i = k;
            continue;
          }
          break;
        }
        const item = ordered ? l.match(ORDERED)?.[1] : l[0] === marker ? l.match(BULLET)?.[2] : undefined;
        if (item === undefined) return null; // a continuation line, a nested list, another marker
        const parts = inlines(item.trim());
        if (!parts || OTHER.test(item) || HEADING.test(item) || FENCE.test(item)) return null;
        items.push(parts.map(inlineText).join('').trim().replace(/\s*\n\s*/g, ' '));
        i++;
      }
      blocks().push({ kind: 'list', ordered, items });
    } else {
      const para: string[] = [];
      while (i < lines.length && !BLANK.test(lines[i]!)) {
        const l = lines[i]!;
        if (para.length && (HEADING.test(l) || FENCE.test(l) || BULLET.test(l) || ORDERED.test(l) || OTHER.test(l))) return null;
        if (/ {2,}$/.test(l)) return null; // a hard line break
        para.push(l.trim());
        i++;
      }
      const parts = inlines(para.join('\n'));
      if (!parts || parts.some((p) => p.kind !== 'text' && p.text.includes('\n'))) return null;
      blocks().push({ kind: 'paragraph', text: parts.map(inlineText).join('').replace(/\s*\n\s*/g, ' ').trim() });
    }
  }
  close(body.length);
  return sections;
}
