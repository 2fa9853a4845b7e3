/** A tool's page: key facts, facets by category, sections from its Markdown, relations, graph, sources. */
import type { Relations } from '../catalog/relations.js';
import type { Category, Tool } from '../catalog/types.js';
import { facetGroups, formatYear, retiredNotice } from '../render/show.js';
import { html, raw, safeUrl, type Raw } from './html.js';
import { markdownToHtml } from './markdown.js';
import { categoryHref, page, toolLink } from './shell.js';

export interface ToolPageInput {
  tool: Tool;
  categories: Category[];
  relations: Relations;
  /** Every tool id to its display name, for links. */
  names: ReadonlyMap<string, string>;
  /** The relation graph as inline SVG, or null when the tool has no relations. */
  graphSvg: string | null;
  /** What the graph leaves out, if anything. */
  graphNote?: string;
  /** The note comes from the team's own content, not the built-in catalog. */
  team: boolean;
}

function factRows(t: Tool): [string, Raw | string][] {
  const link = (url: string | null) => {
    const href = safeUrl(url);
    return href ? html`<a href="${href}" rel="noopener noreferrer">${url}</a>` : html`${url ?? ''}`;
  };
  const rows: [string, Raw | string][] = [
    ['License', `${t.license ?? ''}${t.licenseNote ? ` (${t.licenseNote})` : ''}`],
    ['Language', t.language.join(', ')],
    ['First release', formatYear(t.firstRelease)],
    ['Maintainer', t.maintainer ?? ''],
    ['Hosting', t.hosting ?? ''],
    ['Status', `${t.status}${t.statusSince ? ` since ${t.statusSince}` : ''}`],
    ['Aliases', t.aliases.join(', ')],
    ['Tags', t.tags.join(', ')],
    ['Pick it when', t.pickWhen ?? ''],
    ['Homepage', t.homepage ? link(t.homepage) : ''],
    ['Repository', t.repo ? link(t.repo) : ''],
  ];
  return rows.filter(([, v]) => (typeof v === 'string' ? v !== '' : v.html !== ''));
}

function relationList(label: string, ids: string[], names: ReadonlyMap<string, string>): Raw | '' {
  if (!ids.length) return '';
  return html`<dt>${label}</dt><dd>${ids.map((id, i) => html`${i ? ', ' : ''}${toolLink('../', id, names)}`)}</dd>`;
}

function compareLink(id: string, alternatives: string[]): Raw | '' {
  if (!alternatives.length) return '';
  return html` <a href="../compare.html?tools=${[id, ...alternatives.slice(0, 2)].join(',')}">Compare with its alternatives</a>`;
}

export function toolPage(input: ToolPageInput): string {
  const { tool: t, categories, relations: r, names } = input;
  const notice = retiredNotice(t);
  const cats = t.categories.map((c) => categories.find((x) => x.id === c)).filter((c): c is Category => c !== undefined);
  const groups = facetGroups(t, categories);
  const main = html`<article class="tool">
<h1>${t.name}${input.team ? html` <span class="badge team" title="From your team's notes, not the built-in catalog">team note</span>` : ''}</h1>
<p class="cats">${cats.map((c, i) => html`${i ? ' · ' : ''}<a href="${categoryHref('../', c.id)}">${c.name}</a>`)}</p>
${notice ? html`<p class="banner retired" role="note"><strong>${t.status[0]!.toUpperCase()}${t.status.slice(1)}</strong>${t.statusSince ? ` since ${t.statusSince}` : ''}${t.replacedBy.length ? html`; replaced by ${t.replacedBy.map((id, i) => html`${i ? ', ' : ''}${toolLink('../', id, names)}`)}` : ''}.</p>` : ''}
<p class="lede">${t.summary}</p>
<table class="facts"><caption>Key facts</caption><tbody>
${factRows(t).map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>\n`)}</tbody></table>
${groups.map((g) => html`<table class="facts facets"><caption>Compared as <a href="${categoryHref('../', g.category.id)}">${g.category.name}</a></caption><tbody>
${g.rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>\n`)}</tbody></table>`)}
${t.sections.map((s) => html`<section class="note"><h2>${s.title}</h2>
${raw(markdownToHtml(s.markdown))}</section>
`)}
<section aria-labelledby="relations"><h2 id="relations">Relations</h2>
<dl class="relations">${relationList('Alternatives', r.alternatives, names)}${relationList('Uses', r.uses, names)}${relationList('Integrates with', r.integrates, names)}${relationList('Used by', r.usedBy, names)}${relationList('Listed as an alternative by', r.alternativeTo, names)}${relationList('Same category', r.peers, names)}</dl>
${input.graphSvg ? html`<figure class="graph"><div class="svg-scroll">${raw(input.graphSvg)}</div><figcaption>Relation graph of ${t.name}: solid arrows “uses”, dotted “integrates with”, dashed lines alternatives. Nodes link to their pages. ${input.graphNote ?? ''}</figcaption></figure>` : ''}
</section>
${t.sources.length ? html`<section aria-labelledby="sources"><h2 id="sources">Sources</h2><ul class="sources">${t.sources.map((s) => {
    const href = safeUrl(s);
    return html`<li>${href ? html`<a href="${href}" rel="noopener noreferrer">${s}</a>` : s}</li>`;
  })}</ul></section>` : ''}
<p class="verified">${t.verified ? html`Facts verified <time>${t.verified}</time>.` : 'Facts not yet verified.'}${compareLink(t.id, r.alternatives.filter((a) => names.has(a)))}</p>
</article>`;
  return page({ title: t.name, root: '../', kind: 'tool', main, description: t.summary });
}
