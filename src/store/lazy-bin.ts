/**
 * A segment's files read by blocks as a query needs them, each block checked against the segment's
 * checksums (when it has them) before its bytes are used. A search of 10,000 team notes reads a few runs
 * of the term list, their postings offsets and a few dozen postings blocks, not the whole files.
 */
import * as fs from 'node:fs';
import { CorruptArtifactError } from './corrupt.js';
import { binSize, checksum, type BinSource, type SearchMeta } from '../search/layout.js';

// The descriptor stays open while the index may still read from it; closed when the index is collected.
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
});

/** `file` of `size` bytes, read by `blockBytes` blocks on demand; `sums`: one checksum per block, or none. */
export function lazyFile(file: string, size: number, sums: number[] | undefined, blockBytes: number, what: string): Required<BinSource> {
  const damaged = (message: string): never => {
    throw new CorruptArtifactError(file, `${what}: ${message}`);
  };
  const fd = fs.openSync(file, 'r');
  const bytes = new Uint8Array(size); // zero pages until read: untouched blocks cost no memory
  const source: Required<BinSource> = { bytes, ensure, damaged };
  closer.register(source, fd);
  if (fs.fstatSync(fd).size !== size) damaged('truncated or damaged file');
  const blocks = Math.ceil(size / blockBytes);
  if (sums && sums.length !== blocks) damaged('checksums do not match the file');
  const loaded = new Uint8Array(blocks);
  function ensure(from: number, to: number): void {
    for (let b = Math.floor(from / blockBytes); b * blockBytes < to; b++) {
      if (loaded[b]) continue;
      // Consecutive missing blocks in one read.
      let end = b + 1;
      while (end * blockBytes < to && !loaded[end]) end++;
      const start = b * blockBytes;
      const length = Math.min(size, end * blockBytes) - start;
      if (fs.readSync(fd, bytes, start, length, start) !== length) damaged('truncated file');
      for (let k = b; k < end; k++) {
        const block = bytes.subarray(k * blockBytes, Math.min(size, (k + 1) * blockBytes));
        if (sums && checksum(block) !== sums[k]) damaged(`checksum mismatch in block ${k} (damaged file)`);
        loaded[k] = 1;
      }
      b = end - 1;
    }
  }
  return source;
}

/** A segment's binary file (search.bin). */
export function lazyBin(file: string, meta: SearchMeta): BinSource {
  return lazyFile(file, binSize(meta), meta.sums, meta.block, 'search index');
}

/** A segment's term list (terms.txt), for finding terms through the meta's term directory. */
export function lazyTerms(file: string, meta: SearchMeta): Required<BinSource> {
  return lazyFile(file, meta.termBytes, meta.termSums, meta.block, 'search terms');
}
