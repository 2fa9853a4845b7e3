import type { SearchIndex } from './index.js';

/** Serialises an index: JSON for the small parts, one binary file (offsets, then postings) for the rest. */
export function serializeSearchIndex(index: SearchIndex): { json: string; terms: string; bin: Uint8Array } {
  const bin = new Uint8Array(4 * (index.offsets.length + index.postings.length));
  new Uint32Array(bin.buffer, 0, index.offsets.length).set(index.offsets);
  new Float32Array(bin.buffer, 4 * index.offsets.length, index.postings.length).set(index.postings);
  // Categories as indices into one list, and terms as plain lines: both parse far faster than JSON arrays.
  const catNames = [...new Set(index.cats.flat())];
  const catOf = new Map(catNames.map((c, i) => [c, i]));
  const cats = index.cats.map((cs) => cs.map((c) => catOf.get(c)).join('.')).join(',');
  const json = JSON.stringify({ version: 3, ids: index.ids, status: index.status, catNames, cats, prior: index.prior });
  return { json, terms: index.terms.join('\n'), bin };
}

interface Meta {
  version: number;
  ids: string[];
  status: string;
  catNames: string[];
  cats: string;
  prior: number[];
}

export function deserializeSearchIndex(json: string, termsText: string, bytes: Uint8Array): SearchIndex {
  const meta = JSON.parse(json) as Meta;
  if (meta.version !== 3 || !Array.isArray(meta.ids)) throw new Error('search index: unknown format');
  const terms = termsText === '' ? [] : termsText.split('\n');
  const cats = meta.ids.length === 0 ? [] : meta.cats.split(',').map((d) => (d === '' ? [] : d.split('.').map((i) => meta.catNames[Number(i)]!)));
  if (cats.length !== meta.ids.length) throw new Error('search index: categories do not match documents');
  // Typed-array views need 4-byte alignment; copy only when the buffer is not aligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const count = terms.length + 1;
  if (aligned.byteLength < 4 * count || aligned.byteLength % 4 !== 0) throw new Error('search index: truncated postings');
  const offsets = new Uint32Array(aligned.buffer, aligned.byteOffset, count);
  const postings = new Float32Array(aligned.buffer, aligned.byteOffset + 4 * count, aligned.byteLength / 4 - count);
  if (offsets[count - 1]! * 2 !== postings.length) throw new Error('search index: postings do not match terms');
  return { ids: meta.ids, status: meta.status, cats, prior: meta.prior, terms, offsets, postings };
}
