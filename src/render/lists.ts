/** Renders search results, tool lists, the category overview and a category guide. */
import type { FacetDef, Section, ToolSummary } from '../catalog/types.js';
import { clampWidth, heading, keyValues, renderBlocks, type RenderOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { retiredNotice } from './show.js';
import { padEnd, stringWidth, truncate, wrap } from './width.js';

export interface SearchResultView {
  id: string;
  name: string;
  category: string;
  summary: string;
  status: ToolSummary['status'];
  snippet?: string;
  /** Words to highlight in the snippet. */
  highlight?: string[];
  /** Far below the best hit: listed after a "weaker matches" separator. */
  weak?: boolean;
}

function highlight(line: string, words: string[], style: (s: string) => string): string {
  if (!words.length) return line;
  const re = new RegExp(`\\b(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\w*`, 'gi');
  return line.replace(re, (m) => style(m));
}

/**
 * Ranked search results: id, name, category, summary and, when it helps, the matching snippet. Weak
 * matches follow a separator; when the list was cut, a footer says how many there were.
 */
export function renderSearch(results: SearchResultView[], opts: RenderOptions, total = results.length): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const out: string[] = [];
  results.forEach((r, i) => {
    if (i > 0) out.push('');
    if (r.weak && (i === 0 || !results[i - 1]!.weak)) out.push(t.dim(rule('weaker matches', width)), '');
    // The name only when it says more than the id ("zookeeper Apache ZooKeeper", not "etcd etcd").
    const named = r.name.toLowerCase().replace(/\s+/g, '-') === r.id ? '' : `  ${sanitize(r.name)}`;
    const head = `${sanitize(r.id)}${named} · ${sanitize(r.category)}${r.status !== 'active' ? ` · ${r.status}` : ''}`;
    out.push(...wrap(head, width).map((l, k) => (k === 0 ? t.title(l) : l)));
    out.push(...wrap(sanitize(r.summary), width, '  ', '  '));
    if (r.snippet) {
      out.push(...wrap(`“${sanitize(r.snippet)}”`, width, '    ', '    ').map((l) => t.dim(highlight(l, r.highlight ?? [], t.match))));
    }
  });
  if (total > results.length) out.push('', t.dim(`showing ${results.length} of ${total}; --limit ${total} shows all`));
  return out.join('\n') + '\n';
}

/** A labelled horizontal rule: "── weaker matches ──────". */
function rule(label: string, width: number): string {
  const head = `── ${label} `;
  return head + '─'.repeat(Math.max(2, Math.min(width, 60) - stringWidth(head)));
}

/** Tools grouped by category, one row each: id, name, summary. */
export function renderList(groups: { category: string; name: string; tools: ToolSummary[] }[], opts: RenderOptions): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const out: string[] = [];
  const idW = Math.min(24, Math.max(...groups.flatMap((g) => g.tools.map((x) => stringWidth(x.id))), 4));
  for (const g of groups) {
    if (out.length) out.push('');
    out.push(...wrap(`${sanitize(g.name)} (${g.tools.length})`, width).map((l) => t.heading(l)));
    for (const tool of g.tools) {
      const retired = retiredNotice(tool);
      const text = sanitize(tool.summary) + (retired ? ` [${retired.split(';')[0]}]` : '');
      if (width - idW - 4 < 16) {
        out.push(...wrap(sanitize(tool.id), width, '  ', '  ').map((l) => t.accent(l)));
        out.push(...wrap(text, width, '    ', '    '));
        continue;
      }
      const lines = wrap(text, width - idW - 4);
      lines.forEach((l, i) => out.push(`  ${i === 0 ? t.accent(padEnd(sanitize(tool.id), idW)) : ' '.repeat(idW)}  ${l}`.trimEnd()));
    }
  }
  return out.join('\n') + '\n';
}

export interface CategoryView {
  id: string;
  name: string;
  /** Tools whose primary category it is. */
  count: number;
  /** Tools that list it under `also`. */
  secondary?: number;
  summary: string;
  facets: FacetDef[];
}

function toolCount(n: number): string {
  return `${n} ${n === 1 ? 'tool' : 'tools'}`;
}

/** The category overview: one line each, id, name, tool count and summary (facets: `categories <id>`). */
export function renderCategories(cats: CategoryView[], opts: RenderOptions): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const idW = Math.min(26, Math.max(...cats.map((c) => stringWidth(c.id)), 4));
  const out: string[] = [];
  for (const c of cats) {
    const count = `${c.count}${c.secondary ? `+${c.secondary}` : ''}`;
    const text = `${sanitize(c.name)} (${count}) — ${sanitize(c.summary)}`;
    if (width - idW - 2 < 24) {
      out.push(t.accent(sanitize(c.id)), `  ${truncate(text, width - 2)}`);
      continue;
    }
    out.push(`${t.accent(padEnd(sanitize(c.id), idW))}  ${truncate(text, width - idW - 2)}`);
  }
  out.push('', t.dim(`${cats.length} categories; (N+M): N tools, M more list it under also. devops-kb categories <id> shows its facets and guide`));
  return out.join('\n') + '\n';
}

/** One category: its facets (the questions it compares), its tools, and its guide to choosing. */
export function renderCategoryGuide(c: CategoryView, guide: Section[], tools: string[], opts: RenderOptions, secondary: string[] = []): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const out: string[] = [...wrap(`${sanitize(c.name)} (${c.id}) — ${toolCount(c.count)}`, width).map((l) => t.title(l))];
  if (c.summary) out.push(...wrap(sanitize(c.summary), width));
  out.push('', heading('Tools', opts), ...wrap(tools.join(', '), width, '  ', '  '));
  if (secondary.length) out.push(...wrap(`also: ${secondary.join(', ')}`, width, '  ', '  ').map((l) => t.dim(l)));
  out.push('', heading('Facets compared (key: values — question)', opts));
  for (const f of c.facets) {
    const values = f.type === 'enum' ? (f.values ?? []).join(' | ') : f.type === 'bool' ? 'true | false | partial | paid-only' : f.type;
    out.push(...wrap(`${sanitize(f.label)} (${f.key}): ${values}`, width, '    ', '  ').map((l, i) => (i === 0 ? t.accent(l) : l)));
    if (f.question) out.push(...wrap(sanitize(f.question), width, '    ', '    ').map((l) => t.dim(l)));
  }
  out.push('', t.dim(`filter with --where KEY=VALUE (list, search) or --need KEY=VALUE (choose ${c.id})`));
  for (const s of guide) {
    if (s.blocks.length === 0) continue;
    out.push('', heading(s.title || 'Notes', opts), ...renderBlocks(s.blocks, opts));
  }
  return out.join('\n') + '\n';
}

/** One line per tool: id, category, status (when not active) and the summary cut to the width. */
export function renderLong(tools: ToolSummary[], opts: RenderOptions): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const idW = Math.min(26, Math.max(...tools.map((x) => stringWidth(x.id)), 4));
  const catW = Math.min(24, Math.max(...tools.map((x) => stringWidth(x.category)), 8));
  return tools
    .map((x) => {
      const status = x.status === 'active' ? '' : `[${x.status}] `;
      const rest = Math.max(10, width - idW - catW - 4);
      return `${t.accent(padEnd(sanitize(x.id), idW))}  ${t.dim(padEnd(sanitize(x.category), catW))}  ${truncate(status + sanitize(x.summary), rest)}`.trimEnd();
    })
    .join('\n') + '\n';
}
