import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js';
import { buildLookup, resolveName } from '../../src/catalog/lookup.js';
import { buildNameIndex, buildSearchIndex } from '../../src/search/index.js';
import { categoriesOf, deserializeSearchIndex, serializeSearchIndex } from '../../src/search/layout.js';
import { fuseMatcher, hasUnknownWord, runSearch } from '../../src/search/query.js';
import { closest, editDistance } from '../../src/text/names.js';
import { stem, tokenize } from '../../src/search/tokenize.js';
import { miniCatalog } from './fixture.js';
import { lazy } from './lazy.js';

const catalog = lazy(miniCatalog);
const index = lazy(() => buildSearchIndex(catalog));
const lookup = lazy(() => buildLookup(catalog.tools));
const names = lazy(() => ({ exact: (n: string) => resolveName(lookup, n), fuzzy: fuseMatcher(Fuse, buildNameIndex(catalog)) }));
const ids = (q: string, opts = {}) => runSearch(index, q, opts, names).map((h) => h.id);

describe('tokenize', () => {
  it('drops stopwords and folds plurals', () => {
    expect(tokenize('The Containers of the cluster')).toEqual(['container', 'cluster']);
    expect(stem('discoveries')).toBe('discovery');
    expect(stem('class')).toBe('class');
  });
});

describe('runSearch', () => {
  it('ranks a name match above body mentions', () => {
    expect(ids('beta')[0]).toBe('beta');
  });

  it('finds tools by alias and by typo in the name', () => {
    expect(ids('alf')[0]).toBe('alpha');
    expect(ids('alpah')[0]).toBe('alpha');
  });

  it('prefers documents that hold the whole phrase', () => {
    expect(ids('service discovery')[0]).toBe('gamma');
  });

  it('corrects a misspelt concept word', () => {
    expect(ids('agentles')).toContain('alpha');
  });

  it('filters by category and returns nothing for unmatched words', () => {
    expect(ids('ssh', { categories: ['nope'] })).toEqual([]);
    expect(ids('qqqqzzzz')).toEqual([]);
  });

  it('survives serialisation to JSON plus binary postings unchanged', () => {
    const { json, terms, bin } = serializeSearchIndex(index);
    const back = deserializeSearchIndex(json, terms, bin);
    expect(index.ids.map((_, d) => categoriesOf(back, d))).toEqual(index.ids.map((_, d) => categoriesOf(index, d)));
    expect(runSearch(back, 'ssh yaml', {}, names)).toEqual(runSearch(index, 'ssh yaml', {}, names));
    expect(() => deserializeSearchIndex(json, terms, bin.slice(0, bin.length - 8))).toThrow(/truncated|postings/);
  });

  it('knows when a query has a word outside the index', () => {
    expect(hasUnknownWord(index, 'alpah')).toBe(true);
    expect(hasUnknownWord(index, 'ssh agent')).toBe(false);
  });

  it('never throws on odd input', () => {
    for (const q of ['', '   ', '((', '.*', '"\'', 'ü'.repeat(10000), '\u0000\u001b[31m', '🙂 k8s']) {
      expect(() => runSearch(index, q, {}, names)).not.toThrow();
    }
  });

  it('ranks retired tools below active tools with equal text', () => {
    const hits = runSearch(index, 'key-value service discovery');
    expect(hits.find((h) => h.id === 'gamma')?.status).toBe('archived');
  });
});

describe('suggestions', () => {
  it('computes transpositions as one edit', () => {
    expect(editDistance('kubernetes', 'kubernets')).toBe(1);
    expect(editDistance('terraform', 'terrafrom')).toBe(1);
  });

  it('suggests close names only', () => {
    expect(closest('kubernets', ['kubernetes', 'nomad', 'kube'])).toEqual(['kubernetes']);
    expect(closest('zzzzzz', ['kubernetes', 'nomad'])).toEqual([]);
  });
});
