/** `compare`: resolves the named tools (or a category) and builds their comparison. */
import { membersOf } from '../../catalog/membership.js';
import { buildComparison, type Comparison } from '../../catalog/compare.js';
import { toSummary } from '../../catalog/types.js';
import { type CatalogStore } from '../../store/types.js';
import type { Category } from '../../catalog/types.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { resolveCategory, resolveTools } from '../resolve.js';

export interface CompareOptions {
  category?: string;
  diff?: boolean;
  format?: string;
}

export interface CompareResult {
  comparison: Comparison;
  categories: Category[];
}

export const COMPARE_EXAMPLE = 'devops-kb compare chef puppet';

async function categoryTools(ctx: Context, category: string, names: string[]): Promise<{ store: CatalogStore; ids: string[]; category: string }> {
  if (names.length > 0) throw new UsageError('give either tool names or --category, not both', { hint: 'for example: devops-kb compare --category orchestration' });
  const store = await ctx.store();
  const cat = resolveCategory(store.categories(), category);
  const ids = membersOf(cat.id, store.summaries()).map((m) => m.tool.id);
  if (ids.length === 0) throw new UsageError(`category '${cat.id}' has no tools to compare`);
  return { store, ids, category: cat.id };
}

async function namedTools(ctx: Context, names: string[]): Promise<{ store: CatalogStore; ids: string[]; category?: string }> {
  if (names.length < 2) {
    throw new UsageError(names.length === 0 ? 'compare needs at least two tools' : `compare needs a second tool to compare ${names[0]} with`, {
      hint: `for example: ${COMPARE_EXAMPLE}, or compare --category orchestration`,
    });
  }
  return resolveTools(ctx, names);
}

export async function compareCommand(ctx: Context, names: string[], opts: CompareOptions): Promise<CompareResult> {
  if (opts.format && !['table', 'markdown', 'json'].includes(opts.format)) {
    throw new UsageError(`--format must be table, markdown or json; got '${opts.format}'`);
  }
  const { store, ids, category } = opts.category ? await categoryTools(ctx, opts.category, names) : await namedTools(ctx, names);
  const categories = store.categories();
  const unique = [...new Set(ids)];
  if (unique.length < 2 && !opts.category) {
    throw new UsageError(`compare needs two different tools; ${names.join(' and ')} name${names.length === 1 ? 's' : ''} only ${unique[0]}`, { hint: `for example: ${COMPARE_EXAMPLE}` });
  }
  if (unique.length < ids.length && !opts.category) ctx.warn(`warning: the same tool was named twice; comparing ${unique.join(', ')}`);
  const comparison = buildComparison(unique.map((id) => toSummary(store.tool(id))), categories);
  if (category && !comparison.categories.includes(category)) comparison.categories.unshift(category);
  if (opts.diff) comparison.rows = comparison.rows.filter((r) => !r.same);
  return { comparison, categories };
}
