/**
 * The search index of documents held in term tables (the shipped catalog's tools, and team notes analysed
 * on each thread), merged term by term straight into postings: no map of every term and no array per term,
 * which were most of a cold compile's time and garbage. Weights are summed as weighTerms sums them and
 * saturated as finishIndex does, so the index is byte for byte the one buildSearchIndex gives.
 */
import type { Tool } from '../catalog/types.js';
import { B_NORM, FIELD_WEIGHTS, FIELDS, idfOf, layoutIndex, saturate, type Field, type SearchIndex } from './index.js';
import type { TermTable } from './term-table.js';

/** A term table and where its documents go: table document k is index document docOf[k], or left out at -1. */
export interface PlacedTable {
  table: TermTable;
  docOf: Int32Array;
}

const F = FIELDS.length;
const MARK = F;
const BODY = FIELDS.indexOf('body');
const WEIGHTS = FIELDS.map((f) => FIELD_WEIGHTS[f]);

/** A growable Float32Array. */
class Floats {
  data = new Float32Array(1 << 16);
  length = 0;
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
}

/** Average field lengths over every placed document, and the field lengths in index order. */
function lengths(n: number, placed: PlacedTable[]): { lens: Float32Array; avg: Record<Field, number> } {
  const lens = new Float32Array(n * F);
  for (const { table, docOf } of placed) {
    for (let k = 0; k < table.ids.length; k++) if (docOf[k]! >= 0) lens.set(table.len.subarray(k * F, (k + 1) * F), docOf[k]! * F);
  }
  const avg = {} as Record<Field, number>;
  FIELDS.forEach((f, j) => {
    let sum = 0;
    for (let d = 0; d < n; d++) sum += lens[d * F + j]!;
    avg[f] = Math.max(1, sum / Math.max(1, n));
  });
  return { lens, avg };
}

export function mergeTables(tools: Pick<Tool, 'id' | 'status' | 'categories' | 'category' | 'wordCount'>[], placed: PlacedTable[]): SearchIndex {
  const n = tools.length;
  const { lens, avg } = lengths(n, placed);
  const norms = placed.map(({ table }) => {
    const norm = new Float64Array(table.ids.length * F);
    for (let k = 0; k < table.ids.length; k++) {
      FIELDS.forEach((f, j) => (norm[k * F + j] = 1 - B_NORM[f] + (B_NORM[f] * table.len[k * F + j]!) / avg[f]));
    }
    return norm;
  });
  const cursor = placed.map(() => 0);
  // One table's postings of the current term: index documents and their weights, in document order.
  const docs = placed.map(() => [] as number[]);
  const w = placed.map(() => [] as number[]);
  const terms: string[] = [];
  const offsets: number[] = [0];
  const postings = new Floats();
  const heads = new Int32Array(placed.length);
  for (;;) {
    let term: string | null = null;
    placed.forEach(({ table }, p) => {
      const t = table.terms[cursor[p]!];
      if (t !== undefined && (term === null || t < term)) term = t;
    });
    if (term === null) break;
    const current: string = term;
    let df = 0;
    let outside = false;
    placed.forEach(({ table, docOf }, p) => {
      docs[p]!.length = 0;
      w[p]!.length = 0;
      if (table.terms[cursor[p]!] !== current) return;
      const i = cursor[p]!;
      cursor[p] = i + 1;
      const d = docs[p]!;
      const x = w[p]!;
      for (let e = table.start[i]!; e < table.start[i + 1]!; e++) {
        const local = table.doc[e]!;
        const g = docOf[local]!;
        if (g < 0) continue;
        const f = table.field[e]!;
        const weight = f === MARK ? table.count[e]! : (WEIGHTS[f]! * table.count[e]!) / norms[p]![local * F + f]!;
        if (f !== BODY) outside = true;
        const last = d.length - 1;
        if (last >= 0 && d[last] === g) x[last] = f === MARK ? weight : x[last]! + weight;
        else {
          d.push(g);
          x.push(weight);
        }
      }
      df += d.length;
    });
    // A phrase seen in one body only adds little over its words and most of the index size: drop it.
    if (df === 0 || (current.includes('_') && !outside && df <= 1)) continue;
    const idf = idfOf(Math.max(1, n), df);
    const mark = current[0] === '!' || current[0] === '=' || current[0] === '¬';
    // The tables' lists, merged by document (each document is in one table only).
    heads.fill(0);
    for (let left = df; left > 0; left--) {
      let best = -1;
      for (let p = 0; p < placed.length; p++) if (heads[p]! < docs[p]!.length && (best < 0 || docs[p]![heads[p]!]! < docs[best]![heads[best]!]!)) best = p;
      const k = heads[best]!++;
      postings.push(docs[best]![k]!, saturate(w[best]![k]!, idf, mark));
    }
    terms.push(current);
    offsets.push(postings.length / 2);
  }
  const index = layoutIndex(tools, terms, Uint32Array.from(offsets), postings.data.slice(0, postings.length));
  index.lens = lens;
  return index;
}
