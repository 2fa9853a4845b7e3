/** Browser helpers shared by the site's scripts: the KB data global, element creation, loading classic scripts. */
/// <reference lib="dom" />

export const KB = (): any => ((self as unknown as { KB?: unknown }).KB ??= {});

/** The site root relative to this page ('' or '../'), as the page declares it. */
export const root = (): string => document.body.dataset.root ?? '';

/** Creates an element with text content (never HTML) and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

const loading = new Map<string, Promise<void>>();

/** Loads a classic script of the site once (data files work from file://, unlike fetch). */
export function loadScript(rel: string): Promise<void> {
  let p = loading.get(rel);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = root() + rel;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`cannot load ${rel}`));
      document.head.append(s);
    });
    loading.set(rel, p);
  }
  return p;
}

/** Replaces the query string without reloading (ignored where the browser refuses, e.g. some file:// cases). */
export function setQuery(params: URLSearchParams): void {
  const q = params.toString();
  try {
    history.replaceState(null, '', q ? `?${q}` : location.pathname);
  } catch {
    // The view still updates; only the address bar does not.
  }
}
