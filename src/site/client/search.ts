/**
 * search.html?q=words: the CLI's own ranking (src/search) over the compiled index shipped as a classic
 * script, with the same name matcher as `devops-kb search` (exact names and aliases, fuse.js for typos).
 */
/// <reference lib="dom" />
import Fuse from 'fuse.js';
import type { NameIndex, SearchIndex } from '../../search/index.js';
import { deserializeSearchIndex } from '../../search/layout.js';
import { fuseMatcher, hasUnknownWord, search, type NameMatcher, type SearchOutcome } from '../../search/query.js';
import { normalizeName } from '../../text/names.js';
import { el, KB, loadScript, root } from './dom.js';

interface SearchData {
  meta: string;
  terms: string;
  bin: string;
  names: NameIndex;
  lookup: Record<string, string>;
  tools: Record<string, [name: string, category: string, summary: string, status: string, alternatives: string[]]>;
}

let ready: Promise<{ index: SearchIndex; data: SearchData }> | undefined;

function bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Loads the index once: on page load when the URL has ?q=, else on first focus of the search box. */
export function loadIndex(): Promise<{ index: SearchIndex; data: SearchData }> {
  ready ??= loadScript('data/search.js').then(() => {
    const data = KB().search as SearchData;
    return { index: deserializeSearchIndex(data.meta, data.terms, bytes(data.bin)), data };
  });
  return ready;
}

/** Ranks like `devops-kb search` without --category or --where. */
export function rank(index: SearchIndex, data: SearchData, query: string, limit: number): SearchOutcome {
  const names: NameMatcher = {
    exact: (name) => data.lookup[normalizeName(name)] ?? null,
    alternatives: (id) => data.tools[id]?.[4] ?? [],
  };
  if (hasUnknownWord(index, query) && names.exact(query) === null) names.fuzzy = fuseMatcher(Fuse, data.names);
  return search(index, query, { categories: [], limit }, names);
}

function render(outcome: SearchOutcome, data: SearchData, query: string): void {
  const status = document.getElementById('search-status')!;
  const results = document.getElementById('results')!;
  if (outcome.hits.length === 0) {
    status.textContent = `No tool matches '${query}'. Try fewer or different words, or browse the categories.`;
    results.replaceChildren();
    return;
  }
  const items: HTMLElement[] = [];
  let weakShown = false;
  for (const h of outcome.hits) {
    const [name, category, summary, st] = data.tools[h.id]!;
    if (h.weak && !weakShown) {
      weakShown = true;
      items.push(el('li', { class: 'weak-separator', 'aria-hidden': 'true' }, 'Weaker matches'));
    }
    const retired = st === 'deprecated' || st === 'archived';
    items.push(
      el('li', { class: h.weak ? 'hit weak' : 'hit' },
        el('a', { href: `${root()}tools/${h.id}.html` }, name), ' ',
        el('span', { class: 'meta' }, `${h.id} · ${category}${retired ? ` · ${st}` : ''}${h.weak ? ' · weak match' : ''}`),
        el('p', {}, summary)),
    );
  }
  results.replaceChildren(el('ol', { class: 'results', 'aria-label': `Results for ${query}` }, ...items));
  status.textContent = `Showing ${outcome.hits.length} of ${outcome.total} tools matching '${query}'.`;
}

/** Runs the query in the address bar (?q=, ?limit=) and shows its results. */
function runFromUrl(): void {
  const params = new URLSearchParams(location.search);
  const query = (params.get('q') ?? '').trim();
  const limit = Math.max(1, Math.min(500, Number.parseInt(params.get('limit') ?? '10', 10) || 10));
  const input = document.getElementById('q') as HTMLInputElement | null;
  if (input) input.value = query;
  const results = document.getElementById('results')!;
  if (!query) return;
  document.getElementById('search-status')!.textContent = `Searching for '${query}'…`;
  loadIndex()
    .then(({ index, data }) => render(rank(index, data, query, limit), data, query))
    .catch((err: Error) => {
      document.getElementById('search-status')!.textContent = `Search is unavailable: ${err.message}`;
    })
    .finally(() => {
      // Marks which query the results on screen answer (tests and scripts wait for it).
      results.dataset.query = query;
    });
}

export function setupSearch(): void {
  const input = document.getElementById('q') as HTMLInputElement | null;
  input?.addEventListener('focus', () => void loadIndex(), { once: true });
  // On this page a new search keeps the loaded index: the address changes, the page does not reload.
  input?.form?.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams({ q: input.value.trim() });
    try {
      history.pushState(null, '', `?${params}`);
    } catch {
      location.search = `?${params}`;
      return;
    }
    runFromUrl();
  });
  addEventListener('popstate', runFromUrl);
  runFromUrl();
}

document.addEventListener('DOMContentLoaded', setupSearch);
