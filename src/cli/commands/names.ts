/** `aliases` and `tags`: every alias with the tool it names, and every tag with how many tools carry it. */
import { compareStrings, normalizeName } from '../../text/names.js';
import type { Context } from '../context.js';

export async function aliasesCommand(ctx: Context): Promise<{ alias: string; id: string; name: string }[]> {
  const store = await ctx.store();
  const out: { alias: string; id: string; name: string }[] = [];
  for (const t of store.summaries()) for (const a of t.aliases) if (normalizeName(a) !== t.id) out.push({ alias: a, id: t.id, name: t.name });
  return out.sort((a, b) => compareStrings(a.alias.toLowerCase(), b.alias.toLowerCase()));
}

export async function tagsCommand(ctx: Context): Promise<{ tag: string; count: number; tools: string[] }[]> {
  const store = await ctx.store();
  const byTag = new Map<string, string[]>();
  for (const t of store.summaries()) for (const tag of t.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), t.id]);
  return [...byTag]
    .map(([tag, tools]) => ({ tag, count: tools.length, tools }))
    .sort((a, b) => b.count - a.count || compareStrings(a.tag, b.tag));
}
