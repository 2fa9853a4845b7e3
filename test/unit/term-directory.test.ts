/**
 * The term directory: a segment on disk finds a term by reading one run of its term list and two postings
 * offsets, answers exactly like the segment held whole, loads the whole table only when asked, and reports
 * a damaged or truncated term list instead of answering from it. Hits cut to a limit are the head of the
 * whole ranking.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tool } from '../../src/catalog/types.js';
import { buildSearchIndex } from '../../src/search/index.js';
import { findTerm, openSearchIndex, readSearchMeta, serializeSearchIndex, termAt, termCount } from '../../src/search/layout.js';
import { search } from '../../src/search/query.js';
import { buildTermDirectory, directoryLookup } from '../../src/search/term-directory.js';
import { CorruptArtifactError } from '../../src/store/corrupt.js';
import { lazyBin, lazyTerms } from '../../src/store/lazy-bin.js';
import { miniCatalog } from './fixture.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-term-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An in-memory term list as the lookup reads it, counting the bytes asked for. */
function termBytes(terms: string[]) {
  const bytes = new TextEncoder().encode(terms.join('\n'));
  const asked = { bytes: 0 };
  return {
    source: {
      bytes,
      ensure: (from: number, to: number) => void (asked.bytes += to - from),
      damaged: (message: string): never => {
        throw new Error(`damaged: ${message}`);
      },
    },
    asked,
  };
}

describe('term directory', () => {
  // Sorted as the index sorts (UTF-16 order), with multi-byte terms so byte and character offsets differ.
  const terms = Array.from({ length: 1000 }, (_, i) => `t${String(i).padStart(4, '0')}${i % 7 === 0 ? 'é' : ''}${i % 11 === 0 ? '日本' : ''}`).sort();

  it('finds every term, and none of the words between, before or after them', () => {
    const { source } = termBytes(terms);
    const dir = buildTermDirectory(terms.join('\n'), source.bytes, terms.length, 64);
    expect(dir.first.length).toBe(Math.ceil(1000 / 64));
    const find = directoryLookup(dir, source, terms.length);
    terms.forEach((t, i) => expect(find(t)).toBe(i));
    for (const absent of ['', 'a', 't', 't0000x', 't0500é日', 'zzz', `${terms[999]}z`]) expect(find(absent)).toBe(-1);
  });

  it('reads one run of terms per lookup, not the list', () => {
    const { source, asked } = termBytes(terms);
    const find = directoryLookup(buildTermDirectory(terms.join('\n'), source.bytes, terms.length, 64), source, terms.length);
    find(terms[500]!);
    expect(asked.bytes).toBeGreaterThan(0);
    expect(asked.bytes).toBeLessThan(source.bytes.byteLength / 10);
  });

  it('reports a run that does not hold what the directory promises', () => {
    const { source } = termBytes(terms);
    const dir = buildTermDirectory(terms.join('\n'), source.bytes, terms.length, 64);
    const shifted = { ...dir, at: dir.at.map((a, j) => (j === 3 ? a + 1 : a)) };
    expect(() => directoryLookup(shifted, source, terms.length)(terms[3 * 64 + 5]!)).toThrow(/damaged: run 3/);
  });
});

describe('a segment on disk found through its term directory', () => {
  const mini = miniCatalog();
  const base = mini.tools[0]!;
  const tools: Tool[] = Array.from({ length: 1200 }, (_, i) => ({ ...base, id: `tool-${i}`, name: `Tool ${i}`, aliases: [`word${i}`], summary: `Synthetic tool word${i} number ${i} for team ${i % 37}, déjà vu ${i % 5}.` }));
  const index = buildSearchIndex({ ...mini, tools });
  const files = serializeSearchIndex(index, true);
  const meta = readSearchMeta(files.json);
  const termsFile = path.join(tmp, 'terms.txt');
  const binFile = path.join(tmp, 'search.bin');
  const write = (terms: string | Uint8Array = files.terms) => {
    writeFileSync(termsFile, terms);
    writeFileSync(binFile, files.bin);
  };
  const open = () => {
    const terms = lazyTerms(termsFile, meta);
    return { terms, index: openSearchIndex(meta, terms, lazyBin(binFile, meta)) };
  };

  it('answers like the index held in memory while reading a small part of the term list', () => {
    write();
    const { terms, index: lazy } = open();
    for (const q of ['word1034', 'word77 team', 'synthetic tool', 'deja vu']) expect(search(lazy, q)).toEqual(search(index, q));
    const read = terms.bytes.reduce((n, b) => n + (b === 0 ? 0 : 1), 0);
    expect(read).toBeLessThan(terms.bytes.byteLength / 2);
    // Unknown words ask for spelling suggestions: the whole list is read then, and the answers stay the same.
    for (const q of ['kubernetes xyz', 'zzqxv', 'synthetik toll']) expect(search(lazy, q)).toEqual(search(index, q));
  });

  it('loads the whole term table when asked (spelling suggestions, the static site)', () => {
    write();
    const lazy = open().index;
    expect(termCount(lazy)).toBe(termCount(index));
    expect(termAt(lazy, 17)).toBe(termAt(index, 17));
    expect(findTerm(lazy, termAt(index, 123))).toBe(123);
    expect(search(lazy, 'synthetik').hits.map((h) => h.id)).toEqual(search(index, 'synthetik').hits.map((h) => h.id));
    const again = serializeSearchIndex(open().index, true);
    expect(again.json).toBe(files.json);
    expect(again.terms).toBe(files.terms);
    expect(Buffer.from(again.bin).equals(Buffer.from(files.bin))).toBe(true);
  });

  it('reports a damaged block of the term list when a lookup reads it', () => {
    const bytes = Buffer.from(files.terms);
    const at = bytes.indexOf('\nword1034\n') + 1;
    expect(at).toBeGreaterThan(0);
    bytes[at + 2] = 'x'.charCodeAt(0);
    write(bytes);
    const lazy = open().index;
    expect(() => search(lazy, 'word1034')).toThrow(CorruptArtifactError);
  });

  it('refuses a truncated term list before any query', () => {
    write(Buffer.from(files.terms).subarray(0, -3));
    expect(() => open()).toThrow(CorruptArtifactError);
  });
});

describe('hits cut to the limit', () => {
  // Many tools with equal scores: the cut must keep the best, ties ordered by id, and count them all.
  const mini = miniCatalog();
  const base = mini.tools[0]!;
  const tools: Tool[] = Array.from({ length: 300 }, (_, i) => ({ ...base, id: `tie-${(i * 7919) % 300}`, name: `Tie ${i}`, aliases: [], summary: `Synthetic ${i % 3 === 0 ? 'gateway proxy' : 'gateway'} number ${i % 4}.` }));
  const index = buildSearchIndex({ ...mini, tools });

  it('gives the first hits of the whole ranking, and the same total', () => {
    for (const q of ['gateway', 'gateway proxy', 'synthetic number', 'proxy']) {
      const all = search(index, q, { limit: 1000 });
      expect(all.total).toBeGreaterThan(20);
      for (const limit of [1, 5, 10, 37]) {
        const cut = search(index, q, { limit });
        expect(cut.total).toBe(all.total);
        expect(cut.hits).toEqual(all.hits.slice(0, limit));
      }
    }
  });
});
