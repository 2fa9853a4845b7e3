/** The sharded name lookup on disk: one small file per two-letter prefix, so `show` reads one shard. */
import type { Lookup } from '../catalog/lookup.js';

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
