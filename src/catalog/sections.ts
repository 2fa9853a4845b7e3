/** Splits a note body into `##` sections with remark and pre-digests them into blocks; counts words. */
import { remark } from 'remark';
import type { Block, Section } from './types.js';

// mdast node shapes we read; kept local so the catalog core does not depend on @types/mdast.
interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  url?: string;
  alt?: string | null;
  lang?: string | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const parser = remark();

/** Flattens inline Markdown to plain text, keeping `code` spans and link targets. */
export function inlineText(node: MdNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'inlineCode':
      return `\`${node.value ?? ''}\``;
    case 'break':
      return ' ';
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    case 'link': {
      const label = (node.children ?? []).map(inlineText).join('');
      return node.url && node.url !== label && !node.url.startsWith('#') ? `${label} (${node.url})` : label;
    }
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

function listItems(node: MdNode, depth: number): string[] {
  const items: string[] = [];
  for (const item of node.children ?? []) {
    const parts: string[] = [];
    const nested: string[] = [];
    for (const child of item.children ?? []) {
      if (child.type === 'list') nested.push(...listItems(child, depth + 1));
      else parts.push(blockText(child));
    }
    items.push('  '.repeat(depth) + parts.join(' ').trim(), ...nested);
  }
  return items;
}

function blockText(node: MdNode): string {
  if (node.type === 'code') return node.value ?? '';
  // A paragraph's inline children sit side by side: "`serial`, draining" keeps its comma on the code span.
  if (node.type === 'paragraph') return inlineText(node).trim();
  if (node.type === 'list') return listItems(node, 0).join('\n');
  return (node.children ?? []).map((c) => (c.type === 'paragraph' ? inlineText(c) : inlineText(c))).join(' ').trim();
}

/** Cells of one pipe-table row: "| a | b |" -> ["a", "b"] (escaped pipes kept). */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** A GFM pipe table written as text, or null when the text is not one. */
export function pipeTable(text: string): Block | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => l.includes('|'))) return null;
  if (!/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(lines[1]!)) return null;
  return { kind: 'table', rows: [cells(lines[0]!), ...lines.slice(2).map(cells)] };
}

function toBlock(node: MdNode, source: string): Block | null {
  switch (node.type) {
    case 'paragraph': {
      // CommonMark has no tables: a paragraph of pipe rows with a |---| line is a GFM table.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const table = start !== undefined && end !== undefined ? pipeTable(source.slice(start, end)) : null;
      return table ?? { kind: 'paragraph', text: inlineText(node).replace(/\s*\n\s*/g, ' ').trim() };
    }
    case 'heading':
      return { kind: 'heading', text: inlineText(node).trim(), depth: node.depth ?? 3 };
    case 'list':
      return { kind: 'list', ordered: Boolean(node.ordered), items: listItems(node, 0).map((s) => s.replace(/\s*\n\s*/g, ' ')) };
    case 'code':
      return { kind: 'code', text: node.value ?? '', ...(node.lang ? { lang: node.lang } : {}) };
    case 'blockquote':
      return { kind: 'quote', text: (node.children ?? []).map((c) => inlineText(c)).join(' ').replace(/\s*\n\s*/g, ' ').trim() };
    case 'table': {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      return start !== undefined && end !== undefined ? { kind: 'code', text: source.slice(start, end) } : null;
    }
    default:
      return null;
  }
}

/** Splits a Markdown body into `## ` sections, keeping each section's Markdown and pre-digested blocks. */
export function splitSections(body: string): Section[] {
  const tree = parser.parse(body) as MdNode;
  const sections: Section[] = [];
  let current: { title: string; start: number; nodes: MdNode[] } | null = null;
  const close = (end: number) => {
    if (!current) return;
    const markdown = body.slice(current.start, end).trim();
    const blocks = current.nodes.map((n) => toBlock(n, body)).filter((b): b is Block => b !== null);
    if (current.title !== '' || markdown !== '') sections.push({ title: current.title, markdown, blocks });
  };
  for (const node of tree.children ?? []) {
    const start = node.position?.start.offset ?? 0;
    if (node.type === 'heading' && node.depth === 2) {
      close(start);
      current = { title: inlineText(node).trim(), start: node.position?.end.offset ?? start, nodes: [] };
      continue;
    }
    if (!current) current = { title: '', start, nodes: [] };
    current.nodes.push(node);
  }
  close(body.length);
  return sections;
}

/** Words of prose in a set of sections (code blocks excluded). */
export function countWords(sections: Section[]): number {
  let n = 0;
  for (const s of sections) {
    for (const b of s.blocks) {
      if (b.kind === 'code') continue;
      const text = b.kind === 'list' ? b.items.join(' ') : b.kind === 'table' ? b.rows.flat().join(' ') : b.text;
      n += (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
    }
  }
  return n;
}
