/**
 * A category's page: the facet matrix of its tools (sortable, filterable by the category's questions with
 * the CLI's `--where` syntax in the URL), the "How to choose" guide and the category's relation graph.
 */
import { formatFacetValue } from '../catalog/facets.js';
import type { Category, FacetDef, Section, ToolSummary } from '../catalog/types.js';
import { html, raw, type Raw } from './html.js';
import { markdownToHtml } from './markdown.js';
import { page, toolHref } from './shell.js';
import { isRetired } from './page-home.js';

export interface CategoryPageInput {
  category: Category;
  /** Primary members first, then tools listing the category under `also`. */
  tools: ToolSummary[];
  guide: Section[];
  graphSvg: string | null;
  /** What the graph leaves out, if anything. */
  graphNote?: string;
}

/** The values a filter offers for a facet: its enum values, or the distinct values the tools have. */
export function filterValues(def: FacetDef, tools: ToolSummary[]): string[] {
  if (def.type === 'enum' && def.values) return def.values;
  if (def.type === 'bool') return ['yes', 'no', 'partial', 'paid-only'].filter((v) => tools.some((t) => formatFacetValue(t.facets[def.key] ?? null) === v));
  const seen = new Set<string>();
  for (const t of tools) {
    const v = t.facets[def.key];
    for (const item of v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]) if (String(item) !== 'unknown') seen.add(String(item));
  }
  return [...seen].sort((a, b) => a.localeCompare(b)).slice(0, 60);
}

function filterForm(c: Category, tools: ToolSummary[]): Raw {
  const defs = c.facets.filter((f) => f.question && f.type !== 'year');
  return html`<form class="filters" id="filters" method="get" action="">
<fieldset><legend>Filter by what you need</legend>
${defs.map((f) => html`<div class="filter"><label for="f-${f.key}">${f.question}</label>
<select id="f-${f.key}" name="where" data-key="${f.key}"><option value="">${f.label}: any</option>
${filterValues(f, tools).map((v) => html`<option value="${f.key}=${v}">${f.label}: ${v}</option>`)}</select></div>
`)}<div class="filter-actions"><button type="submit">Apply</button> <a href="?" class="clear">Clear filters</a></div>
</fieldset></form>`;
}

function matrix(c: Category, tools: ToolSummary[]): Raw {
  const cols = c.facets.filter((f) => tools.some((t) => t.facets[f.key] !== undefined));
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="matrix-caption"><table class="matrix sortable" id="matrix">
<caption id="matrix-caption">${c.name}: ${tools.length} tools by facet. Select a column heading to sort.</caption>
<thead><tr><th scope="col" aria-sort="ascending"><button type="button" data-col="0">Tool</button></th>${cols.map((f, i) => html`<th scope="col"><button type="button" data-col="${i + 1}">${f.label}</button></th>`)}</tr></thead>
<tbody>
${tools.map((t) => html`<tr data-id="${t.id}"><th scope="row"><a href="${toolHref('../', t.id)}">${t.name}</a>${t.category !== c.id ? html` <span class="badge also" title="Primary category: ${t.category}">also</span>` : ''}${isRetired(t) ? html` <span class="badge retired">${t.status}</span>` : ''}</th>${cols.map((f) => html`<td>${formatFacetValue(t.facets[f.key] ?? null)}</td>`)}</tr>
`)}</tbody></table></div>`;
}

export function categoryPage(input: CategoryPageInput): string {
  const { category: c, tools } = input;
  const ids = tools.filter((t) => t.category === c.id).map((t) => t.id);
  const main = html`<h1>${c.name}</h1>
<p class="lede">${c.summary}</p>
${filterForm(c, tools)}
<p id="filter-status" class="status" role="status" aria-live="polite">Showing all ${tools.length} tools.</p>
${matrix(c, tools)}
${ids.length >= 2 ? html`<p class="actions"><a href="../compare.html?tools=${ids.slice(0, 3).join(',')}">Compare tools of this category side by side</a></p>` : ''}
${input.guide.map((s) => html`<section class="note guide"><h2>${s.title}</h2>${raw(markdownToHtml(s.markdown))}</section>\n`)}
${input.graphSvg ? html`<section aria-labelledby="graph"><h2 id="graph">How they relate</h2><figure class="graph"><div class="svg-scroll">${raw(input.graphSvg)}</div><figcaption>Relations among ${c.name} tools: solid arrows “uses”, dotted “integrates with”, dashed lines alternatives. ${input.graphNote ?? ''}</figcaption></figure></section>` : ''}`;
  return page({ title: c.name, root: '../', kind: 'category', main, data: [`data/categories/${c.id}.js`], description: c.summary });
}
