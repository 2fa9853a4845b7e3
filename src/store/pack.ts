/**
 * Shard packs: many small JSON shards (tools grouped by a hash of their id, names of the lookup) in one
 * file, read one shard at a time. A compile writes two packs instead of hundreds of shard files: creating
 * a file costs about a millisecond on an ext4 disk in a VM, and a cold compile of 10,000 notes wrote 1,280
 * of them. An incremental update writes the shards it changes as loose files beside the pack, which win
 * over the pack's copy until the next full compile.
 *
 * Layout: u32 shard count S | u32 offsets[S + 1] (bytes into the data that follows) | data: the shards'
 * JSON, in shard order; an empty shard has no bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorruptArtifactError } from './corrupt.js';

export const SHARD_PACK_MAGIC = 0x6b706b64; // "dkpk"

/** Packs `count` shards; `shard(i)` is the JSON text of shard i, or undefined when it is empty. */
export function packShards(count: number, shard: (i: number) => string | undefined): Uint8Array {
  const parts: Buffer[] = [];
  const offsets = new Uint32Array(count + 1);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const text = shard(i);
    const bytes = text === undefined ? Buffer.alloc(0) : Buffer.from(text);
    parts.push(bytes);
    at += bytes.length;
    offsets[i + 1] = at;
  }
  const head = Buffer.alloc(8 + 4 * (count + 1));
  head.writeUInt32LE(SHARD_PACK_MAGIC, 0);
  head.writeUInt32LE(count, 4);
  Buffer.from(offsets.buffer).copy(head, 8);
  return Buffer.concat([head, ...parts]);
}

/**
 * Reads shard `index` of a pack: its JSON text, or null when the shard is empty. Throws when the pack is
 * missing or damaged (bad magic, a shard past the end of the file).
 */
export function readPackedShard(file: string, index: number): string | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(8);
    if (fs.readSync(fd, head, 0, 8, 0) !== 8 || head.readUInt32LE(0) !== SHARD_PACK_MAGIC) throw new Error('not a shard pack');
    const count = head.readUInt32LE(4);
    if (index < 0 || index >= count) throw new Error(`no shard ${index} in a pack of ${count}`);
    const span = Buffer.alloc(8);
    if (fs.readSync(fd, span, 0, 8, 8 + 4 * index) !== 8) throw new Error('truncated shard pack');
    const from = span.readUInt32LE(0);
    const to = span.readUInt32LE(4);
    if (to < from) throw new Error('damaged shard pack');
    if (to === from) return null;
    const data = Buffer.alloc(to - from);
    if (fs.readSync(fd, data, 0, data.length, 8 + 4 * (count + 1) + from) !== data.length) throw new Error('truncated shard pack');
    return data.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * One shard as it stands: the loose file `<folder>/<key>.json` an update wrote, else its copy in `pack`
 * (key: the shard's hex number). Null when the shard is empty; damage (either file) is a CorruptArtifactError.
 */
export function readShard<T>(catalogDir: string, folder: string, pack: string, key: string): Record<string, T> | null {
  const loose = path.join(catalogDir, folder, `${key}.json`);
  const from = fs.existsSync(loose) ? loose : path.join(catalogDir, pack);
  try {
    const text = from === loose ? fs.readFileSync(loose, 'utf8') : readPackedShard(from, Number.parseInt(key, 16));
    return text === null ? null : (JSON.parse(text) as Record<string, T>);
  } catch (err) {
    throw new CorruptArtifactError(from, `shard ${key}: ${(err as Error).message}`);
  }
}
