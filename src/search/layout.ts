/** Binary layout of the search index: terms as one string with offsets, postings as packed arrays; serialize and read back. */
import type { SearchIndex } from './index.js';

/** How many terms the index holds. */
export function termCount(index: SearchIndex): number {
  return index.termStarts.length - 1;
}

export function termAt(index: SearchIndex, i: number): string {
  return index.termsText.slice(index.termStarts[i], index.termStarts[i + 1]! - 1);
}

/** Index of a term in the sorted term list (binary search), or -1. */
export function findTerm(index: SearchIndex, term: string): number {
  let lo = 0;
  let hi = termCount(index) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = termAt(index, mid);
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const parsedCats = new WeakMap<SearchIndex, string[][]>();

/** Categories of a document (primary first), decoded once per index on first use. */
export function categoriesOf(index: SearchIndex, doc: number): string[] {
  let all = parsedCats.get(index);
  if (!all) {
    all = index.ids.length === 0 ? [] : index.catList.split(',').map((d) => (d === '' ? [] : d.split('.').map((i) => index.catNames[Number(i)]!)));
    parsedCats.set(index, all);
  }
  return all[doc] ?? [];
}

/*
 * On disk: search.json (ids, status, category names and lists), terms.txt (termsText), and search.bin:
 * u32 termStarts[T+1] | u32 offsets[T+1] | f32 postings[2P] | f32 prior[N] | u16 primary[N] (padded).
 */
export function serializeSearchIndex(index: SearchIndex): { json: string; terms: string; bin: Uint8Array } {
  const t1 = index.termStarts.length;
  const n = index.ids.length;
  const words = 2 * t1 + index.postings.length + n + Math.ceil(n / 2);
  const bin = new Uint8Array(4 * words);
  let at = 0;
  new Uint32Array(bin.buffer, at, t1).set(index.termStarts);
  at += 4 * t1;
  new Uint32Array(bin.buffer, at, t1).set(index.offsets);
  at += 4 * t1;
  new Float32Array(bin.buffer, at, index.postings.length).set(index.postings);
  at += 4 * index.postings.length;
  new Float32Array(bin.buffer, at, n).set(index.prior);
  at += 4 * n;
  new Uint16Array(bin.buffer, at, n).set(index.primary);
  const json = JSON.stringify({ version: 4, ids: index.ids, status: index.status, catNames: index.catNames, catList: index.catList, terms: t1 - 1, postings: index.postings.length });
  return { json, terms: index.termsText, bin };
}

interface Meta {
  version: number;
  ids: string[];
  status: string;
  catNames: string[];
  catList: string;
  terms: number;
  postings: number;
}

export function deserializeSearchIndex(json: string, termsText: string, bytes: Uint8Array): SearchIndex {
  const meta = JSON.parse(json) as Meta;
  if (meta.version !== 4 || !Array.isArray(meta.ids)) throw new Error('search index: unknown format');
  // Typed-array views need aligned offsets; copy only when the buffer is not aligned.
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const t1 = meta.terms + 1;
  const n = meta.ids.length;
  const need = 4 * (2 * t1 + meta.postings + n + Math.ceil(n / 2));
  if (b.byteLength !== need) throw new Error('search index: truncated or damaged binary file');
  let at = b.byteOffset;
  const termStarts = new Uint32Array(b.buffer, at, t1);
  at += 4 * t1;
  const offsets = new Uint32Array(b.buffer, at, t1);
  at += 4 * t1;
  const postings = new Float32Array(b.buffer, at, meta.postings);
  at += 4 * meta.postings;
  const prior = new Float32Array(b.buffer, at, n);
  at += 4 * n;
  const primary = new Uint16Array(b.buffer, at, n);
  if (offsets[t1 - 1]! * 2 !== meta.postings || termStarts[t1 - 1] !== termsText.length + 1) {
    throw new Error('search index: postings do not match terms');
  }
  return { ids: meta.ids, status: meta.status, catNames: meta.catNames, catList: meta.catList, primary, prior, termsText, termStarts, offsets, postings };
}
