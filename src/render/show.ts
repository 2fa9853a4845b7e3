/** Renders one tool entry: key facts, facets by category, sections, relations and sources. */
import { formatFacetValue } from '../catalog/facets.js';
import type { Category, Tool } from '../catalog/types.js';
import { clampWidth, heading, keyValues, renderBlocks, type RenderOptions } from './layout.js';
import { sanitize } from './sanitize.js';
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

/** A full entry for the terminal: title, summary, facts, facets, sections, relations, links. */
export function renderTool(tool: Tool, categories: Category[], opts: RenderOptions): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const o = { ...opts, width };
  const catName = (id: string) => categories.find((c) => c.id === id)?.name ?? id;
  const out: string[] = [];
  const kind = [tool.category, ...tool.also].map((id) => sanitize(catName(id))).join(' · ');
  out.push(...wrap(`${sanitize(tool.name)} — ${kind}`, width).map((l) => t.title(l)));
  out.push(...wrap(sanitize(tool.summary), width));
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
        ['Aliases', tool.aliases.join(', ')],
        ['Pick it when', tool.pickWhen ?? ''],
      ],
      o,
    ),
  );
  for (const group of facetGroups(tool, categories)) {
    out.push('', heading(`Compared as ${group.category.name}`, o));
    out.push(...keyValues(group.rows, o));
  }
  for (const section of tool.sections) {
    if (section.blocks.length === 0) continue;
    out.push('', heading(section.title || 'Notes', o));
    out.push(...renderBlocks(section.blocks, o));
  }
  const rel = tool.related;
  const relRows: [string, string][] = [
    ['Alternatives', rel.alternatives.join(', ')],
    ['Uses', rel.uses.join(', ')],
    ['Integrates', rel.integrates.join(', ')],
    ['Replaced by', tool.replacedBy.join(', ')],
  ];
  if (relRows.some(([, v]) => v)) out.push('', heading('Related', o), ...keyValues(relRows, o));
  const links: [string, string][] = [
    ['Homepage', tool.homepage ?? ''],
    ['Repository', tool.repo ?? ''],
  ];
  tool.sources.forEach((s, i) => links.push([i === 0 ? 'Sources' : '', s]));
  if (tool.verified) links.push(['Checked', tool.verified]);
  if (links.some(([, v]) => v)) out.push('', heading('Links', o), ...keyValues(links, o));
  return out.join('\n') + '\n';
}
