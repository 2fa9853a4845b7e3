/** `show`: one tool entry, and its JSON shape. */
import type { Category, Tool } from '../../catalog/types.js';
import type { Context } from '../context.js';
import { resolveTools } from '../resolve.js';

export interface ShowResult {
  tool: Tool;
  categories: Category[];
}

export async function showCommand(ctx: Context, name: string): Promise<ShowResult> {
  const { store, ids } = await resolveTools(ctx, [name]);
  return { tool: store.tool(ids[0]!), categories: store.categories() };
}

/** The contract's JSON shape: sections carry title and Markdown (the pre-rendered blocks stay internal). */
export function showJson(tool: Tool): Record<string, unknown> {
  return { ...tool, sections: tool.sections.map((s) => ({ title: s.title, markdown: s.markdown })) };
}
