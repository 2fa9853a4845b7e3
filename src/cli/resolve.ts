/** Resolves the tool and category names a user typed (ids, names, aliases) or throws NotFoundError with suggestions. */
import * as path from 'node:path';
import { suggestTools } from '../catalog/lookup.js';
import { fileExists } from '../store/files.js';
import type { CatalogStore } from '../store/types.js';
import type { Context } from './context.js';
import type { Category, Tool } from '../catalog/types.js';
import { NotFoundError, UsageError } from '../errors.js';
import { closest, normalizeName } from '../text/names.js';
import { sanitize } from '../render/sanitize.js';

/** Resolves an id, display name (any case) or alias to a tool id, or throws with did-you-mean. */
export function resolveToolId(store: CatalogStore, input: string): string {
  const direct = normalizeName(input);
  if (direct === '') throw new UsageError('a tool name is empty', { hint: "name a tool by id, name or alias, e.g. 'devops-kb show k8s'" });
  if (store.hasTool(direct)) return direct;
  const id = store.findName(direct);
  if (id) return id;
  const near = suggestTools(store.lookup(), input);
  throw new NotFoundError(`unknown tool '${echo(input)}'`, near, {
    hint: near.length ? undefined : "try 'devops-kb search <words>' or 'devops-kb list'",
  });
}

/** User input as echoed in messages: control sequences stripped, at most 60 characters. */
export function echo(input: string): string {
  const clean = sanitize(input);
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

export function loadTool(store: CatalogStore, input: string): Tool {
  return store.tool(resolveToolId(store, input));
}

/**
 * Resolves tool names with a quick cache check of just those notes; when a name is unknown there, checks
 * every user note once (a note added or an alias edited since) before saying "not found".
 */
export async function resolveTools(ctx: Context, names: string[]): Promise<{ store: CatalogStore; ids: string[] }> {
  const store = await ctx.store({ quick: names.map(normalizeName) });
  try {
    return { store, ids: names.map((n) => resolveToolId(store, n)) };
  } catch (err) {
    if (!(err instanceof NotFoundError) || ctx.contentDirs.length === 0) throw err;
    const full = await ctx.store({ refresh: true });
    try {
      return { store: full, ids: names.map((n) => resolveToolId(full, n)) };
    } catch (again) {
      throw misplacedHint(ctx, names, again);
    }
  }
}

/** A note put at the top of a content folder (not in tools/) is the likely reason for "unknown tool". */
function misplacedHint(ctx: Context, names: string[], err: unknown): unknown {
  if (!(err instanceof NotFoundError)) return err;
  for (const dir of ctx.contentDirs) {
    for (const n of names) {
      const file = path.join(dir, `${normalizeName(n)}.md`);
      if (fileExists(file)) return new NotFoundError(err.message, err.suggestions, { hint: `found ${file}; notes go in ${path.join(dir, 'tools')}/` });
    }
  }
  return err;
}

export function resolveCategory(categories: Category[], input: string): Category {
  const key = normalizeName(input);
  if (key === '') throw new UsageError('a category name is empty', { hint: "'devops-kb categories' lists them" });
  const found = categories.find((c) => c.id === key || normalizeName(c.name) === key);
  if (found) return found;
  // Close spellings first, then categories whose id holds the word ("mesh" -> service-mesh).
  const near = [...new Set([...closest(input, categories.map((c) => c.id), 3), ...categories.filter((c) => key.length >= 3 && c.id.includes(key)).map((c) => c.id)])].slice(0, 3);
  throw new NotFoundError(`unknown category '${echo(input)}'`, near, { hint: near.length ? undefined : "'devops-kb categories' lists them" });
}
