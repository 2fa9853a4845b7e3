/** The two pages the browser fills in: compare.html (side by side, worked out client-side) and search.html. */
import { html } from './html.js';
import { page } from './shell.js';

export function comparePage(): string {
  const main = html`<h1>Compare tools</h1>
<form id="compare-form" class="compare-form" method="get" action="compare.html">
<fieldset><legend>Tools to compare (two or more)</legend>
<div class="pickers">${[1, 2, 3, 4].map((i) => html`<label>Tool ${i} <select name="t" id="t${i}" data-index="${i - 1}"><option value="">${i <= 2 ? 'choose…' : '(none)'}</option></select></label> `)}</div>
<label class="diff-only"><input type="checkbox" name="diff" id="diff-only" value="1"> Only rows that differ</label>
<button type="submit">Compare</button>
</fieldset></form>
<p id="compare-status" class="status" role="status" aria-live="polite">Choose two or more tools, or open a link such as <code>compare.html?tools=chef,puppet</code>.</p>
<div id="comparison"></div>
<noscript><p>The comparison is worked out in your browser: please enable JavaScript.</p></noscript>`;
  return page({ title: 'Compare tools', root: '', kind: 'compare', main, data: ['data/tools.js', 'data/categories.js'], description: 'Compare DevOps tools side by side.' });
}

export function searchPage(): string {
  const main = html`<h1>Search</h1>
<p id="search-status" class="status" role="status" aria-live="polite">Type words in the search box: names, aliases, what a tool does. Typos are fine.</p>
<div id="results"></div>
<noscript><p>Search runs in your browser: please enable JavaScript, or browse the categories.</p></noscript>`;
  return page({ title: 'Search', root: '', kind: 'search', main, data: ['assets/search.js'], description: 'Search the DevOps tools catalog.' });
}
