/** What every page does: the dark-mode toggle, `/` and Ctrl+K to search, sortable tables. */
/// <reference lib="dom" />

const darkNow = () => document.documentElement.dataset.theme === 'dark' || (document.documentElement.dataset.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);

export function setupThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  const show = () => {
    button.setAttribute('aria-pressed', String(darkNow()));
  };
  show();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
  button.addEventListener('click', () => {
    const next = darkNow() ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem('devops-kb-theme', next);
    } catch {
      // Not remembered, still applied.
    }
    show();
  });
}

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function setupShortcuts(): void {
  document.addEventListener('keydown', (e) => {
    const search = document.getElementById('q') as HTMLInputElement | null;
    if (!search) return;
    const ctrlK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k';
    if (ctrlK || (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target))) {
      e.preventDefault();
      search.focus();
      search.select();
    }
  });
}

function cellText(row: HTMLTableRowElement, col: number): string {
  return (row.cells[col]?.textContent ?? '').trim();
}

/** Sorts a table body by one column; numbers numerically, "—" and "unknown" last. */
export function sortTable(table: HTMLTableElement, col: number, dir: 'ascending' | 'descending'): void {
  const body = table.tBodies[0];
  if (!body) return;
  const missing = (s: string) => s === '—' || s === '' || s === 'unknown';
  const rows = [...body.rows];
  rows.sort((a, b) => {
    const x = cellText(a, col);
    const y = cellText(b, col);
    if (missing(x) !== missing(y)) return missing(x) ? 1 : -1;
    const nx = Number(x);
    const ny = Number(y);
    const c = x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y, 'en', { sensitivity: 'base' });
    return dir === 'ascending' ? c : -c;
  });
  body.append(...rows);
  table.querySelectorAll('thead th').forEach((th, i) => {
    if (i === col) th.setAttribute('aria-sort', dir);
    else th.removeAttribute('aria-sort');
  });
}

export function setupSortableTables(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>('table.sortable')) {
    table.querySelectorAll<HTMLButtonElement>('thead button[data-col]').forEach((button) => {
      button.addEventListener('click', () => {
        const th = button.closest('th')!;
        const next = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        sortTable(table, Number(button.dataset.col), next);
      });
    });
  }
}
