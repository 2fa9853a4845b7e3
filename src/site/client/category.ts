/** A category page's filters: `?where=KEY=VALUE` (several allowed), parsed and applied by the CLI's own filter code. */
/// <reference lib="dom" />
import { applyFilters, parseFilters } from '../../catalog/filter.js';
import type { Category, ToolSummary } from '../../catalog/types.js';
import { KB, setQuery } from './dom.js';

function currentWheres(): string[] {
  return new URLSearchParams(location.search).getAll('where').map((w) => w.trim()).filter(Boolean);
}

/** Shows the rows the filters keep and says how many; returns the message shown. */
export function applyWheres(wheres: string[]): string {
  const category = KB().category as Category;
  const tools = KB().tools as ToolSummary[];
  const status = document.getElementById('filter-status')!;
  let message: string;
  let keep: Set<string>;
  try {
    const filters = parseFilters(wheres, [category]);
    keep = new Set(applyFilters(tools, filters).map((t) => t.id));
    message = filters.length ? `Showing ${keep.size} of ${tools.length} tools where ${wheres.join(' and ')}.` : `Showing all ${tools.length} tools.`;
  } catch (err) {
    keep = new Set(tools.map((t) => t.id));
    message = `Filter not applied: ${(err as Error).message}. Showing all ${tools.length} tools.`;
  }
  document.querySelectorAll<HTMLTableRowElement>('#matrix tbody tr').forEach((tr) => {
    tr.hidden = !keep.has(tr.dataset.id ?? '');
  });
  for (const select of document.querySelectorAll<HTMLSelectElement>('#filters select')) {
    const match = wheres.find((w) => [...select.options].some((o) => o.value === w));
    select.value = match ?? '';
  }
  status.textContent = message;
  return message;
}

export function setupCategory(): void {
  const form = document.getElementById('filters') as HTMLFormElement | null;
  if (!form || !KB().category) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  const update = () => {
    const chosen = selects.map((s) => s.value).filter(Boolean);
    // Expressions typed into the URL that no select shows (firstRelease>=2015) are kept.
    const extra = currentWheres().filter((w) => !selects.some((s) => [...s.options].some((o) => o.value === w)));
    const wheres = [...extra, ...chosen];
    const params = new URLSearchParams();
    for (const w of wheres) params.append('where', w);
    setQuery(params);
    applyWheres(wheres);
  };
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  form.querySelector('a.clear')?.addEventListener('click', (e) => {
    e.preventDefault();
    for (const s of selects) s.value = '';
    setQuery(new URLSearchParams());
    applyWheres([]);
  });
  applyWheres(currentWheres());
}
