/** Binary layout of the search index: terms as one string with offsets, postings as packed arrays; serialize and read back. */
import type { SearchIndex, TermSegment } from './index.js';

/** The term segments a query reads: the base, then the delta of changed documents if there is one. */
export function segmentsOf(index: SearchIndex): TermSegment[] {
  return index.delta ? [index, index.delta] : [index];
}

/** True when some segment holds the term. */
export function hasTerm(index: SearchIndex, term: string): boolean {
  return findTerm(index, term) >= 0 || (index.delta !== undefined && findTerm(index.delta, term) >= 0);
}

/** How many terms the segment holds. */
export function termCount(index: TermSegment): number {
  return index.termStarts.length - 1;
}

export function termAt(index: TermSegment, i: number): string {
  return index.termsText.slice(index.termStarts[i], index.termStarts[i + 1]! - 1);
}

/** Index of a term in the segment's sorted term list (binary search), or -1. */
export function findTerm(index: TermSegment, term: string): number {
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
export function serializeSearchIndex(index: SearchIndex, withChecksum = true): { json: string; terms: string; bin: Uint8Array } {
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
  const json = JSON.stringify({ version: 4, ids: index.ids, status: index.status, catNames: index.catNames, catList: index.catList, terms: t1 - 1, postings: index.postings.length, ...(withChecksum ? { sum: checksum(bin) } : {}) });
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
  /** Checksum of the binary file: a damaged segment is detected, never served. */
  sum?: number;
}

/** FNV-1a over 32-bit words: cheap enough for every load, catches flipped or zeroed bytes. */
export function checksum(bytes: Uint8Array): number {
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const words = new Uint32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
  let h = 0x811c9dc5 ^ b.byteLength;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
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
  if (meta.sum !== undefined && checksum(b) !== meta.sum) throw new Error('search index: checksum mismatch (damaged binary file)');
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
  if (offsets[t1 - 1]! * 2 !== meta.postings || termStarts[t1 - 1] !== (t1 === 1 ? 0 : termsText.length + 1)) {
    throw new Error('search index: postings do not match terms');
  }
  return { ids: meta.ids, status: meta.status, catNames: meta.catNames, catList: meta.catList, primary, prior, termsText, termStarts, offsets, postings };
}
