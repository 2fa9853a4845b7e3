/** The home page: every category with its tool count and summary, and the retired tools flagged. */
import { membersOf } from '../catalog/membership.js';
import type { Category, ToolSummary } from '../catalog/types.js';
import { html } from './html.js';
import { categoryHref, page, toolHref } from './shell.js';

export const isRetired = (t: Pick<ToolSummary, 'status'>): boolean => t.status === 'deprecated' || t.status === 'archived';

export function homePage(categories: Category[], tools: ToolSummary[]): string {
  const retired = tools.filter(isRetired);
  const main = html`<h1>DevOps tools, compared</h1>
<p class="lede">${tools.length} tools in ${categories.length} categories. Open a category for its facet matrix, compare tools side by side, or search.</p>
<section aria-labelledby="categories"><h2 id="categories">Categories</h2>
<ul class="cards">
${categories.map((c) => {
  const members = membersOf(c.id, tools);
  const primary = members.filter((m) => m.primary).map((m) => m.tool);
  const also = members.length - primary.length;
  const gone = primary.filter(isRetired).length;
  return html`<li class="card"><h3><a href="${categoryHref('', c.id)}">${c.name}</a></h3>
<p class="count">${primary.length} tool${primary.length === 1 ? '' : 's'}${also ? ` (+${also} also listed)` : ''}${gone ? html`, <span class="retired-flag">${gone} retired</span>` : ''}</p>
<p>${c.summary}</p></li>
`;
})}</ul></section>
<section aria-labelledby="retired"><h2 id="retired">Retired tools</h2>
${retired.length === 0 ? html`<p>None.</p>` : html`<ul class="retired-list">${retired.map((t) => html`<li><a href="${toolHref('', t.id)}">${t.name}</a> <span class="badge retired">${t.status}${t.statusSince ? ` since ${t.statusSince}` : ''}</span>${t.replacedBy.length ? html` · replaced by ${t.replacedBy.map((r, i) => html`${i ? ', ' : ''}<a href="${toolHref('', r)}">${r}</a>`)}` : ''}</li>`)}</ul>`}
</section>`;
  return page({ title: 'DevOps tools, compared', root: '', kind: 'home', main, description: `${tools.length} DevOps tools in ${categories.length} categories, compared by the questions that matter.` });
}
