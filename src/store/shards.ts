/** The sharded name lookup on disk: names hashed into 256 small files, so `show` reads one shard. */
import type { Lookup } from '../catalog/lookup.js';

/**
 * Which lookup shard holds a normalised name: a hash of the whole name, so shards stay small even when a
 * team names 10,000 tools alike ("acme-..."), and an incremental update rewrites a few small files.
 */
export function lookupShard(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return ((h >>> 0) & 0xff).toString(16).padStart(2, '0');
}

/**
 * How many hash bits group the user cache's tools into shards: about 4 tools a shard, 256 to 16,384 shards.
 * A search parses the shards of its ten hits (small shards, little JSON), a cold compile packs them into one
 * file, and an update writes the few it changes as loose files.
 */
export function toolShardBits(tools: number): number {
  return Math.max(8, Math.min(14, Math.ceil(Math.log2(Math.max(1, tools) / 4))));
}

/** The tool shard holding an id, with `bits` from the manifest. */
export function toolShard(id: string, bits: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return ((h >>> 0) & ((1 << bits) - 1)).toString(16).padStart(Math.ceil(bits / 4), '0');
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
