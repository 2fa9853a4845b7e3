/** Binary layout of the search index: terms as one string with offsets, postings as packed arrays; serialize and read back. */
import type { SearchIndex, TermSegment } from './index.js';
import { buildTermDirectory, directoryLookup, type TermBytes, type TermDirectory } from './term-directory.js';

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

/** Index of a term in the segment's sorted term list (binary search, or the term directory of a segment on disk), or -1. */
export function findTerm(index: TermSegment, term: string): number {
  if (index.find) return index.find(term);
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
 * On disk: search.json (ids, status, category names and lists, the term directory), terms.txt (termsText)
 * and search.bin: u32 termStarts[T+1] | u32 offsets[T+1] | f32 postings[2P] | f32 prior[N] | u16 primary[N]
 * (padded). With checksums, search.json holds one per block of search.bin and of terms.txt: a reader that
 * loads only the blocks a query needs checks each one it loads.
 */
export const BLOCK_BYTES = 8192;
const FORMAT_VERSION = 6;

const encoder = new TextEncoder();

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
  const termBytes = encoder.encode(index.termsText);
  const meta: SearchMeta = {
    version: FORMAT_VERSION,
    ids: index.ids,
    status: index.status,
    catNames: index.catNames,
    catList: index.catList,
    terms: t1 - 1,
    postings: index.postings.length,
    block: BLOCK_BYTES,
    termBytes: termBytes.byteLength,
    dir: buildTermDirectory(index.termsText, termBytes, t1 - 1),
    ...(withChecksum ? { sums: blockSums(bin), termSums: blockSums(termBytes) } : {}),
  };
  return { json: JSON.stringify(meta), terms: index.termsText, bin };
}

export interface SearchMeta {
  version: number;
  ids: string[];
  status: string;
  catNames: string[];
  catList: string;
  terms: number;
  postings: number;
  /** Bytes per checked block of search.bin and terms.txt. */
  block: number;
  /** Size of terms.txt in bytes (UTF-8). */
  termBytes: number;
  dir: TermDirectory;
  /** Checksum of each block of the binary file: a damaged segment is detected, never served. */
  sums?: number[];
  /** Checksum of each block of terms.txt. */
  termSums?: number[];
}

/** FNV-1a over 32-bit words: cheap enough for every load, catches flipped or zeroed bytes. */
export function checksum(bytes: Uint8Array): number {
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const words = new Uint32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
  let h = 0x811c9dc5 ^ b.byteLength;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

function blockSums(bin: Uint8Array, block = BLOCK_BYTES): number[] {
  const sums: number[] = [];
  for (let at = 0; at < bin.byteLength; at += block) sums.push(checksum(bin.subarray(at, Math.min(bin.byteLength, at + block))));
  return sums;
}

/** The meta of a segment (search.json), checked for the fields a reader needs. */
export function readSearchMeta(json: string): SearchMeta {
  const meta = JSON.parse(json) as SearchMeta;
  if (meta.version !== FORMAT_VERSION || !Array.isArray(meta.ids) || !(meta.block > 0) || !meta.dir || !Array.isArray(meta.dir.first)) throw new Error('search index: unknown format');
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
  /** Reports damage found after opening (a reader on disk raises its own error type). */
  damaged?(message: string): never;
}

/** A whole binary file in memory, its checksums (when the meta has them) checked at once. */
export function inMemoryBin(bytes: Uint8Array, meta: SearchMeta): BinSource {
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (b.byteLength !== binSize(meta)) throw new Error('search index: truncated or damaged binary file');
  if (meta.sums && (meta.sums.length !== Math.ceil(b.byteLength / meta.block) || blockSums(b, meta.block).some((s, i) => s !== meta.sums![i]))) {
    throw new Error('search index: checksum mismatch (damaged binary file)');
  }
  return { bytes: b, ensure: () => {} };
}

/** Reads a segment held whole in memory (a delta segment, tests). */
export function deserializeSearchIndex(json: string, termsText: string, bytes: Uint8Array): SearchIndex {
  const meta = readSearchMeta(json);
  if (meta.termSums) {
    const termBytes = encoder.encode(termsText);
    const sums = blockSums(termBytes, meta.block);
    if (termBytes.byteLength !== meta.termBytes || sums.length !== meta.termSums.length || sums.some((s, i) => s !== meta.termSums![i])) {
      throw new Error('search index: checksum mismatch (damaged term list)');
    }
  }
  return openSearchIndex(meta, termsText, inMemoryBin(bytes, meta));
}

/**
 * A segment over its binary file: priors and categories are loaded now, each term's postings when a query
 * first reads them (`fill`). With the term list as text, the term table is loaded now; with its bytes on
 * demand (`TermBytes`), a term is found through the directory and only its run and offsets are read, and
 * the whole table only when something asks for it (spelling suggestions, serializing).
 */
export function openSearchIndex(meta: SearchMeta, terms: string | TermBytes, bin: BinSource): SearchIndex {
  const t1 = meta.terms + 1;
  const n = meta.ids.length;
  const { bytes } = bin;
  const base = bytes.byteOffset;
  const offsetsAt = 4 * t1;
  const postingsAt = 8 * t1;
  const priorAt = postingsAt + 4 * meta.postings;
  const damaged = (message: string): never => (bin.damaged ? bin.damaged(message) : fail(message));
  bin.ensure(offsetsAt + 4 * (t1 - 1), postingsAt);
  bin.ensure(priorAt, bytes.byteLength);
  const offsets = new Uint32Array(bytes.buffer, base + offsetsAt, t1);
  const postings = new Float32Array(bytes.buffer, base + postingsAt, meta.postings);
  const prior = new Float32Array(bytes.buffer, base + priorAt, n);
  const primary = new Uint16Array(bytes.buffer, base + priorAt + 4 * n, n);
  if (offsets[t1 - 1]! * 2 !== meta.postings) damaged('postings do not match terms');
  const fill = (from: number, to: number) => bin.ensure(postingsAt + 8 * from, postingsAt + 8 * to);
  const fields = { ids: meta.ids, status: meta.status, catNames: meta.catNames, catList: meta.catList, primary, prior, offsets, postings, fill };
  /** The whole term table, checked against the term list's length. */
  const table = (text: string): { text: string; starts: Uint32Array } => {
    bin.ensure(0, postingsAt);
    const starts = new Uint32Array(bytes.buffer, base, t1);
    if (starts[t1 - 1] !== (t1 === 1 ? 0 : text.length + 1)) damaged('postings do not match terms');
    return { text, starts };
  };
  if (typeof terms === 'string') {
    const whole = table(terms);
    return { ...fields, termsText: whole.text, termStarts: whole.starts };
  }
  const dir = meta.dir;
  if (dir.first.length !== Math.ceil(meta.terms / dir.every) || dir.at.length !== dir.first.length) damaged('term directory does not match terms');
  const lookup = directoryLookup(dir, terms, meta.terms);
  let whole: { text: string; starts: Uint32Array } | undefined;
  const load = () => {
    if (whole) return whole;
    terms.ensure(0, terms.bytes.byteLength);
    return (whole = table(new TextDecoder().decode(terms.bytes)));
  };
  return {
    ...fields,
    get termsText() {
      return load().text;
    },
    get termStarts() {
      return load().starts;
    },
    find: (term) => {
      const i = lookup(term);
      if (i < 0) return -1;
      bin.ensure(offsetsAt + 4 * i, offsetsAt + 4 * (i + 2));
      if (!(offsets[i]! <= offsets[i + 1]! && offsets[i + 1]! <= offsets[t1 - 1]!)) damaged(`postings offsets of term ${i} are out of order`);
      return i;
    },
  };
}

function fail(message: string): never {
  throw new Error(`search index: ${message}`);
}
