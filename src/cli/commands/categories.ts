import type { CategoryView } from '../../render/lists.js';
import type { Context } from '../context.js';

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
