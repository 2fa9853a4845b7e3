/** Renders one tool entry: key facts, facets by category, sections, relations and sources. */
import { formatFacetValue } from '../catalog/facets.js';
import type { Category, Tool } from '../catalog/types.js';
import { capList, clampWidth, heading, keyValues, RELATION_LIMIT, renderBlocks, type RenderOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { timelineRows } from './timeline.js';
import { wrap } from './width.js';

export function formatYear(y: Tool['firstRelease']): string {
  return y === null ? '' : String(y);
}

/** One line that warns about a retired tool and names its successors, or null for active tools. */
export function retiredNotice(tool: Pick<Tool, 'status' | 'statusSince' | 'replacedBy'>): string | null {
  if (tool.status === 'active') return null;
  const since = tool.statusSince ? ` since ${tool.statusSince}` : '';
  const by = tool.replacedBy.length ? `; replaced by ${tool.replacedBy.join(', ')}` : '';
  return `${tool.status.toUpperCase()}${since}${by}`;
}

/** Facet rows grouped by the tool's categories, in each category's own order. */
export function facetGroups(tool: Tool, categories: Category[]): { category: Category; rows: [string, string][] }[] {
  const groups: { category: Category; rows: [string, string][] }[] = [];
  const shown = new Set<string>();
  for (const cid of tool.categories) {
    const category = categories.find((c) => c.id === cid);
    if (!category) continue;
    const rows: [string, string][] = [];
    for (const def of category.facets) {
      if (shown.has(def.key) || !(def.key in tool.facets)) continue;
      shown.add(def.key);
      rows.push([def.label, formatFacetValue(tool.facets[def.key])]);
    }
    if (rows.length) groups.push({ category, rows });
  }
  return groups;
}

/** Prose (summary, sections) stops at this width, as man and glow do; tables use the whole terminal. */
export const PROSE_MAX = 100;

/**
 * A full entry for the terminal: title, summary, facts, facets, sections, relations, links; `brief` stops
 * after the key facts.
 */
export function renderTool(tool: Tool, categories: Category[], opts: RenderOptions, brief = false): string {
  const width = clampWidth(opts.width);
  const prose = { ...opts, width: Math.min(width, PROSE_MAX) };
  const t = opts.theme;
  const o = { ...opts, width };
  const catName = (id: string) => categories.find((c) => c.id === id)?.name ?? id;
  const out: string[] = [];
  const kind = [tool.category, ...tool.also].map((id) => sanitize(catName(id))).join(' · ');
  out.push(...wrap(`${sanitize(tool.name)} — ${kind}`, width).map((l) => t.title(l)));
  out.push(...wrap(sanitize(tool.summary), prose.width));
  const notice = retiredNotice(tool);
  if (notice) out.push(...wrap(`⚠ ${sanitize(notice)}`, width).map((l) => t.bad(l)));

  out.push('', heading('Key facts', o));
  out.push(
    ...keyValues(
      [
        ['License', tool.license ?? ''],
        ['License history', tool.licenseNote ?? ''],
        ['Language', tool.language.join(', ')],
        ['First release', formatYear(tool.firstRelease)],
        ['Maintainer', tool.maintainer ?? ''],
        ['Hosting', tool.hosting ?? ''],
        ['Status', tool.status + (tool.statusSince ? ` (since ${tool.statusSince})` : '')],
        ['Id', tool.id],
        ['Aliases', tool.aliases.join(', ')],
        ['Tags', tool.tags.join(', ')],
        ['Pick it when', tool.pickWhen ?? ''],
      ],
      o,
    ),
  );
  for (const group of facetGroups(tool, categories)) {
    out.push('', heading(`Compared as ${group.category.name}`, o));
    out.push(...keyValues(group.rows, o));
  }
  if (tool.events && tool.events.length) out.push('', heading('Timeline', o), ...timelineRows(tool.events, o));
  if (brief) return `${out.join('\n')}\n`;
  for (const section of tool.sections) {
    if (section.blocks.length === 0) continue;
    out.push('', heading(section.title || 'Notes', o));
    out.push(...renderBlocks(section.blocks, prose));
  }
  const rel = tool.related;
  const relRows: [string, string][] = [
    ['Alternatives', capList(rel.alternatives, RELATION_LIMIT, `devops-kb related ${tool.id}`)],
    ['Uses', capList(rel.uses, RELATION_LIMIT, `devops-kb related ${tool.id}`)],
    ['Integrates', capList(rel.integrates, RELATION_LIMIT, `devops-kb related ${tool.id}`)],
    ['Replaced by', tool.replacedBy.join(', ')],
  ];
  if (relRows.some(([, v]) => v)) out.push('', heading('Related', o), ...keyValues(relRows, o));
  const links: [string, string][] = [
    ['Homepage', tool.homepage ?? ''],
    ['Repository', tool.repo ?? ''],
  ];
  tool.sources.forEach((s, i) => links.push([i === 0 ? 'Sources' : '', s]));
  if (tool.verified) links.push(['Checked', tool.verified]);
  if (links.some(([, v]) => v)) {
    // URLs stay whole (wrap never breaks them) and become clickable at a terminal.
    const linked = keyValues(links.map(([k, v]) => [k, sanitize(v)]), o).map((l) => l.replace(/https?:\/\/[^\s\x1b]+/g, (url) => o.theme.link(url)));
    out.push('', heading('Links', o), ...linked);
  }
  return out.join('\n') + '\n';
}

/** One section of a note ("Strengths"), found by title in any case; null when the note has none such. */
export function renderSection(tool: Tool, title: string, opts: RenderOptions): string | null {
  const section = tool.sections.find((s) => s.title.toLowerCase() === title.trim().toLowerCase());
  if (!section) return null;
  const prose = { ...opts, width: Math.min(clampWidth(opts.width), PROSE_MAX) };
  return `${[opts.theme.title(sanitize(`${tool.name} — ${section.title}`)), ...renderBlocks(section.blocks, prose)].join('\n')}\n`;
}
