/** `related`, `graph` and `choose`: relations, relation graphs and needs-based ranking. */
import { chooseTools, type Choice } from '../../catalog/choose.js';
import { membersOf } from '../../catalog/membership.js';
import { parseFilters } from '../../catalog/filter.js';
import { graphAround, graphOfCategory, relationsOf, type Graph, type Relations } from '../../catalog/relations.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { resolveCategory, resolveToolId } from '../resolve.js';

export async function relatedCommand(ctx: Context, name: string): Promise<{ relations: Relations; name: string }> {
  const store = await ctx.store();
  const id = resolveToolId(store, name);
  const tools = store.summaries();
  return { relations: relationsOf(id, tools), name: tools.find((t) => t.id === id)?.name ?? id };
}

export interface GraphOptions {
  depth?: string;
  category?: string;
  format?: string;
}

export async function graphCommand(ctx: Context, name: string | undefined, opts: GraphOptions): Promise<Graph> {
  const store = await ctx.store();
  const depth = opts.depth === undefined ? 1 : Number.parseInt(opts.depth, 10);
  if (!Number.isInteger(depth) || depth < 1 || depth > 5) throw new UsageError(`--depth must be a whole number from 1 to 5, got '${opts.depth}'`);
  if (opts.category && name) throw new UsageError('give either a tool or --category, not both', { hint: 'for example: devops-kb graph kubernetes, or devops-kb graph --category service-mesh' });
  if (opts.category) return graphOfCategory(resolveCategory(store.categories(), opts.category).id, store.summaries());
  if (!name) throw new UsageError('graph needs a tool or --category', { hint: 'for example: devops-kb graph kubernetes --format mermaid' });
  return graphAround(resolveToolId(store, name), store.summaries(), depth);
}

export interface ChooseOptions {
  need?: string[];
}

export interface ChooseResult {
  category: string;
  needs: string[];
  choices: Choice[];
}

/** Ranks a category's tools by the needs given; asks the facet questions on a terminal when none are. */
export async function chooseCommand(ctx: Context, categoryName: string, opts: ChooseOptions): Promise<ChooseResult> {
  const store = await ctx.store();
  const category = resolveCategory(store.categories(), categoryName);
  let needs = opts.need ?? [];
  if (needs.length === 0 && ctx.io.stdout.isTTY && ctx.io.ask && !ctx.json) needs = await askNeeds(ctx, category.facets);
  if (needs.length === 0) {
    throw new UsageError('choose needs at least one --need KEY=VALUE', {
      hint: `facets of ${category.id}: ${category.facets.map((f) => (f.values ? `${f.key} (${f.values.join('|')})` : `${f.key} (${f.type})`)).join('; ')}`,
    });
  }
  const filters = parseFilters(needs, [category]);
  const tools = membersOf(category.id, store.summaries()).map((m) => m.tool);
  return { category: category.id, needs, choices: chooseTools(tools, filters) };
}

async function askNeeds(ctx: Context, facets: import('../../catalog/types.js').FacetDef[]): Promise<string[]> {
  const needs: string[] = [];
  ctx.io.stderr.write('Answer each question, or press Enter to skip it.\n');
  for (const f of facets) {
    if (f.type === 'text' || f.type === 'list') continue;
    const choices = f.type === 'enum' ? ` [${(f.values ?? []).join('/')}]` : f.type === 'bool' ? ' [yes/no]' : ' [year, e.g. >=2015]';
    const answer = await ctx.io.ask!(`${f.question ?? f.label}${choices} `);
    if (answer === null) break;
    const a = answer.trim();
    if (a === '') continue;
    if (f.type === 'year') needs.push(/^[<>=]/.test(a) ? `${f.key}${a}` : `${f.key}=${a}`);
    else needs.push(`${f.key}=${a}`);
  }
  return needs;
}
