import { closest, normalizeName } from '../search/suggest.js';
import type { Lookup } from './store.js';
import type { Tool } from './types.js';

export function buildLookup(tools: Pick<Tool, 'id' | 'name' | 'aliases'>[]): Lookup {
  const names: Record<string, string> = {};
  // Ids win over display names, which win over aliases, when two tools claim the same string.
  for (const t of tools) names[t.id] = t.id;
  for (const t of tools) names[normalizeName(t.name)] ??= t.id;
  for (const t of tools) for (const a of t.aliases) names[normalizeName(a)] ??= t.id;
  return { names };
}

export function resolveName(lookup: Lookup, input: string): string | null {
  return lookup.names[normalizeName(input)] ?? null;
}

/** Up to three tool ids whose id, name or alias is close to the input. */
export function suggestTools(lookup: Lookup, input: string): string[] {
  const out: string[] = [];
  for (const name of closest(input, Object.keys(lookup.names), 8)) {
    const id = lookup.names[name]!;
    if (!out.includes(id)) out.push(id);
  }
  return out.slice(0, 3);
}
