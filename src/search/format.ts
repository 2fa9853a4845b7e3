import type { SearchIndex } from './index.js';

/** Serialises an index: JSON for the small parts, one binary file (offsets, then postings) for the rest. */
export function serializeSearchIndex(index: SearchIndex): { json: string; bin: Uint8Array } {
  const bin = new Uint8Array(4 * (index.offsets.length + index.postings.length));
  new Uint32Array(bin.buffer, 0, index.offsets.length).set(index.offsets);
  new Float32Array(bin.buffer, 4 * index.offsets.length, index.postings.length).set(index.postings);
  return { json: JSON.stringify({ version: 2, ids: index.ids, status: index.status, cats: index.cats, prior: index.prior, terms: index.terms }), bin };
}

export function deserializeSearchIndex(json: string, bytes: Uint8Array): SearchIndex {
  const meta = JSON.parse(json) as Omit<SearchIndex, 'offsets' | 'postings'> & { version: number };
  if (meta.version !== 2 || !Array.isArray(meta.terms)) throw new Error('search index: unknown format');
  // Typed-array views need 4-byte alignment; copy only when the buffer is not aligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const count = meta.terms.length + 1;
  if (aligned.byteLength < 4 * count || aligned.byteLength % 4 !== 0) throw new Error('search index: truncated postings');
  const offsets = new Uint32Array(aligned.buffer, aligned.byteOffset, count);
  const postings = new Float32Array(aligned.buffer, aligned.byteOffset + 4 * count, aligned.byteLength / 4 - count);
  if (offsets[count - 1]! * 2 !== postings.length) throw new Error('search index: postings do not match terms');
  return { ids: meta.ids, status: meta.status, cats: meta.cats, prior: meta.prior ?? meta.ids.map(() => 1), terms: meta.terms, offsets, postings };
}
