/**
 * Term-major counts of analysed documents: the shipped catalog's tools (precomputed at build time, so a
 * user cache's full compile never analyses them again) and team notes (built on each thread of a full
 * compile). merge-index.ts weighs and merges tables into an index.
 */
import { FIELDS, type DocTerms } from './index.js';

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
