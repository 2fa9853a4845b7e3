/** Shared layout primitives for renderers: width clamping, key-value tables, Markdown blocks, headings. */
import { sanitize } from './sanitize.js';
import { styleInline, type Theme } from './theme.js';
import { hardBreak, padEnd, stringWidth, wrap } from './width.js';
import type { Block } from '../catalog/types.js';

export interface RenderOptions {
  width: number;
  theme: Theme;
}

/** Terminal widths below this are treated as this: nothing sensible fits in fewer columns. */
export const MIN_WIDTH = 20;

/** Relation lists on hub tools run to a hundred ids: show the first ones and say how many more. */
export const RELATION_LIMIT = 12;

export function capList(items: readonly string[], limit = RELATION_LIMIT, more = ''): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} … +${items.length - limit} more${more ? ` (${more})` : ''}`;
}

export function clampWidth(width: number): number {
  return Math.max(MIN_WIDTH, Math.floor(Number.isFinite(width) ? width : 80));
}

/** Label/value rows: labels in a column, values wrapped beside them. Text is sanitized here. */
export function keyValues(rows: [string, string][], opts: RenderOptions, indent = '  '): string[] {
  const width = clampWidth(opts.width);
  const shown = rows.filter(([, v]) => v !== '');
  if (shown.length === 0) return [];
  const labelW = Math.min(Math.max(...shown.map(([k]) => stringWidth(k))), Math.max(6, Math.floor(width / 3)));
  const out: string[] = [];
  for (const [k, v] of shown) {
    const label = wrap(sanitize(k), labelW);
    const valueW = width - indent.length - labelW - 2;
    if (valueW < 8) {
      // Too narrow for two columns: stack the value under its label.
      out.push(...wrap(sanitize(k), width - indent.length).map((l) => indent + opts.theme.label(l)));
      out.push(...wrap(sanitize(v), width, indent + '  ', indent + '  ').map((l) => styleInline(l, opts.theme)));
      continue;
    }
    const value = wrap(sanitize(v), valueW);
    const n = Math.max(label.length, value.length);
    for (let i = 0; i < n; i++) {
      const l = padEnd(label[i] ?? '', labelW);
      out.push(`${indent}${opts.theme.label(l)}  ${styleInline(value[i] ?? '', opts.theme)}`.trimEnd());
    }
  }
  return out;
}

/** Renders pre-digested Markdown blocks as wrapped terminal text. */
export function renderBlocks(blocks: Block[], opts: RenderOptions, indent = '  '): string[] {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const out: string[] = [];
  for (const b of blocks) {
    if (out.length > 0) out.push('');
    switch (b.kind) {
      case 'paragraph':
        out.push(...wrap(sanitize(b.text), width, indent, indent).map((l) => styleInline(l, t)));
        break;
      case 'heading':
        out.push(...wrap(sanitize(b.text), width, indent, indent).map((l) => t.label(l)));
        break;
      case 'quote':
        out.push(...wrap(sanitize(b.text), width, `${indent}│ `, `${indent}│ `).map((l) => t.dim(l)));
        break;
      case 'list':
        b.items.forEach((item, i) => {
          const depth = (item.length - item.trimStart().length) / 2;
          const pad = indent + '  '.repeat(depth);
          const bullet = b.ordered ? `${i + 1}. ` : '• ';
          const lines = wrap(sanitize(item.trim()), width, pad + ' '.repeat(stringWidth(bullet)), pad + bullet);
          out.push(...lines.map((l) => styleInline(l, t)));
        });
        break;
      case 'table':
        out.push(...renderTable(b.rows, opts, indent));
        break;
      case 'code':
        for (const line of sanitize(b.text.replace(/\t/g, '  ')).split('\n')) {
          const room = Math.max(1, width - indent.length - 2);
          const pieces = line === '' ? [''] : hardBreak(line, room);
          out.push(...pieces.map((p) => t.code(`${indent}  ${p}`.trimEnd())));
        }
        break;
    }
  }
  return out;
}

/**
 * A table from a note: aligned columns when they fit the width, else one block per row of
 * "header: value" lines.
 */
export function renderTable(rows: string[][], opts: RenderOptions, indent = '  '): string[] {
  const width = clampWidth(opts.width) - stringWidth(indent);
  const [head = [], ...body] = rows.map((r) => r.map((c) => sanitize(c)));
  const n = Math.max(...rows.map((r) => r.length));
  const colW = Array.from({ length: n }, (_, i) => Math.max(...[head, ...body].map((r) => stringWidth(r[i] ?? ''))));
  const total = colW.reduce((a, b) => a + b, 0) + 2 * (n - 1);
  if (total <= width) {
    const line = (r: string[]) => indent + r.map((c, i) => (i === n - 1 ? c : padEnd(c, colW[i]!))).join('  ').trimEnd();
    return [opts.theme.label(line(head)), indent + colW.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  }
  const out: string[] = [];
  for (const r of body) {
    if (out.length) out.push('');
    r.forEach((c, i) => out.push(...wrap(`${head[i] ?? ''}: ${c}`, width + stringWidth(indent), `${indent}  `, indent)));
  }
  return out;
}

/** A section heading line. */
export function heading(text: string, opts: RenderOptions): string {
  return opts.theme.heading(wrap(sanitize(text), clampWidth(opts.width))[0] ?? '');
}
