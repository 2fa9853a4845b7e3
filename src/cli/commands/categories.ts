/** `categories`: every category with its tool count, or one category's facets, tools and guide. */
import { membersOf } from '../../catalog/membership.js';
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
    ...counts(membersOf(c.id, tools)),
    facets: c.facets,
  }));
}

export interface CategoryGuide {
  view: CategoryView;
  guide: Section[];
  tools: string[];
  /** Tools that list the category under `also`. */
  secondary: string[];
}

function counts(members: { primary: boolean }[]): { count: number; secondary: number } {
  const primary = members.filter((m) => m.primary).length;
  return { count: primary, secondary: members.length - primary };
}

/** One category: its facets, its tools and its guide to choosing within it. */
export async function categoryCommand(ctx: Context, name: string): Promise<CategoryGuide> {
  const store = await ctx.store();
  const cat = resolveCategory(store.categories(), name);
  const members = membersOf(cat.id, store.summaries());
  return {
    view: { id: cat.id, name: cat.name, summary: cat.summary, ...counts(members), facets: cat.facets },
    guide: store.guide(cat.id),
    tools: members.filter((m) => m.primary).map((m) => m.tool.id),
    secondary: members.filter((m) => !m.primary).map((m) => m.tool.id),
  };
}
