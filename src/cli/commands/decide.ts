/** `related`, `graph` and `choose`: relations, relation graphs and needs-based ranking. */
import { chooseTools, type Choice } from '../../catalog/choose.js';
import { membersOf } from '../../catalog/membership.js';
import { parseFilters } from '../../catalog/filter.js';
import { graphAround, graphOfCategory, relationsOf, type Graph, type Relations } from '../../catalog/relations.js';
import { UsageError } from '../../errors.js';
import type { FacetDef } from '../../catalog/types.js';
import { sanitize } from '../../render/sanitize.js';
import { wrap } from '../../render/width.js';
import { closest } from '../../text/names.js';
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
  /** Facet key -> label, for what each need is called in the category. */
  labels: Record<string, string>;
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
  const common = { license: 'License', language: 'Language', firstRelease: 'First release', maintainer: 'Maintainer', hosting: 'Hosting', status: 'Status' };
  const labels = { ...common, ...Object.fromEntries(category.facets.map((f) => [f.key, f.label])) };
  return { category: category.id, needs, choices: chooseTools(tools, filters), labels };
}

/** The answers a facet accepts at the prompt, or null when any text will do (years). */
function answersOf(f: FacetDef): string[] | null {
  if (f.type === 'enum') return f.values ?? [];
  if (f.type === 'bool') return ['yes', 'no'];
  return null;
}

/**
 * Asks the category's questions one by one (enum, bool and year facets), validating each answer and asking
 * again after a wrong one; Enter skips a question, end of input stops asking.
 */
async function askNeeds(ctx: Context, facets: FacetDef[]): Promise<string[]> {
  const needs: string[] = [];
  const width = Math.max(40, Math.min(ctx.width, 100));
  ctx.io.stderr.write('Answer each question, or press Enter to skip it.\n');
  for (const f of facets) {
    if (f.type === 'text' || f.type === 'list') continue;
    const allowed = answersOf(f);
    const choices = allowed ? allowed.join(' / ') : 'a year, or >=YEAR / <=YEAR';
    const prompt = `\n${wrap(sanitize(f.question ?? f.label), width).join('\n')}\n${wrap(`(${f.key}: ${choices})`, width).join('\n')}\n> `;
    for (;;) {
      const answer = await ctx.io.ask!(prompt);
      if (answer === null) return needs;
      const a = answer.trim();
      if (a === '') break;
      if (allowed) {
        const hit = allowed.find((v) => v.toLowerCase() === a.toLowerCase());
        if (hit) {
          needs.push(`${f.key}=${hit}`);
          break;
        }
        const near = closest(a, allowed, 3);
        ctx.io.stderr.write(`'${sanitize(a)}' is not one of the answers${near.length ? `; did you mean ${near.join(', ')}?` : ''}\n`);
        continue;
      }
      const m = /^(>=|<=|>|<|=)?\s*(\d{4})$/.exec(a);
      if (m) {
        needs.push(`${f.key}${m[1] ?? '='}${m[2]}`);
        break;
      }
      ctx.io.stderr.write(`'${sanitize(a)}' is not a year; write 2015, >=2015 or <=2015\n`);
    }
  }
  return needs;
}
