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

/** Which lookup shard holds a normalised name: its first two characters, so a query reads one small file. */
export function lookupShard(name: string): string {
  return name.slice(0, 2).replace(/[^a-z0-9]/g, '_') || '_';
}

/** Splits a lookup into shards by `lookupShard`. */
export function shardLookup(lookup: Lookup): Map<string, Record<string, string>> {
  const shards = new Map<string, Record<string, string>>();
  for (const [name, id] of Object.entries(lookup.names)) {
    const key = lookupShard(name);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = {}));
    shard[name] = id;
  }
  return shards;
}
