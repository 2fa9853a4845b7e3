/**
 * The cold compile's index builder (term tables merged straight into postings) against the reference
 * builder (buildSearchIndex): the same bytes, however the documents are split between tables, whichever
 * table documents are left out, and with a table whose documents interleave with another's.
 */
import { describe, expect, it } from 'vitest';
import type { Tool } from '../../src/catalog/types.js';
import { analyzeTools, buildSearchIndex } from '../../src/search/index.js';
import { serializeSearchIndex } from '../../src/search/layout.js';
import { mergeTables } from '../../src/search/merge-index.js';
import { buildTermTable, deserializeTermTable, serializeTermTable } from '../../src/search/term-table.js';
import { miniCatalog } from './fixture.js';

const mini = miniCatalog();
const base = mini.tools[0]!;
const extra: Tool[] = Array.from({ length: 40 }, (_, i) => ({
  ...base,
  id: `team-${String(i).padStart(2, '0')}`,
  name: `Team ${i}`,
  aliases: [`t${i}`],
  summary: `Runs ${i % 3 ? 'canary deployments' : 'nightly backups'} without agents for squad ${i % 5}.`,
  sections: [{ title: 'Weaknesses', markdown: 'No sidecar support; lacks RBAC.', blocks: [] }],
  wordCount: 100 + i * 13,
}));
const tools = [...mini.tools, ...extra].sort((a, b) => (a.id < b.id ? -1 : 1));
const catalog = { ...mini, tools };
const bytes = (index: ReturnType<typeof buildSearchIndex>) => {
  const s = serializeSearchIndex(index, true);
  return { json: s.json, terms: s.terms, bin: Buffer.from(s.bin), lens: Buffer.from(index.lens!.buffer) };
};
const reference = bytes(buildSearchIndex(catalog));

/** A table of the given catalog documents (by number), placed at those numbers. */
const placed = (docs: number[]) => {
  const table = buildTermTable(docs.map((d) => tools[d]!.id), analyzeTools(catalog, docs.map((d) => tools[d]!)));
  return { table: deserializeTermTable(serializeTermTable(table)), docOf: Int32Array.from(docs) };
};

describe('index from merged term tables', () => {
  it('equals the reference builder for one table and for interleaved tables', () => {
    const all = tools.map((_, i) => i);
    expect(bytes(mergeTables(tools, [placed(all)]))).toEqual(reference);
    const even = all.filter((d) => d % 2 === 0);
    const odd = all.filter((d) => d % 2 === 1);
    expect(bytes(mergeTables(tools, [placed(odd.slice(0, 10)), placed(even), placed(odd.slice(10))]))).toEqual(reference);
  });

  it('leaves out table documents placed at -1, whose place another table fills', () => {
    const all = tools.map((_, i) => i);
    const shipped = placed(all);
    // Document 3 "replaced": left out of the first table, analysed again in a second.
    const docOf = Int32Array.from(shipped.docOf);
    docOf[3] = -1;
    expect(bytes(mergeTables(tools, [{ table: shipped.table, docOf }, placed([3])]))).toEqual(reference);
    // Left out with nothing in its place: not the reference any more (the test can fail).
    expect(bytes(mergeTables(tools, [{ table: shipped.table, docOf }]))).not.toEqual(reference);
  });
});
