/**
 * The search index and query pieces, pinned: field texts and terms, negation scope, facet evidence, the
 * index's per-document arrays and marks, the note-depth prior, word correction and the query's own
 * negation scope.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceOfFacets, facetValueTerm, splitNegated } from '../../src/search/evidence.js';
import { buildSearchIndex, fieldTerms, fieldTexts, FIELD_WEIGHTS } from '../../src/search/index.js';
import { categoriesOf, findTerm, termAt, termCount } from '../../src/search/layout.js';
import { hasUnknownWord, search } from '../../src/search/query.js';
import { words } from '../../src/search/tokenize.js';
import { miniCatalog } from './fixture.js';
import { lazy } from './lazy.js';
import { buildCatalog } from './notes.js';

const mini = lazy(miniCatalog);
const index = lazy(() => buildSearchIndex(mini));
const postings = (term: string) => {
  const i = findTerm(index, term);
  if (i < 0) return null;
  const out: Record<string, number> = {};
  for (let p = index.offsets[i]!; p < index.offsets[i + 1]!; p++) out[index.ids[index.postings[2 * p]!]!] = index.postings[2 * p + 1]!;
  return out;
};

describe('words', () => {
  // The Unicode definition the ASCII fast path must match word for word (stop words aside).
  const reference = (text: string) => [...text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);

  it('reads ASCII text by hand exactly as the Unicode rules read it', () => {
    expect(words("Argo CD's GitOps-sync, v2.10 (K8s)")).toEqual(['argo', 'cd', 's', 'gitops', 'sync', 'v2', '10', 'k8s']);
    expect(words('Überwachung für Kubernetes')).toEqual(['uberwachung', 'fur', 'kubernetes']);
    const ascii = fc.array(fc.constantFrom(...'abcXYZ019 -_.,/'.split(''), '\\', '\t', 'the', 'Tool', 'and'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(ascii, (text) => {
      expect(words(text)).toEqual(reference(text).filter((w) => words(w).length > 0));
    }));
  });
});

describe('evidence', () => {
  it('folds facet values to one term', () => {
    expect(facetValueTerm('  Sidecar Or   Ambient ')).toBe('sidecar-or-ambient');
    expect(facetValueTerm('none')).toBe('none');
  });

  it('splits a phrase into asserted runs and negated words, three content words per negation', () => {
    expect(splitNegated('no a1 b1 c1 d1 e1', true)).toMatchObject({ runs: [['d1', 'e1']], negated: ['a1', 'b1', 'c1'] });
    expect(splitNegated('fast builds, without agents', true)).toMatchObject({ runs: [['fast', 'build']], negated: ['agent'] });
    expect(splitNegated('without agents - runs fast', true)).toMatchObject({ runs: [['run', 'fast']], negated: ['agent'] });
    expect(splitNegated('without agents — runs fast', true)).toMatchObject({ runs: [['run', 'fast']], negated: ['agent'] });
    expect(splitNegated('without agents – runs fast', true)).toMatchObject({ runs: [['run', 'fast']], negated: ['agent'] });
    expect(splitNegated('lacks rbac but scales well', true)).toMatchObject({ runs: [['scale', 'well']], negated: ['rbac'] });
    expect(splitNegated('nothing (not even logs) here', true)).toMatchObject({ runs: [['here']], negated: ['even', 'log'] });
    expect(splitNegated('no sidecars; fast [not slow] proxies', true)).toMatchObject({ runs: [['fast'], ['proxy']], negated: ['sidecar', 'slow'] });
    expect(splitNegated('alpha cannot beta gamma', true)).toMatchObject({ runs: [['alpha']], negated: ['beta', 'gamma'] });
    // Every word, negators and negated words included, for fields whose negations only describe.
    expect(splitNegated('fast builds, without agents', true).all).toEqual(['fast', 'build', 'without', 'agent']);
    for (const neg of ['no', 'not', 'without', 'lack', 'lacks', 'lacking', 'never', 'cannot', 'nor', 'doesn', 'isn', 'aren', 'don', 'won', 'nothing']) {
      expect(splitNegated(`${neg} zeta`, true).negated, neg).toEqual(['zeta']);
    }
    expect(splitNegated('fast, without agents', false)).toMatchObject({ runs: [['fast', 'without', 'agent']], negated: [] });
  });

  it('turns facets into label-value phrases, absent labels and exact values', () => {
    const defs = new Map(mini.categories[0]!.facets.map((d) => [d.key, d]));
    expect(evidenceOfFacets({ agent: 'none', mode: 'push', dryRun: true, dsl: 'Ruby DSL', platforms: ['linux', 'Windows'], since: 'unknown', other: 'x' }, defs)).toEqual({
      text: 'Push or pull push . Dry run . Config language Ruby DSL . Platforms linux, Windows . other x',
      absent: ['agent'],
      values: ['push', 'ruby-dsl', 'linux', 'windows', 'x'],
    });
    for (const none of ['none', 'No', 'false', 'n/a', 'not-applicable', 'not-supported', 'unsupported']) {
      expect(evidenceOfFacets({ mode: none }, defs).absent, none).toEqual(['push', 'pull']);
    }
    expect(evidenceOfFacets({ dryRun: false }, defs)).toEqual({ text: '', absent: ['dry', 'run'], values: [] });
    expect(evidenceOfFacets({ platforms: [] }, defs).absent).toEqual(['platform']);
    expect(evidenceOfFacets({ platforms: ['none', 'N/A'] }, defs).absent).toEqual(['platform']);
    expect(evidenceOfFacets({ platforms: ['none', 'linux'] }, defs)).toEqual({ text: 'Platforms none, linux', absent: [], values: ['none', 'linux'] });
    expect(evidenceOfFacets({ since: 2012 }, defs)).toEqual({ text: 'Since 2012', absent: [], values: [] });
    expect(evidenceOfFacets({ dryRun: 'partial' }, defs)).toEqual({ text: 'Dry run partial', absent: [], values: ['partial'] });
  });
});

describe('index fields', () => {
  it('gives each field its text', () => {
    const alpha = mini.tools.find((t) => t.id === 'alpha')!;
    const texts = fieldTexts({ ...alpha, sections: [...alpha.sections, { title: 'Weaknesses', markdown: 'Slow.', blocks: [] }, { title: 'When to look elsewhere', markdown: 'Big fleets.', blocks: [] }] }, 'Config management', 'facet words');
    expect(texts).toEqual({
      name: 'Alpha Config alpha',
      aliases: 'alf',
      tags: 'agentless . ssh . yaml',
      summary: 'Agentless configuration tool that pushes YAML over SSH.',
      pickWhen: 'you want no agents',
      facets: 'facet words',
      category: 'Config management config mgmt',
      body: expect.stringMatching(/^Overview \. Alpha pushes .* \. How it works \. .* \. Strengths \. Simple to start\.$/s),
      caveats: 'Weaknesses . Slow. . When to look elsewhere . Big fleets.',
    });
    expect(fieldTexts({ ...alpha, pickWhen: null }, 'C').pickWhen).toBe('');
    expect(Object.keys(FIELD_WEIGHTS)).toEqual(Object.keys(texts));
  });

  it('makes unigrams and bigrams per phrase, and sets negated words apart by field', () => {
    expect(fieldTerms('Service discovery. Key value store')).toEqual({ terms: ['service', 'discovery', 'service_discovery', 'key', 'value', 'store', 'key_value', 'value_store'], negated: [] });
    expect(fieldTerms('a1 b1 . c1 d1; e1: f1! g1? h1')).toEqual({ terms: ['a1', 'b1', 'a1_b1', 'c1', 'd1', 'c1_d1', 'e1', 'f1', 'g1', 'h1'], negated: [] });
    expect(fieldTerms('Fast builds. No canary support', 'against')).toEqual({ terms: ['fast', 'build', 'fast_build'], negated: ['canary', 'support'] });
    expect(fieldTerms('Fast builds. No canary support', 'describes')).toEqual({ terms: ['fast', 'build', 'fast_build', 'no', 'canary', 'support', 'no_canary', 'canary_support'], negated: ['canary', 'support'] });
    expect(fieldTerms('No canary support')).toEqual({ terms: ['no', 'canary', 'support', 'no_canary', 'canary_support'], negated: [] });
  });
});

describe('the index', () => {
  it('lays out ids, status letters, categories and priors', () => {
    expect(index.ids).toEqual(['alpha', 'beta', 'gamma']);
    expect(index.status).toBe('aax');
    expect(index.catNames).toEqual(['config-mgmt']);
    expect(index.catList).toBe('0,0,0');
    expect([...index.primary]).toEqual([0, 0, 0]);
    expect([0, 1, 2].map((d) => categoriesOf(index, d))).toEqual([['config-mgmt'], ['config-mgmt'], ['config-mgmt']]);
    // Short notes: the prior bottoms out at 0.92.
    for (const p of index.prior) expect(p).toBeCloseTo(0.92, 5);
    const terms = Array.from({ length: termCount(index) }, (_, i) => termAt(index, i));
    expect(terms).toEqual([...terms].sort());
    expect(index.termStarts[termCount(index)]).toBe(index.termsText.length + 1);
  });

  it('scales the prior with note length, from 0.92 to 1.08', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const c = buildCatalog([{ id: 'c', name: 'C' }], [
      { id: 'short', category: 'c', summary: 'S.', body: body(10) },
      { id: 'mid', category: 'c', summary: 'S.', body: body(350) },
      { id: 'upper', category: 'c', summary: 'S.', body: body(475) },
      { id: 'long', category: 'c', summary: 'S.', body: body(900) },
      { id: 'retired', category: 'c', summary: 'S.', body: body(10), extra: ['status: deprecated', 'statusSince: 2020', 'replacedBy: [mid]'] },
    ]);
    const wc = Object.fromEntries(c.tools.map((t) => [t.id, t.wordCount]));
    const i = buildSearchIndex(c);
    const prior = (id: string) => i.prior[i.ids.indexOf(id)]!;
    expect(prior('short')).toBeCloseTo(0.92, 5);
    expect(prior('long')).toBeCloseTo(1.08, 5);
    expect(prior('mid')).toBeCloseTo(1 + (0.08 * (wc.mid! - 350)) / 250, 5);
    expect(prior('upper')).toBeCloseTo(1 + (0.08 * (wc.upper! - 350)) / 250, 5);
    expect(i.status).toBe(i.ids.map((id) => (id === 'retired' ? 'd' : 'a')).join(''));
  });

  it('keeps marks for exact values, absence and documented absence, with plain counts', () => {
    expect(postings('=push')).toEqual({ alpha: 1 });
    expect(postings('=ruby-dsl')).toEqual({ beta: 1 });
    expect(postings('=linux')).toEqual({ alpha: 1, beta: 1 });
    expect(postings('!agent')).toBeNull(); // "agent" is a core word of every note here
    expect(postings('agentless')!.alpha).toBeGreaterThan(0);
  });

  it('drops a bigram seen in one body only, and keeps bigrams outside bodies or in two bodies', () => {
    const c = buildCatalog([{ id: 'c', name: 'C' }], [
      { id: 'one', category: 'c', summary: 'Zorp blip tool.', body: 'Unique pairing words. Common phrase here.' },
      { id: 'two', category: 'c', summary: 'Other tool.', body: 'Common phrase again.' },
    ]);
    const i = buildSearchIndex(c);
    expect(findTerm(i, 'unique_pair')).toBeLessThan(0);
    expect(findTerm(i, 'common_phrase')).toBeGreaterThanOrEqual(0);
    expect(findTerm(i, 'zorp_blip')).toBeGreaterThanOrEqual(0);
    expect(findTerm(i, 'unique')).toBeGreaterThanOrEqual(0);
  });
});

describe('query', () => {
  it('knows words outside the index, stemmed', () => {
    expect(hasUnknownWord(index, 'pushes yaml')).toBe(false);
    expect(hasUnknownWord(index, 'yaml zorp')).toBe(true);
    expect(hasUnknownWord(index, 'the of')).toBe(false);
  });

  it('corrects words of five letters or more, one edit under eight letters and two from eight', () => {
    const ids = (q: string) => search(index, q).hits.map((h) => h.id);
    expect(ids('agentles')).toEqual(['alpha']);
    expect(ids('agntlss')).toEqual([]);
    expect(ids('agentlxsx')).toEqual(['alpha']);
    expect(ids('yaml')).toEqual(['alpha']);
    expect(ids('yamm')).toEqual([]);
    expect(ids('catalgo')).toEqual(['beta']);
    expect(ids('xatalog')).toEqual(['beta']);
    expect(ids('xxtalog')).toEqual([]);
    const r = search(index, 'agentles');
    expect(r.hits[0]!.terms).toEqual(['agentless']);
  });

  it('excludes the two words after a negation from the query', () => {
    const hits = search(index, 'without yaml ssh catalog').hits;
    expect(hits[0]!.terms).toEqual(['catalog']);
    expect(search(index, 'without').hits).toEqual([]);
  });

  it('reads at most 32 words of a query', () => {
    const filler = Array.from({ length: 32 }, (_, i) => `zz${i}`).join(' ');
    expect(search(index, `${filler} yaml`).hits).toEqual([]);
    expect(search(index, `yaml ${filler}`).hits.map((h) => h.id)).toEqual(['alpha']);
  });
});
