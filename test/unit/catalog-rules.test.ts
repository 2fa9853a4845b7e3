/**
 * The catalog's pure rules, each pinned by exact results on the mini fixture: every `--where` operator on
 * scalars and lists, facet value checks and formats, comparison rows and same-ness, relations, graphs and
 * choose, and the category schema's facet definitions.
 */
import { describe, expect, it } from 'vitest';
import { chooseTools } from '../../src/catalog/choose.js';
import { buildComparison, sharedCategories } from '../../src/catalog/compare.js';
import { checkFacetValue, facetKey, formatFacetValue } from '../../src/catalog/facets.js';
import { applyFilters, matches, parseFilters } from '../../src/catalog/filter.js';
import { parseCategoryNote } from '../../src/catalog/note.js';
import { graphAround, graphOfCategory, relationsOf } from '../../src/catalog/relations.js';
import { toSummary, type FacetDef, type ToolSummary } from '../../src/catalog/types.js';
import { UsageError } from '../../src/errors.js';
import { miniCatalog } from './fixture.js';
import { lazy, lazyArray } from './lazy.js';

const catalog = lazy(miniCatalog);
const tools = lazyArray(() => catalog.tools.map(toSummary));
const byId = (id: string) => tools.find((t) => t.id === id)!;
const where = (...exprs: string[]) => applyFilters(tools, parseFilters(exprs, catalog.categories)).map((t) => t.id);
const usage = (expr: string) => {
  try {
    parseFilters([expr], catalog.categories);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return { message: (e as UsageError).message, hint: (e as UsageError).hint };
  }
  throw new Error(`no error for ${expr}`);
};

describe('--where, operator by operator', () => {
  it('= on scalars and lists, case-insensitive; a list matches when any element does', () => {
    expect(where('license=mit')).toEqual(['alpha']);
    expect(where('license=MIT')).toEqual(['alpha']);
    expect(where('hosting=both')).toEqual(['beta']);
    expect(where('status=archived')).toEqual(['gamma']);
    expect(where('id=gamma')).toEqual(['gamma']);
    expect(where('name=alpha config')).toEqual(['alpha']);
    expect(where('firstRelease=2005')).toEqual(['beta']);
    expect(where('language=ruby')).toEqual(['beta']);
    expect(where('language=Clojure')).toEqual(['beta']);
    expect(where('platforms=linux')).toEqual(['alpha', 'beta']);
    expect(where('platforms=windows')).toEqual(['alpha']);
    expect(where('category=config-mgmt')).toEqual(['alpha', 'beta', 'gamma']);
    expect(where('tag=agent')).toEqual(['beta']);
    expect(where('agent=none')).toEqual(['alpha']);
    expect(where('agent=unknown')).toEqual([]);
  });

  it('= on bool facets takes true/false/yes/no and the qualifiers', () => {
    expect(where('dryRun=yes')).toEqual(['beta']);
    expect(where('dryRun=true')).toEqual(['beta']);
    expect(where('dryRun=TRUE')).toEqual(['beta']);
    expect(where('dryRun=no')).toEqual([]);
    expect(where('dryRun=partial')).toEqual(['alpha']);
  });

  it('!= on scalars, and on lists: no element equals (a tool without the value matches)', () => {
    expect(where('license!=MIT')).toEqual(['beta', 'gamma']);
    expect(where('agent!=none')).toEqual(['beta', 'gamma']);
    expect(where('language!=Ruby')).toEqual(['alpha', 'gamma']);
    expect(where('language!=clojure')).toEqual(['alpha', 'gamma']);
    expect(where('platforms!=linux')).toEqual(['gamma']);
    expect(where('dryRun!=yes')).toEqual(['alpha', 'gamma']);
  });

  it('~ is a case-insensitive substring on scalars and on any list element', () => {
    expect(where('maintainer~corp')).toEqual(['beta']);
    expect(where('license~apache')).toEqual(['beta']);
    expect(where('language~lo')).toEqual(['beta']);
    expect(where('tag~agent')).toEqual(['alpha', 'beta']);
    expect(where('dsl~dsl')).toEqual(['beta']);
    expect(where('name~A')).toEqual(['alpha', 'beta', 'gamma']);
    expect(where('firstRelease~201')).toEqual(['alpha', 'gamma']);
  });

  it('>=, <=, > and < compare numbers at their boundaries', () => {
    expect(where('firstRelease>=2012')).toEqual(['alpha', 'gamma']);
    expect(where('firstRelease>=2014')).toEqual(['gamma']);
    expect(where('firstRelease>=2015')).toEqual([]);
    expect(where('firstRelease<=2005')).toEqual(['beta']);
    expect(where('firstRelease<=2004')).toEqual([]);
    expect(where('firstRelease<=2012')).toEqual(['alpha', 'beta']);
    expect(where('firstRelease>2012')).toEqual(['gamma']);
    expect(where('firstRelease>2014')).toEqual([]);
    expect(where('firstRelease>2004')).toEqual(['alpha', 'beta', 'gamma']);
    expect(where('firstRelease<2012')).toEqual(['beta']);
    expect(where('firstRelease<2005')).toEqual([]);
    expect(where('firstRelease<2015')).toEqual(['alpha', 'beta', 'gamma']);
    expect(where('firstRelease>=2011.5')).toEqual(['alpha', 'gamma']);
    expect(where('firstRelease>-1')).toEqual(['alpha', 'beta', 'gamma']);
    // Text values that are not numbers never compare.
    expect(where('license>1')).toEqual([]);
  });

  it('needs every filter to hold', () => {
    expect(where('firstRelease>=2012', 'agent!=none')).toEqual(['gamma']);
    expect(where('firstRelease>=2012', 'agent!=none', 'status=active')).toEqual([]);
    expect(where()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('reads keys in any case and spaces around the operator, and keeps the operator whole', () => {
    expect(parseFilters([' FirstRelease >= 2012 '], catalog.categories)).toEqual([{ key: 'firstRelease', op: '>=', value: '2012' }]);
    expect(parseFilters(['DRYRUN!=yes'], catalog.categories)).toEqual([{ key: 'dryRun', op: '!=', value: 'yes' }]);
    expect(parseFilters(['firstRelease<=2012', 'firstRelease<2012', 'firstRelease>2012', 'tag~a', 'tag=a'], catalog.categories).map((f) => f.op)).toEqual(['<=', '<', '>', '~', '=']);
    expect(parseFilters(['maintainer=Beta Corp'], catalog.categories)[0]!.value).toBe('Beta Corp');
  });

  it('explains each usage error with a hint', () => {
    expect(usage('just words')).toEqual({ message: "cannot read filter 'just words'", hint: 'write KEY=VALUE, KEY!=VALUE, KEY~TEXT, or firstRelease>=2015' });
    expect(usage('tag~')).toEqual({ message: "filter 'tag~' has an empty value", hint: 'write tag~VALUE' });
    expect(usage('firstRelease>=soon')).toEqual({ message: "'>=' compares numbers, but 'soon' is not a number", hint: 'for example: firstRelease>=2015' });
    expect(usage('firstRelease<2x')).toMatchObject({ message: "'<' compares numbers, but '2x' is not a number" });
    const key = usage('agnet=none');
    expect(key.message).toBe("unknown filter key 'agnet'");
    expect(key.hint).toBe('did you mean agent? common keys: license, language, firstRelease, maintainer, hosting, status, category, tag, name, id; a category\'s keys: devops-kb categories <category>');
    expect(usage('colour=red').hint).toMatch(/^common keys: license, /);
    expect(usage('agent=nonee')).toEqual({ message: "'nonee' is not a value of agent", hint: 'did you mean none? agent takes: none, required, optional' });
    expect(usage('status=dead').hint).toBe('status takes: active, maintenance, deprecated, archived');
    expect(usage('hosting=cloud').message).toBe("'cloud' is not a value of hosting");
    expect(usage('dryRun=maybe').hint).toBe('dryRun takes: true, false, yes, no, partial, paid-only');
    expect(usage('agent!=sometimes').message).toBe("'sometimes' is not a value of agent");
    // Open values (text, list, ~) and `unknown` are not checked against a set.
    expect(() => parseFilters(['agent=Unknown', 'agent~non', 'dsl=anything', 'platforms=bsd'], catalog.categories)).not.toThrow();
  });

  it('matches one tool against one filter', () => {
    expect(matches(byId('beta'), { key: 'language', op: '=', value: 'ruby' })).toBe(true);
    expect(matches(byId('gamma'), { key: 'platforms', op: '=', value: 'linux' })).toBe(false);
    expect(matches(byId('gamma'), { key: 'platforms', op: '!=', value: 'linux' })).toBe(true);
  });
});

describe('facet values', () => {
  const def = (type: FacetDef['type'], values?: string[]): FacetDef => ({ key: 'k', label: 'K', type, ...(values ? { values } : {}) });

  it('checks enums case-insensitively and returns the canonical value', () => {
    expect(checkFacetValue(def('enum', ['push', 'pull']), 'PUSH')).toEqual({ ok: true, value: 'push' });
    expect(checkFacetValue(def('enum', ['true', 'false']), true)).toEqual({ ok: true, value: 'true' });
    expect(checkFacetValue(def('enum', ['push', 'pull']), 'unknown')).toEqual({ ok: true, value: 'unknown' });
    expect(checkFacetValue(def('enum', ['push', 'pull']), 'both')).toEqual({ ok: false, message: 'facet `k` must be one of push, pull (or unknown); got "both"', hint: 'pick the closest value, or write `k: unknown`' });
    expect(checkFacetValue(def('enum', ['1']), 1).ok).toBe(false);
  });

  it('checks bools, words for bools and the qualifiers', () => {
    expect(checkFacetValue(def('bool'), false)).toEqual({ ok: true, value: false });
    expect(checkFacetValue(def('bool'), 'Yes')).toEqual({ ok: true, value: true });
    expect(checkFacetValue(def('bool'), 'no')).toEqual({ ok: true, value: false });
    expect(checkFacetValue(def('bool'), 'TRUE')).toEqual({ ok: true, value: true });
    expect(checkFacetValue(def('bool'), 'Paid-Only')).toEqual({ ok: true, value: 'paid-only' });
    expect(checkFacetValue(def('bool'), 'maybe')).toEqual({ ok: false, message: 'facet `k` must be true, false, partial, paid-only or unknown; got "maybe"', hint: 'write `k: true`' });
    expect(checkFacetValue(def('bool'), 1).ok).toBe(false);
  });

  it('checks years between 1950 and 2100', () => {
    for (const y of [1950, 2012, 2100]) expect(checkFacetValue(def('year'), y)).toEqual({ ok: true, value: y });
    for (const y of [1949, 2101, 2012.5, '2012']) expect(checkFacetValue(def('year'), y).ok, String(y)).toBe(false);
    expect(checkFacetValue(def('year'), 99)).toEqual({ ok: false, message: 'facet `k` must be a four-digit year or unknown; got 99', hint: 'write `k: 2015`' });
  });

  it('trims text and accepts numbers and bools as text', () => {
    expect(checkFacetValue(def('text'), '  Ruby DSL ')).toEqual({ ok: true, value: 'Ruby DSL' });
    expect(checkFacetValue(def('text'), 3)).toEqual({ ok: true, value: '3' });
    expect(checkFacetValue(def('text'), true)).toEqual({ ok: true, value: 'true' });
    expect(checkFacetValue(def('text'), '   ')).toEqual({ ok: false, message: 'facet `k` must be a short text; got "   "', hint: 'write `k: some text`' });
    expect(checkFacetValue(def('text'), ['a']).ok).toBe(false);
  });

  it('takes lists (or one string), trims items, drops empty ones and refuses split brackets', () => {
    expect(checkFacetValue(def('list'), [' a ', 2, ''])).toEqual({ ok: true, value: ['a', '2'] });
    expect(checkFacetValue(def('list'), 'solo')).toEqual({ ok: true, value: ['solo'] });
    expect(checkFacetValue(def('list'), ['ok (fine)', 'b[c]', '{d}'])).toEqual({ ok: true, value: ['ok (fine)', 'b[c]', '{d}'] });
    for (const bad of [['unix (aix', 'solaris)'], ['a)'], ['(a'], ['a]['], ['a}']]) {
      const r = checkFacetValue(def('list'), bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
    const r = checkFacetValue(def('list'), ['unix (aix', 'solaris)']);
    expect(r).toMatchObject({ ok: false, message: 'facet `k` has an item with an unbalanced bracket, "unix (aix": YAML splits a list at every comma, brackets included' });
    expect(checkFacetValue(def('list'), [{ a: 1 }])).toEqual({ ok: false, message: 'facet `k` must be a list of short texts; got [{"a":1}]', hint: 'write `k: [a, b]`' });
    expect(checkFacetValue(def('list'), 5).ok).toBe(false);
  });

  it('formats values for cells and keys them for comparison (lists ignore order and case)', () => {
    expect([true, false, null, undefined, [], ['a', 'b'], 2012, 'x'].map((v) => formatFacetValue(v as never))).toEqual(['yes', 'no', '—', '—', '—', 'a, b', '2012', 'x']);
    expect(facetKey(['Windows', 'linux'])).toBe(facetKey(['linux', 'windows']));
    expect(facetKey(['linux', 'windows'])).toBe('["linux","windows"]');
    expect(facetKey('YAML')).toBe('yaml');
    expect(facetKey(null)).toBe('');
    expect(facetKey(undefined)).toBe('');
    expect(facetKey(true)).toBe('true');
    expect(facetKey(2012)).toBe('2012');
  });
});

describe('comparison rows', () => {
  const alpha = lazy(() => byId('alpha'));
  const twin: ToolSummary = lazy(() => ({ ...alpha, id: 'twin', name: 'Twin', facets: { ...alpha.facets, platforms: ['Windows', 'LINUX'], dsl: 'yaml' }, pickWhen: null, related: { alternatives: ['beta'], uses: [], integrates: [] } }));
  const c = lazy(() => buildComparison([byId('alpha'), { ...twin }], catalog.categories));
  const row = (key: string) => c.rows.find((r) => r.key === key);

  it('counts lists equal in another order or case, and text equal in another case, as the same', () => {
    expect(row('platforms')).toMatchObject({ same: true, values: { alpha: ['linux', 'windows'], twin: ['Windows', 'LINUX'] } });
    expect(row('dsl')?.same).toBe(true);
    expect(row('agent')?.same).toBe(true);
    expect(row('alternatives')?.same).toBe(true);
  });

  it('marks a value missing on one side as a difference, and drops rows empty on every side', () => {
    expect(row('pickWhen')).toMatchObject({ same: false, values: { alpha: 'you want no agents', twin: null } });
    expect(row('since')).toBeUndefined();
    expect(row('integrates')).toBeUndefined();
    expect(c.rows.map((r) => r.key)).toEqual(['agent', 'mode', 'dryRun', 'dsl', 'platforms', 'license', 'language', 'firstRelease', 'maintainer', 'hosting', 'status', 'lastLicenceChange', 'alternatives', 'pickWhen']);
    expect(c.rows.map((r) => r.kind)).toEqual(['facet', 'facet', 'facet', 'facet', 'facet', 'common', 'common', 'common', 'common', 'common', 'common', 'common', 'relation', 'pick']);
  });

  it('lists uses under "Integrates with" and marks differences between the fixture tools', () => {
    const ab = buildComparison([alpha, byId('beta'), byId('gamma')], catalog.categories);
    const r = (key: string) => ab.rows.find((x) => x.key === key);
    expect(r('integrates')).toMatchObject({ label: 'Integrates with', same: false, values: { alpha: null, beta: ['gamma'], gamma: null } });
    expect(r('agent')).toMatchObject({ label: 'Agent', same: false, values: { alpha: 'none', beta: 'required', gamma: 'optional' } });
    expect(r('mode')?.values).toEqual({ alpha: 'push', beta: 'pull', gamma: null });
    expect(ab.tools).toEqual([
      { id: 'alpha', name: 'Alpha Config', category: 'config-mgmt', status: 'active' },
      { id: 'beta', name: 'Beta', category: 'config-mgmt', status: 'active' },
      { id: 'gamma', name: 'Gamma', category: 'config-mgmt', status: 'archived' },
    ]);
  });

  it('marks nothing as different when one tool is compared alone (compare --category with one member)', () => {
    const one = buildComparison([alpha], catalog.categories);
    expect(one.rows.length).toBeGreaterThan(3);
    expect(one.rows.every((r) => r.same)).toBe(true);
    const two = buildComparison([alpha, byId('beta')], catalog.categories);
    expect(two.rows.find((r) => r.key === 'pickWhen')?.same).toBe(false);
  });

  it('uses shared categories, or across categories only the facet keys every tool has', () => {
    expect(sharedCategories([{ categories: ['a', 'b', 'c'] }, { categories: ['c', 'b'] }])).toEqual(['b', 'c']);
    expect(sharedCategories([])).toEqual([]);
    const cats = [
      { id: 'x', name: 'X', summary: '', sections: [], path: '', facets: [{ key: 'license2', label: 'L', type: 'text' as const }, { key: 'onlyX', label: 'OX', type: 'text' as const }] },
      { id: 'y', name: 'Y', summary: '', sections: [], path: '', facets: [{ key: 'license2', label: 'L', type: 'text' as const }, { key: 'onlyY', label: 'OY', type: 'text' as const }] },
    ];
    const tx: ToolSummary = { ...alpha, id: 'tx', category: 'x', also: [], categories: ['x'], facets: { license2: 'a', onlyX: 'b' } };
    const ty: ToolSummary = { ...alpha, id: 'ty', category: 'y', also: [], categories: ['y'], facets: { license2: 'a', onlyY: 'c' } };
    const cross = buildComparison([tx, ty], cats);
    expect(cross.categories).toEqual(['x', 'y']);
    expect(cross.rows.filter((r) => r.kind === 'facet').map((r) => [r.key, r.same])).toEqual([['license2', true]]);
  });
});

describe('relations and graphs', () => {
  it('gives forward and reverse relations and peers', () => {
    expect(relationsOf('gamma', tools)).toEqual({ id: 'gamma', alternatives: [], uses: [], integrates: [], usedBy: ['beta'], alternativeTo: [], peers: ['alpha', 'beta'] });
    expect(relationsOf('alpha', tools)).toEqual({ id: 'alpha', alternatives: ['beta'], uses: [], integrates: [], usedBy: [], alternativeTo: ['beta'], peers: ['beta', 'gamma'] });
    expect(() => relationsOf('nope', tools)).toThrow('no tool nope');
  });

  it('walks the graph both ways to a depth, and draws a symmetric alternative once', () => {
    const g1 = graphAround('gamma', tools, 1);
    expect(g1.nodes).toEqual([
      { id: 'gamma', name: 'Gamma', category: 'config-mgmt', depth: 0 },
      { id: 'beta', name: 'Beta', category: 'config-mgmt', depth: 1 },
    ]);
    expect(g1.edges).toEqual([{ from: 'beta', to: 'gamma', kind: 'uses' }]);
    const g2 = graphAround('gamma', tools, 2);
    expect(g2.nodes.map((n) => [n.id, n.depth])).toEqual([['gamma', 0], ['beta', 1], ['alpha', 2]]);
    expect(g2.edges).toEqual([
      { from: 'alpha', to: 'beta', kind: 'alternative' },
      { from: 'beta', to: 'gamma', kind: 'uses' },
    ]);
    expect(graphAround('gamma', tools, 0)).toEqual({ root: 'gamma', nodes: [{ id: 'gamma', name: 'Gamma', category: 'config-mgmt', depth: 0 }], edges: [] });
  });

  it('draws a category with every member and the edges among them', () => {
    const g = graphOfCategory('config-mgmt', tools);
    expect(g.root).toBeNull();
    expect(g.nodes.map((n) => n.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(g.edges).toEqual([
      { from: 'alpha', to: 'beta', kind: 'alternative' },
      { from: 'beta', to: 'gamma', kind: 'uses' },
    ]);
    expect(graphOfCategory('nope', tools)).toEqual({ root: null, nodes: [], edges: [] });
  });
});

describe('choose', () => {
  const needs = (...exprs: string[]) => parseFilters(exprs, catalog.categories);

  it('ranks by needs met, a partial value counting half, and says what each meets, misses or leaves unknown', () => {
    const ranked = chooseTools(tools, needs('dryRun=true', 'mode=push'));
    expect(ranked.map((c) => [c.id, c.score, c.met, c.partial, c.missed, c.unknown])).toEqual([
      ['alpha', 1.5, ['mode'], ['dryRun'], [], []],
      ['beta', 1, ['dryRun'], [], ['mode'], []],
      ['gamma', 0, [], [], [], ['dryRun', 'mode']],
    ]);
    expect(ranked[0]!.reason).toBe('you want no agents');
    expect(ranked[0]!.name).toBe('Alpha Config');
  });

  it('ranks retired tools last whatever their score, then fewer unknowns, then by id', () => {
    const ranked = chooseTools(tools, needs('agent=optional'));
    expect(ranked.map((c) => [c.id, c.score, c.status])).toEqual([['alpha', 0, 'active'], ['beta', 0, 'active'], ['gamma', 1, 'archived']]);
    const unknowns = chooseTools(tools.filter((t) => t.id !== 'gamma'), needs('mode=push', 'since=2010'));
    expect(unknowns.map((c) => c.id)).toEqual(['alpha', 'beta']);
    const fewer = chooseTools([byId('beta'), { ...byId('alpha'), id: 'a-unknown', facets: {} }], needs('mode=push'));
    expect(fewer.map((c) => c.id)).toEqual(['beta', 'a-unknown']);
  });

  it('treats unknown, empty and missing values as unknown, common fields included', () => {
    const odd: ToolSummary = { ...byId('alpha'), id: 'odd', facets: { mode: 'unknown', platforms: [] }, license: null };
    const [c] = chooseTools([odd], needs('mode=push', 'platforms=linux', 'license=MIT', 'dsl=YAML'));
    expect(c!.unknown).toEqual(['mode', 'platforms', 'license', 'dsl']);
    expect(chooseTools([byId('alpha')], needs('license=MIT'))[0]!.met).toEqual(['license']);
  });
});

describe('category facet definitions', () => {
  const parse = (facets: string[]) =>
    parseCategoryNote(['---', 'id: cat', 'name: Cat', 'summary: s.', 'facets:', ...facets.map((f) => `  - ${f}`), '---', '## Overview', 'x'].join('\n'), 'categories/cat.md');
  const problems = (facets: string[]) => parse(facets).problems.map((p) => [p.line, p.message, p.hint]);

  it('accepts each type, keeps labels and questions, and falls back to the key as label', () => {
    const r = parse(['{ key: agent, label: " Agent ", type: enum, values: [none, some], question: Why? }', '{ key: dryRun, type: bool }', '{ key: since, label: Since, type: year }', '{ key: dsl, label: DSL, type: text }', '{ key: os, label: OS, type: list }']);
    expect(r.problems).toEqual([]);
    expect(r.note?.facets).toEqual([
      { key: 'agent', label: 'Agent', type: 'enum', values: ['none', 'some'], question: 'Why?' },
      { key: 'dryRun', label: 'dryRun', type: 'bool' },
      { key: 'since', label: 'Since', type: 'year' },
      { key: 'dsl', label: 'DSL', type: 'text' },
      { key: 'os', label: 'OS', type: 'list' },
    ]);
  });

  it('refuses an enum without values, a key not in camelCase, a duplicate key and an unknown type, each on its line', () => {
    expect(problems(['{ key: kind, label: Kind, type: enum }'])).toEqual([[6, 'enum facet `kind` lists no values', 'add `values: [a, b, c]`']]);
    expect(problems(['{ key: kind, label: Kind, type: enum, values: [] }'])).toEqual([[6, 'enum facet `kind` lists no values', 'add `values: [a, b, c]`']]);
    expect(problems(['{ key: Kind-Of, label: K, type: text }'])).toEqual([[6, 'facet key "Kind-Of" must be camelCase', 'use a key such as `configLanguage`']]);
    expect(problems(['{ label: K, type: text }'])).toEqual([[6, 'facet key null must be camelCase', 'use a key such as `configLanguage`']]);
    expect(problems(['{ key: a, label: A, type: text }', '{ key: a, label: B, type: bool }'])).toEqual([[7, 'facet `a` is defined twice', 'keep one definition per key']]);
    expect(problems(['{ key: a, label: A, type: number }'])).toEqual([[6, 'facet `a` has type "number"; expected one of enum, bool, year, text, list', 'set `type: enum` (with `values`), `bool`, `year`, `text` or `list`']]);
    expect(problems(['just-a-string'])).toEqual([[6, 'a facet must be a mapping with key, label and type', 'write `- { key: agent, label: Agent, type: bool }`']]);
    // A refused definition is left out; the others stay.
    expect(parse(['{ key: kind, type: enum }', '{ key: ok, type: bool }']).note?.facets.map((f) => f.key)).toEqual(['ok']);
  });

  it('refuses facets that are not a list', () => {
    const r = parseCategoryNote('---\nid: cat\nname: Cat\nsummary: s.\nfacets: { a: 1 }\n---\n', 'categories/cat.md');
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[5, '`facets` must be a list of facet definitions']]);
  });
});
