/**
 * Term-major counts of analysed documents (the shipped catalog's tools), precomputed at build time. A
 * user cache's full compile weighs them with its own corpus statistics in one pass over typed arrays
 * instead of analysing and weighing the built-in notes again, then merges its team notes' postings in.
 * Weights are summed in weighTerms' order, so the index is the one a full analysis gives, byte for byte.
 */
import type { Catalog } from '../catalog/types.js';
import { B_NORM, FIELD_WEIGHTS, FIELDS, finishIndex, weighTerms, type DocTerms, type Field, type SearchIndex, type TermPostings } from './index.js';

/** The pseudo field of marks ("!term", "=value", "¬term"): plain counts that replace, not add. */
const MARK = FIELDS.length;

export interface TermTable {
  /** Tool id of each document, in the order the table numbers them. */
  ids: string[];
  /** Sorted terms; term i's entries run from start[i] to start[i + 1], by document then field. */
  terms: string[];
  start: Uint32Array;
  doc: Uint32Array;
  field: Uint8Array;
  count: Uint32Array;
  /** Field lengths, document-major (FIELDS order). */
  len: Uint32Array;
}

export function buildTermTable(ids: string[], docs: DocTerms[]): TermTable {
  const byTerm = new Map<string, number[]>();
  const push = (term: string, doc: number, field: number, count: number) => {
    let e = byTerm.get(term);
    if (!e) byTerm.set(term, (e = []));
    e.push(doc, field, count);
  };
  docs.forEach((d, k) => {
    FIELDS.forEach((_, j) => {
      for (let i = d.fieldStart[j]!; i < d.fieldStart[j + 1]!; i++) push(d.terms[i]!, k, j, d.counts[i]!);
    });
    d.marks.forEach((t, i) => push(t, k, MARK, d.markCounts[i]!));
  });
  const terms = [...byTerm.keys()].sort();
  const start = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((t, i) => {
    total += byTerm.get(t)!.length / 3;
    start[i + 1] = total;
  });
  const doc = new Uint32Array(total);
  const field = new Uint8Array(total);
  const count = new Uint32Array(total);
  let at = 0;
  for (const t of terms) {
    const e = byTerm.get(t)!;
    for (let k = 0; k < e.length; k += 3, at++) {
      doc[at] = e[k]!;
      field[at] = e[k + 1]!;
      count[at] = e[k + 2]!;
    }
  }
  const len = new Uint32Array(docs.length * FIELDS.length);
  docs.forEach((d, k) => FIELDS.forEach((f, j) => (len[k * FIELDS.length + j] = d.len[f])));
  return { ids, terms, start, doc, field, count, len };
}

/*
 * On disk: u32 header length | header (JSON: ids, term and entry counts, terms joined by newlines) | zero
 * padding to a multiple of 4 | u32 start[T+1] | u32 doc[E] | u32 count[E] | u32 len[D*F] | u8 field[E].
 */
export function serializeTermTable(table: TermTable): Uint8Array {
  const header = Buffer.from(JSON.stringify({ version: 1, fields: FIELDS.length, ids: table.ids, entries: table.doc.length, terms: table.terms.join('\n') }));
  const head = Math.ceil((4 + header.length) / 4) * 4;
  const words = [table.start, table.doc, table.count, table.len];
  const size = head + 4 * words.reduce((s, a) => s + a.length, 0) + table.field.length;
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  let at = head;
  for (const a of words) {
    new Uint32Array(out.buffer, at, a.length).set(a);
    at += 4 * a.length;
  }
  out.set(table.field, at);
  return out;
}

export function deserializeTermTable(bytes: Uint8Array): TermTable {
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const length = new DataView(b.buffer, b.byteOffset).getUint32(0, true);
  const meta = JSON.parse(Buffer.from(b.buffer, b.byteOffset + 4, length).toString('utf8')) as { version: number; fields: number; ids: string[]; entries: number; terms: string };
  if (meta.version !== 1 || meta.fields !== FIELDS.length) throw new Error('term table: unknown format');
  const terms = meta.terms === '' ? [] : meta.terms.split('\n');
  const e = meta.entries;
  let at = b.byteOffset + Math.ceil((4 + length) / 4) * 4;
  const words = (n: number) => {
    const a = new Uint32Array(b.buffer, at, n);
    at += 4 * n;
    return a;
  };
  const start = words(terms.length + 1);
  const doc = words(e);
  const count = words(e);
  const len = words(meta.ids.length * FIELDS.length);
  const field = new Uint8Array(b.buffer, at, e);
  if (at + e !== b.byteOffset + b.byteLength || start[terms.length] !== e) throw new Error('term table: truncated or damaged');
  return { ids: meta.ids, terms, start, doc, field, count, len };
}

/**
 * The table's documents weighed with corpus averages `avg` and merged with other documents' postings
 * (`weighted`, `outsideBody`, as weighTerms gives them), in place. `docOf[k]` is table document k's
 * number in the index, or -1 when it is left out (a team note replaced it). Returns every term, sorted.
 */
export function mergeTable(table: TermTable, docOf: Int32Array, avg: Record<Field, number>, weighted: Map<string, TermPostings>, outsideBody: Set<string>): string[] {
  const F = FIELDS.length;
  const norm = new Float64Array(table.len.length);
  for (let k = 0; k < table.ids.length; k++) {
    FIELDS.forEach((f, j) => (norm[k * F + j] = 1 - B_NORM[f] + (B_NORM[f] * table.len[k * F + j]!) / avg[f]));
  }
  const weights = FIELDS.map((f) => FIELD_WEIGHTS[f]);
  const body = FIELDS.indexOf('body');
  const others = [...weighted.keys()].sort();
  const all: string[] = [];
  let u = 0;
  table.terms.forEach((term, i) => {
    while (u < others.length && others[u]! < term) all.push(others[u++]!);
    if (others[u] === term) u++;
    all.push(term);
    const docs: number[] = [];
    const w: number[] = [];
    let outside = false;
    for (let e = table.start[i]!; e < table.start[i + 1]!; e++) {
      const g = docOf[table.doc[e]!]!;
      if (g < 0) continue;
      const f = table.field[e]!;
      const x = f === MARK ? table.count[e]! : (weights[f]! * table.count[e]!) / norm[table.doc[e]! * F + f]!;
      if (f !== body) outside = true;
      const last = docs.length - 1;
      if (last >= 0 && docs[last] === g) w[last] = f === MARK ? x : w[last]! + x;
      else {
        docs.push(g);
        w.push(x);
      }
    }
    if (!docs.length) return;
    if (outside) outsideBody.add(term);
    const theirs = weighted.get(term);
    weighted.set(term, theirs ? mergeByDoc({ docs, w }, theirs) : { docs, w });
  });
  while (u < others.length) all.push(others[u++]!);
  return all.filter((t) => weighted.has(t));
}

/** Two postings lists (documents in increasing order, no document in both) as one. */
function mergeByDoc(a: TermPostings, b: TermPostings): TermPostings {
  const docs: number[] = [];
  const w: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.docs.length || j < b.docs.length) {
    if (j >= b.docs.length || (i < a.docs.length && a.docs[i]! < b.docs[j]!)) {
      docs.push(a.docs[i]!);
      w.push(a.w[i++]!);
    } else {
      docs.push(b.docs[j]!);
      w.push(b.w[j++]!);
    }
  }
  return { docs, w };
}

/**
 * The search index of a catalog whose documents are the table's (table document k is index document
 * docOf[k], or left out at -1) and `others` (analysed documents and their numbers, increasing).
 */
export function buildIndexWithTable(catalog: Catalog, table: TermTable, docOf: Int32Array, others: { docs: number[]; analysed: DocTerms[] }): SearchIndex {
  const n = catalog.tools.length;
  const F = FIELDS.length;
  const lens = new Float32Array(n * F);
  for (let k = 0; k < table.ids.length; k++) if (docOf[k]! >= 0) lens.set(table.len.subarray(k * F, (k + 1) * F), docOf[k]! * F);
  others.analysed.forEach((d, k) => FIELDS.forEach((f, j) => (lens[others.docs[k]! * F + j] = d.len[f])));
  const avg = {} as Record<Field, number>;
  FIELDS.forEach((f, j) => {
    let sum = 0;
    for (let d = 0; d < n; d++) sum += lens[d * F + j]!;
    avg[f] = Math.max(1, sum / Math.max(1, n));
  });
  const { weighted, outsideBody } = weighTerms(others.analysed, avg, others.docs);
  const sorted = mergeTable(table, docOf, avg, weighted, outsideBody);
  const index = finishIndex(catalog.tools, weighted, outsideBody, { n: Math.max(1, n), avg, df: (t) => weighted.get(t)?.docs.length ?? 0 }, sorted);
  index.lens = lens;
  return index;
}
