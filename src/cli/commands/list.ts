/** `list`: tools filtered by category, tag and `--where`, grouped by category. */
import type { ToolSummary } from '../../catalog/types.js';
import type { Context } from '../context.js';
import { resolveCategory } from '../resolve.js';
import { applyFilters, parseFilters } from '../../catalog/filter.js';
import { UsageError } from '../../errors.js';

export interface ListOptions {
  category?: string;
  tag?: string;
  where?: string[];
}

export interface ListResult {
  tools: ToolSummary[];
  groups: { category: string; name: string; tools: ToolSummary[] }[];
}

export async function listCommand(ctx: Context, opts: ListOptions): Promise<ListResult> {
  const store = await ctx.store();
  const categories = store.categories();
  let tools = store.summaries();
  let inPlay = categories;
  if (opts.category !== undefined) {
    const cat = resolveCategory(categories, opts.category);
    tools = tools.filter((t) => t.categories.includes(cat.id));
    inPlay = [cat];
  }
  if (opts.tag !== undefined) {
    const tag = opts.tag.trim().toLowerCase();
    if (tag === '') throw new UsageError('--tag needs a value', { hint: 'for example: devops-kb list --tag gitops' });
    tools = tools.filter((t) => t.tags.includes(tag));
  }
  if (opts.where?.length) tools = applyFilters(tools, parseFilters(opts.where, inPlay));
  const groups = categories
    .map((c) => ({ category: c.id, name: c.name, tools: tools.filter((t) => t.category === c.id) }))
    .filter((g) => g.tools.length > 0);
  return { tools, groups };
}
