/** Renders a comparison as side-by-side columns, stacked blocks or a Markdown table. */
import { formatFacetValue } from '../catalog/facets.js';
import type { Comparison, CompareRow } from '../catalog/compare.js';
import { capList, clampWidth, type RenderOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { padEnd, stringWidth, wrap } from './width.js';

/** Narrowest tool column worth drawing; below it the stacked layout is used. */
export const MIN_COLUMN = 12;
const GAP = 2;
const MARK = 2; // "≠ " marker column

function cell(row: CompareRow, id: string): string {
  const v = row.values[id];
  if (row.kind === 'relation' && Array.isArray(v)) return sanitize(capList(v));
  return sanitize(formatFacetValue(v));
}

function header(c: Comparison, categoryNames: string[]): string {
  const names = c.tools.map((t) => t.name).join(' vs ');
  const used = categoryNames.length ? ` — facets of ${categoryNames.join(', ')}` : ' — no shared category: common fields only';
  return sanitize(names + used);
}

/** Lines after the table: tools outside the compared category, and pairs that are not alternatives. */
export function comparisonNotes(c: Comparison, categoryNames: string[]): string[] {
  const name = (id: string) => c.tools.find((t) => t.id === id)?.name ?? id;
  const out: string[] = [];
  if (c.outliers.length) out.push(`${c.outliers.map(name).join(', ')} ${c.outliers.length === 1 ? 'is' : 'are'} not in ${categoryNames.join(', ')}: its facets show as —.`);
  for (const p of c.complementary) {
    const verb = p.relation === 'uses' ? 'work together (one uses the other)' : 'integrate';
    const better = p.suggest.map((ids) => `devops-kb compare ${ids.join(' ')}`).join(', or ');
    out.push(`${name(p.tools[0])} and ${name(p.tools[1])} ${verb} rather than replace each other${better ? `; to choose between alternatives: ${better}` : ''}.`);
  }
  return out.map(sanitize);
}

function retiredLines(c: Comparison, opts: RenderOptions, width: number): string[] {
  return c.tools
    .filter((t) => t.status === 'deprecated' || t.status === 'archived')
    .flatMap((t) => wrap(`⚠ ${sanitize(t.name)} is ${t.status}`, width).map((l) => opts.theme.bad(l)));
}

/** Side by side when the columns fit, else one block per row. Never wider than `opts.width`. */
export function renderComparison(c: Comparison, categoryNames: string[], opts: RenderOptions): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const n = c.tools.length;
  const labelW = Math.min(Math.max(...c.rows.map((r) => stringWidth(r.label)), 5), 20);
  const colW = Math.floor((width - MARK - labelW - GAP * n) / Math.max(1, n));
  const out: string[] = [...wrap(header(c, categoryNames), width).map((l) => t.title(l)), ...retiredLines(c, opts, width), ''];
  const notes = comparisonNotes(c, categoryNames).flatMap((note) => wrap(note, width).map((l) => t.dim(l)));
  if (colW < MIN_COLUMN) return [...out, ...stacked(c, opts, width), ...notes].join('\n') + '\n';

  const line = (mark: string, label: string[], cols: string[][], style: (s: string) => string, rowStyle: (s: string) => string) => {
    const h = Math.max(label.length, ...cols.map((x) => x.length));
    for (let i = 0; i < h; i++) {
      let s = (i === 0 ? mark : ' '.repeat(MARK)) + style(padEnd(label[i] ?? '', labelW));
      cols.forEach((col, k) => {
        s += ' '.repeat(GAP) + rowStyle(k === n - 1 ? col[i] ?? '' : padEnd(col[i] ?? '', colW));
      });
      out.push(s.trimEnd());
    }
  };
  line('  ', [''], c.tools.map((tool) => wrap(sanitize(tool.name), colW)), (s) => s, t.title);
  out.push(t.dim('─'.repeat(width)));
  for (const row of c.rows) {
    const mark = row.same ? '  ' : t.diff('≠ ');
    line(mark, wrap(sanitize(row.label), labelW), c.tools.map((tool) => wrap(cell(row, tool.id), colW)), t.label, row.same ? (s) => s : t.diff);
  }
  out.push('', ...wrap('≠ marks rows where the tools differ.', width).map((l) => t.dim(l)), ...notes);
  return out.join('\n') + '\n';
}

/** One block per row: the label, then each tool's value. For narrow terminals and wide comparisons. */
export function stacked(c: Comparison, opts: RenderOptions, width = clampWidth(opts.width)): string[] {
  const t = opts.theme;
  const nameW = Math.min(Math.max(...c.tools.map((x) => stringWidth(sanitize(x.name)))), Math.floor(width / 3));
  const out: string[] = [];
  for (const row of c.rows) {
    // Labels line up whether or not the row is marked.
    const mark = row.same ? '  ' : '≠ ';
    out.push(...wrap(mark + sanitize(row.label), width).map((l) => (row.same ? t.label(l) : t.diff(l))));
    for (const tool of c.tools) {
      const name = padEnd(wrap(sanitize(tool.name), nameW)[0] ?? '', nameW);
      const lines = wrap(cell(row, tool.id), width - nameW - 4);
      lines.forEach((l, i) => out.push(`  ${i === 0 ? t.accent(name) : ' '.repeat(nameW)}  ${l}`.trimEnd()));
    }
    out.push('');
  }
  return out;
}

function mdCell(text: string): string {
  return sanitize(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A GitHub-flavoured Markdown table, to paste into a design doc or an ADR. */
export function comparisonMarkdown(c: Comparison, categoryNames: string[]): string {
  const lines = [
    `| | ${c.tools.map((t) => mdCell(t.name)).join(' | ')} |`,
    `|---|${c.tools.map(() => '---').join('|')}|`,
    ...c.rows.map((r) => `| ${r.same ? '' : '≠ '}**${mdCell(r.label)}** | ${c.tools.map((t) => mdCell(cell(r, t.id))).join(' | ')} |`),
  ];
  const used = categoryNames.length ? `Facets of ${sanitize(categoryNames.join(', '))}.` : 'No shared category: common fields only.';
  const notes = comparisonNotes(c, categoryNames).map((n) => `\n${n}`).join('');
  return `${lines.join('\n')}\n\n${used} ≠ marks rows where the tools differ.\n${notes}`;
}
