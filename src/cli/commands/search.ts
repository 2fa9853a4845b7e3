/** `search`: ranked hits with snippets, filtered by category and `--where`. */
import type { Tool } from '../../catalog/types.js';
import { normalizeName } from '../../text/names.js';
import { fuseMatcher, hasUnknownWord, search, type NameMatcher } from '../../search/query.js';
import type { SearchResultView } from '../../render/lists.js';
import { UsageError } from '../../errors.js';
import { applyFilters, parseFilters } from '../../catalog/filter.js';
import type { Context } from '../context.js';
import { resolveCategory } from '../resolve.js';

export interface SearchOptions {
  category?: string[];
  limit?: string;
  where?: string[];
}

export interface SearchResultItem {
  id: string;
  name: string;
  category: string;
  summary: string;
  score: number;
  status: Tool['status'];
  /** Far below the best hit (under 40% of its score). */
  weak: boolean;
}

export interface SearchResult {
  query: string;
  hits: SearchResultItem[];
  /** How many tools matched (after filters), of which `hits` shows the first. */
  total: number;
}

export async function searchCommand(ctx: Context, words: string[], opts: SearchOptions): Promise<SearchResult> {
  const query = words.join(' ');
  if (query.trim() === '') throw new UsageError('search needs words to look for', { hint: "for example: devops-kb search service discovery ('devops-kb list' lists every tool)" });
  const store = await ctx.store();
  const categories = (opts.category ?? []).map((c) => resolveCategory(store.categories(), c).id);
  const limit = opts.limit === undefined ? ctx.config.limit ?? 10 : Number.parseInt(opts.limit, 10);
  if (!Number.isFinite(limit) || limit < 1) throw new UsageError(`--limit must be a positive number, got '${opts.limit}'`);
  const index = store.searchIndex();
  const names: NameMatcher = {
    exact: (name) => store.findName(normalizeName(name)),
    alternatives: (id) => store.tool(id).related.alternatives,
  };
  if (hasUnknownWord(index, query) && names.exact(query) === null) {
    // A word the index does not know may be a misspelt name: only then pay for fuse.js.
    const { FuseCtor: Fuse } = await import('../../search/fuse-bundle.js');
    names.fuzzy = fuseMatcher(Fuse, store.nameIndex());
  }
  const inPlay = () => (categories.length ? store.categories().filter((c) => categories.includes(c.id)) : store.categories());
  const filters = opts.where?.length ? parseFilters(opts.where, inPlay()) : [];
  // With filters, rank every match first and filter before cutting to the limit.
  const ranked = search(index, query, { categories, limit: filters.length ? index.ids.length : limit }, names);
  const hits: SearchResultItem[] = [];
  let total = filters.length ? 0 : ranked.total;
  for (const h of ranked.hits) {
    const t = store.tool(h.id);
    if (filters.length && !applyFilters([t], filters).length) continue;
    if (filters.length) total++;
    if (hits.length < limit) hits.push({ id: h.id, name: t.name, category: t.category, summary: t.summary, score: h.score, status: h.status, weak: h.weak });
  }
  return { query, hits, total };
}

function plainText(tool: Tool): string[] {
  return tool.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : b.kind === 'table' ? b.rows.map((r) => r.join(' ')) : b.kind === 'code' ? [] : [b.text])));
}

/** A short excerpt of the body around the first query word that the summary does not already show. */
export function snippetFor(tool: Tool, query: string): { snippet?: string; highlight: string[] } {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  if (!words.length) return { highlight: [] };
  const inSummary = words.every((w) => tool.summary.toLowerCase().includes(w) || tool.name.toLowerCase().includes(w));
  if (inSummary) return { highlight: words };
  for (const text of plainText(tool)) {
    const lower = text.toLowerCase();
    const at = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at === undefined) continue;
    const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 60)) + 1);
    let end = text.indexOf(' ', Math.min(text.length, at + 90));
    if (end < 0) end = text.length;
    const snippet = `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/`/g, '')}${end < text.length ? '…' : ''}`;
    return { snippet, highlight: words };
  }
  return { highlight: words };
}

export async function searchViews(ctx: Context, result: SearchResult): Promise<SearchResultView[]> {
  const store = await ctx.store();
  return result.hits.map((h) => ({ ...h, ...snippetFor(store.tool(h.id), result.query) }));
}
