/** `categories`: every category with its tool count, or one category's facets, tools and guide. */
import type { Section } from '../../catalog/types.js';
import type { CategoryView } from '../../render/lists.js';
import type { Context } from '../context.js';
import { resolveCategory } from '../resolve.js';

export async function categoriesCommand(ctx: Context): Promise<CategoryView[]> {
  const store = await ctx.store();
  const tools = store.summaries();
  return store.categories().map((c) => ({
    id: c.id,
    name: c.name,
    summary: c.summary,
    count: tools.filter((t) => t.category === c.id).length,
    facets: c.facets,
  }));
}

export interface CategoryGuide {
  view: CategoryView;
  guide: Section[];
  tools: string[];
}

/** One category: its facets, its tools and its guide to choosing within it. */
export async function categoryCommand(ctx: Context, name: string): Promise<CategoryGuide> {
  const store = await ctx.store();
  const cat = resolveCategory(store.categories(), name);
  const tools = store.summaries().filter((t) => t.category === cat.id).map((t) => t.id);
  return {
    view: { id: cat.id, name: cat.name, summary: cat.summary, count: tools.length, facets: cat.facets },
    guide: store.guide(cat.id),
    tools,
  };
}
