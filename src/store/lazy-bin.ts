/**
 * A segment's binary file read by 64 KiB blocks as a query needs them, each block checked against the
 * segment's checksums (when it has them) before its bytes are used. A search of 10,000 team notes reads
 * the term table and a few dozen postings blocks, not the whole file.
 */
import * as fs from 'node:fs';
import { CorruptArtifactError } from './corrupt.js';
import { binSize, BLOCK_BYTES, checksum, type BinSource, type SearchMeta } from '../search/layout.js';

// The descriptor stays open while the index may still read from it; closed when the index is collected.
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
});

export function lazyBin(file: string, meta: SearchMeta): BinSource {
  const size = binSize(meta);
  const fd = fs.openSync(file, 'r');
  const bytes = new Uint8Array(size); // zero pages until read: untouched blocks cost no memory
  const source: BinSource = { bytes, ensure };
  closer.register(source, fd);
  if (fs.fstatSync(fd).size !== size) throw new CorruptArtifactError(file, 'search index: truncated or damaged binary file');
  const blocks = Math.ceil(size / BLOCK_BYTES);
  if (meta.sums && meta.sums.length !== blocks) throw new CorruptArtifactError(file, 'search index: checksums do not match the binary file');
  const loaded = new Uint8Array(blocks);
  function ensure(from: number, to: number): void {
    for (let b = Math.floor(from / BLOCK_BYTES); b * BLOCK_BYTES < to; b++) {
      if (loaded[b]) continue;
      // Consecutive missing blocks in one read.
      let end = b + 1;
      while (end * BLOCK_BYTES < to && !loaded[end]) end++;
      const start = b * BLOCK_BYTES;
      const length = Math.min(size, end * BLOCK_BYTES) - start;
      if (fs.readSync(fd, bytes, start, length, start) !== length) throw new CorruptArtifactError(file, 'search index: truncated binary file');
      for (let k = b; k < end; k++) {
        const block = bytes.subarray(k * BLOCK_BYTES, Math.min(size, (k + 1) * BLOCK_BYTES));
        if (meta.sums && checksum(block) !== meta.sums[k]) throw new CorruptArtifactError(file, `search index: checksum mismatch in block ${k} (damaged binary file)`);
        loaded[k] = 1;
      }
      b = end - 1;
    }
  }
  return source;
}
