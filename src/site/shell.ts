/** The page shell every site page shares: head, skip link, header with navigation and search, footer. */
import { html, raw, type Raw, type Value } from './html.js';

export interface PageOptions {
  title: string;
  /** '' for pages at the site root, '../' for tools/ and categories/. */
  root: string;
  main: Value;
  /** Data files this page shows, relative to the site root (classic scripts, run before the app code). */
  data?: string[];
  /** Which page kind the app code sets up. */
  kind: 'home' | 'tool' | 'category' | 'compare' | 'search';
  description?: string;
  /** The search box's initial text (search page). */
  query?: string;
}

/** Content-Security-Policy: only our own files; no inline script, no plugin, no request elsewhere. */
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

export function page(o: PageOptions): string {
  const r = o.root;
  const doc: Raw = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${o.title} · devops-kb</title>
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
<link rel="stylesheet" href="${r}assets/site.css">
<script src="${r}assets/theme.js"></script>
${(o.data ?? []).map((d) => html`<script defer src="${r}${d}"></script>\n`)}<script defer src="${r}assets/app.js"></script>
</head>
<body data-kind="${o.kind}" data-root="${r}">
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <nav aria-label="Site">
    <a class="brand" href="${r}index.html">devops-kb</a>
    <a href="${r}index.html#categories">Categories</a>
    <a href="${r}compare.html">Compare</a>
  </nav>
  <form class="search" role="search" action="${r}search.html" method="get">
    <label for="q" class="visually-hidden">Search tools</label>
    <input id="q" name="q" type="search" placeholder="Search tools  ( / )" autocomplete="off" value="${o.query ?? ''}" aria-keyshortcuts="/ Control+K">
    <button type="submit">Search</button>
  </form>
  <button type="button" class="theme-toggle" aria-pressed="false" title="Switch between light and dark">Dark mode</button>
</header>
<main id="main" tabindex="-1">
${o.main}
</main>
<footer class="site">
  <p>devops-kb: a command-line encyclopedia that compares DevOps tools. This site works offline; <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd> searches.</p>
</footer>
</body>
</html>
`;
  return doc.html;
}

/** A link to a tool page from a page at `root`. */
export const toolHref = (root: string, id: string): string => `${root}tools/${id}.html`;
export const categoryHref = (root: string, id: string): string => `${root}categories/${id}.html`;

/** A link to a tool when it is in the catalog, else its text (replacedBy may name tools we do not cover). */
export function toolLink(root: string, id: string, names: ReadonlyMap<string, string>): Raw {
  const name = names.get(id);
  return name === undefined ? html`${id}` : html`<a href="${toolHref(root, id)}">${name}</a>`;
}

export { raw };
