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
 * With checksums, search.json holds one per 64 KiB block of search.bin: a reader that loads only the
 * blocks a query needs checks each one it loads.
 */
export const BLOCK_BYTES = 65536;

export function serializeSearchIndex(index: SearchIndex, withChecksum = true): { json: string; terms: string; bin: Uint8Array } {
  // A segment read from disk on demand is loaded whole first.
  index.fill?.(0, index.postings.length / 2);
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
  const json = JSON.stringify({ version: 5, ids: index.ids, status: index.status, catNames: index.catNames, catList: index.catList, terms: t1 - 1, postings: index.postings.length, ...(withChecksum ? { sums: blockSums(bin) } : {}) });
  return { json, terms: index.termsText, bin };
}

export interface SearchMeta {
  version: number;
  ids: string[];
  status: string;
  catNames: string[];
  catList: string;
  terms: number;
  postings: number;
  /** Checksum of each 64 KiB block of the binary file: a damaged segment is detected, never served. */
  sums?: number[];
}

/** FNV-1a over 32-bit words: cheap enough for every load, catches flipped or zeroed bytes. */
export function checksum(bytes: Uint8Array): number {
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const words = new Uint32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
  let h = 0x811c9dc5 ^ b.byteLength;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

function blockSums(bin: Uint8Array): number[] {
  const sums: number[] = [];
  for (let at = 0; at < bin.byteLength; at += BLOCK_BYTES) sums.push(checksum(bin.subarray(at, Math.min(bin.byteLength, at + BLOCK_BYTES))));
  return sums;
}

/** The meta of a segment (search.json), checked for the fields a reader needs. */
export function readSearchMeta(json: string): SearchMeta {
  const meta = JSON.parse(json) as SearchMeta;
  if (meta.version !== 5 || !Array.isArray(meta.ids)) throw new Error('search index: unknown format');
  return meta;
}

/** Size in bytes of the binary file a segment's meta describes. */
export function binSize(meta: SearchMeta): number {
  const n = meta.ids.length;
  return 4 * (2 * (meta.terms + 1) + meta.postings + n + Math.ceil(n / 2));
}

/**
 * The binary file of a segment as a reader holds it: `bytes` of the whole file's size (4-byte aligned),
 * of which `ensure` loads a byte range (and checks its blocks) before it is read.
 */
export interface BinSource {
  bytes: Uint8Array;
  ensure(from: number, to: number): void;
}

/** A whole binary file in memory, its checksums (when the meta has them) checked at once. */
export function inMemoryBin(bytes: Uint8Array, meta: SearchMeta): BinSource {
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (b.byteLength !== binSize(meta)) throw new Error('search index: truncated or damaged binary file');
  if (meta.sums && (meta.sums.length !== Math.ceil(b.byteLength / BLOCK_BYTES) || blockSums(b).some((s, i) => s !== meta.sums![i]))) {
    throw new Error('search index: checksum mismatch (damaged binary file)');
  }
  return { bytes: b, ensure: () => {} };
}

/** Reads a segment held whole in memory (a delta segment, tests). */
export function deserializeSearchIndex(json: string, termsText: string, bytes: Uint8Array): SearchIndex {
  const meta = readSearchMeta(json);
  return openSearchIndex(meta, termsText, inMemoryBin(bytes, meta));
}

/**
 * A segment over its binary file: the term table, priors and categories are loaded now, each term's
 * postings when a query first reads them (`fill`).
 */
export function openSearchIndex(meta: SearchMeta, termsText: string, bin: BinSource): SearchIndex {
  const t1 = meta.terms + 1;
  const n = meta.ids.length;
  const { bytes } = bin;
  const base = bytes.byteOffset;
  const postingsAt = 8 * t1;
  const priorAt = postingsAt + 4 * meta.postings;
  bin.ensure(0, postingsAt);
  bin.ensure(priorAt, bytes.byteLength);
  const termStarts = new Uint32Array(bytes.buffer, base, t1);
  const offsets = new Uint32Array(bytes.buffer, base + 4 * t1, t1);
  const postings = new Float32Array(bytes.buffer, base + postingsAt, meta.postings);
  const prior = new Float32Array(bytes.buffer, base + priorAt, n);
  const primary = new Uint16Array(bytes.buffer, base + priorAt + 4 * n, n);
  if (offsets[t1 - 1]! * 2 !== meta.postings || termStarts[t1 - 1] !== (t1 === 1 ? 0 : termsText.length + 1)) {
    throw new Error('search index: postings do not match terms');
  }
  const fill = (from: number, to: number) => bin.ensure(postingsAt + 8 * from, postingsAt + 8 * to);
  return { ids: meta.ids, status: meta.status, catNames: meta.catNames, catList: meta.catList, primary, prior, termsText, termStarts, offsets, postings, fill };
}
