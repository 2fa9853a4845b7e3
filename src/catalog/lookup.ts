/** Names to tool ids: building the lookup, resolving a typed name and suggesting close ones. */
import { closest, normalizeName } from '../text/names.js';
import type { Tool } from './types.js';

/** Normalised names (ids, display names, aliases) to tool ids. */
export interface Lookup {
  names: Record<string, string>;
}

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
