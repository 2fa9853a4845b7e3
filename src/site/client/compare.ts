/**
 * compare.html?tools=a,b[,c]: resolves the names like the CLI (ids, names, aliases), loads those tools'
 * data and builds the comparison with the CLI's own code, so rows, order and ≠ marks match `devops-kb compare`.
 */
/// <reference lib="dom" />
import { buildComparison, type Comparison } from '../../catalog/compare.js';
import { formatFacetValue } from '../../catalog/facets.js';
import { suggestTools } from '../../catalog/lookup.js';
import type { Category, ToolSummary } from '../../catalog/types.js';
import { comparisonMarkdown } from '../../render/compare.js';
import { normalizeName } from '../../text/names.js';
import { el, KB, loadScript, root, setQuery } from './dom.js';

type ToolRow = [id: string, name: string, category: string, status: string];

function fillPickers(chosen: string[]): void {
  const list = (KB().toolList as ToolRow[]).slice().sort((a, b) => a[1].localeCompare(b[1], 'en', { sensitivity: 'base' }));
  document.querySelectorAll<HTMLSelectElement>('#compare-form select').forEach((select, i) => {
    for (const [id, name] of list) select.append(el('option', { value: id }, name));
    select.value = chosen[i] ?? '';
  });
}

function table(c: Comparison, used: string[]): HTMLElement {
  const caption = `${c.tools.map((t) => t.name).join(' vs ')} — ${used.length ? `facets of ${used.join(', ')}` : 'no shared category: common fields only'}`;
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Facet'), ...c.tools.map((t) => el('th', { scope: 'col' }, el('a', { href: `${root()}tools/${t.id}.html` }, t.name))));
  const rows = c.rows.map((r) => {
    const label = el('th', { scope: 'row' });
    if (!r.same) label.append(el('span', { class: 'ne', title: 'the tools differ here' }, '≠'), el('span', { class: 'visually-hidden' }, ' differs: '));
    label.append(r.label);
    return el('tr', r.same ? {} : { class: 'differs' }, label, ...c.tools.map((t) => el('td', {}, formatFacetValue(r.values[t.id]))));
  });
  return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Comparison table' }, el('table', { class: 'compare' }, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...rows)));
}

function markdownBox(md: string): HTMLElement {
  const area = el('textarea', { id: 'markdown', readonly: '', rows: '8', 'aria-label': 'The comparison as a Markdown table' });
  area.value = md;
  const status = el('span', { class: 'copy-status', role: 'status' });
  const button = el('button', { type: 'button', id: 'copy-markdown' }, 'Copy as Markdown');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(md);
      status.textContent = 'Copied.';
    } catch {
      area.select();
      status.textContent = 'Select the text below and copy it.';
    }
  });
  return el('section', { class: 'markdown', 'aria-label': 'Markdown' }, el('p', {}, button, ' ', status), el('details', {}, el('summary', {}, 'Markdown for a design doc or an ADR'), area));
}

export async function setupCompare(): Promise<void> {
  const status = document.getElementById('compare-status')!;
  const out = document.getElementById('comparison')!;
  const params = new URLSearchParams(location.search);
  const asked = (params.get('tools') ?? params.getAll('t').join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const diff = params.get('diff') === '1';
  (document.getElementById('diff-only') as HTMLInputElement).checked = diff;
  const lookup = KB().lookup as Record<string, string>;
  const ids: string[] = [];
  for (const name of asked) {
    const id = lookup[normalizeName(name)];
    if (!id) {
      const near = suggestTools({ names: lookup }, name);
      status.textContent = `Unknown tool '${name}'.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`;
      fillPickers(ids);
      return;
    }
    if (!ids.includes(id)) ids.push(id);
  }
  fillPickers(ids);
  document.getElementById('compare-form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = [...document.querySelectorAll<HTMLSelectElement>('#compare-form select')].map((s) => s.value).filter(Boolean);
    const next = new URLSearchParams();
    next.set('tools', [...new Set(chosen)].join(','));
    if ((document.getElementById('diff-only') as HTMLInputElement).checked) next.set('diff', '1');
    location.search = `?${next.toString().replace(/%2C/g, ',')}`;
  });
  if (ids.length < 2) {
    if (asked.length) status.textContent = 'Compare needs two different tools.';
    return;
  }
  await Promise.all(ids.map((id) => loadScript(`data/tools/${id}.js`)));
  const summaries = ids.map((id) => (KB().summaries as Record<string, ToolSummary>)[id]!);
  const categories = KB().categories as Category[];
  const c = buildComparison(summaries, categories);
  if (diff) c.rows = c.rows.filter((r) => !r.same);
  const used = c.categories.map((id) => categories.find((x) => x.id === id)?.name ?? id);
  const retired = c.tools.filter((t) => t.status === 'deprecated' || t.status === 'archived');
  document.title = `${c.tools.map((t) => t.name).join(' vs ')} · devops-kb`;
  out.replaceChildren(
    ...retired.map((t) => el('p', { class: 'banner retired' }, `⚠ ${t.name} is ${t.status}`)),
    table(c, used),
    el('p', { class: 'legend' }, '≠ marks rows where the tools differ.'),
    markdownBox(comparisonMarkdown(c, used)),
  );
  status.textContent = `Comparing ${c.tools.length} tools: ${c.rows.filter((r) => !r.same).length} of ${c.rows.length} rows differ.`;
  if (params.has('t')) setQuery(new URLSearchParams({ tools: ids.join(',') }));
}
