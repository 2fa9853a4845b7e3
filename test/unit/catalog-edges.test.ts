/**
 * Edges of the catalog rules that the main rule tests leave open: choose's order over any mix of active and
 * retired tools, empty values in comparisons, peers across categories, graph depth limits and edge
 * de-duplication, and filters over closed and open value sets.
 */
import { describe, expect, it } from 'vitest';
import { chooseTools } from '../../src/catalog/choose.js';
import { buildComparison } from '../../src/catalog/compare.js';
import { applyFilters, parseFilters } from '../../src/catalog/filter.js';
import { graphAround, graphOfCategory, relationsOf } from '../../src/catalog/relations.js';
import { toSummary, type ToolSummary } from '../../src/catalog/types.js';
import { miniCatalog } from './fixture.js';
import { lazy, lazyArray } from './lazy.js';

const catalog = lazy(miniCatalog);
const tools = lazyArray(() => catalog.tools.map(toSummary));
const byId = (id: string) => tools.find((t) => t.id === id)!;
const rel = (alternatives: string[] = [], uses: string[] = [], integrates: string[] = []) => ({ alternatives, uses, integrates });
const tool = (id: string, over: Partial<ToolSummary> = {}): ToolSummary => ({ ...byId('alpha'), id, name: id.toUpperCase(), related: rel(), ...over });

describe('choose order', () => {
  it('puts active tools first, then by score, fewer unknowns and id, whatever the input order', () => {
    const needs = parseFilters(['mode=push'], catalog.categories);
    const t = (id: string, status: ToolSummary['status'], mode?: string) => tool(id, { status, facets: mode ? { mode } : {} });
    const mixed = [t('r1', 'archived', 'push'), t('a1', 'active', 'pull'), t('r2', 'deprecated', 'pull'), t('a2', 'active', 'push'), t('a3', 'active'), t('r3', 'archived')];
    for (const order of [mixed, [...mixed].reverse(), [mixed[2]!, mixed[0]!, mixed[4]!, mixed[1]!, mixed[5]!, mixed[3]!]]) {
      expect(chooseTools(order, needs).map((c) => c.id)).toEqual(['a2', 'a1', 'a3', 'r1', 'r2', 'r3']);
    }
  });

  it('counts partial only for = needs on a facet that says partial', () => {
    const needs = parseFilters(['dryRun!=true', 'dryRun=true'], catalog.categories);
    const [c] = chooseTools([byId('alpha')], needs);
    expect([c!.met, c!.partial, c!.missed]).toEqual([['dryRun'], ['dryRun'], []]);
    const lists = chooseTools([tool('l', { facets: { platforms: ['linux'] } }), tool('e', { facets: { platforms: [] } })], parseFilters(['platforms=linux'], catalog.categories));
    expect(lists.map((x) => [x.id, x.met, x.unknown])).toEqual([['l', ['platforms'], []], ['e', [], ['platforms']]]);
  });
});

describe('comparison of empty values', () => {
  it('treats an empty string or list as missing, and never calls two missing values the same', () => {
    const a = tool('a', { facets: { dsl: '', platforms: [], mode: 'push' }, maintainer: '' });
    const b = tool('b', { facets: { dsl: 'x', platforms: ['linux'], mode: 'push' }, maintainer: null });
    const c = buildComparison([a, b], catalog.categories);
    const row = (k: string) => c.rows.find((r) => r.key === k);
    expect(row('dsl')).toMatchObject({ same: false, values: { a: null, b: 'x' } });
    expect(row('platforms')).toMatchObject({ same: false, values: { a: null, b: ['linux'] } });
    expect(row('mode')?.same).toBe(true);
    expect(row('maintainer')).toBeUndefined();
    expect(row('since')).toBeUndefined();
  });

  it('labels every fixed row', () => {
    const c = buildComparison([byId('alpha'), byId('beta')], catalog.categories);
    expect(c.rows.map((r) => [r.key, r.label])).toEqual([
      ['agent', 'Agent'], ['mode', 'Push or pull'], ['dryRun', 'Dry run'], ['dsl', 'Config language'], ['platforms', 'Platforms'],
      ['license', 'License'], ['language', 'Language'], ['firstRelease', 'First release'], ['maintainer', 'Maintainer'], ['hosting', 'Hosting'], ['status', 'Status'], ['lastLicenceChange', 'Last licence change'],
      ['alternatives', 'Alternatives'], ['integrates', 'Integrates with'], ['pickWhen', 'Pick it when'],
    ]);
  });
});

describe('relations across categories', () => {
  const others = () => [
    tool('a', { category: 'x', categories: ['x'], related: rel(['b', 'c'], ['d'], ['e']) }),
    tool('b', { category: 'x', categories: ['x'], related: rel(['a']) }),
    tool('c', { category: 'y', categories: ['y', 'x'], related: rel([], [], ['a']) }),
    tool('d', { category: 'y', categories: ['y'], related: rel([], ['e']) }),
    tool('e', { category: 'z', categories: ['z'], related: rel([], [], ['zz-missing']) }),
  ];

  it('lists peers of the same primary category only', () => {
    expect(relationsOf('a', others())).toMatchObject({ peers: ['b'], usedBy: [], alternativeTo: ['b'] });
    expect(relationsOf('e', others())).toMatchObject({ peers: [], usedBy: ['d'] });
  });

  it('walks both ways to the depth, keeps edges with one end inside the radius, and draws each alternative once', () => {
    const g = graphAround('a', others(), 1);
    expect(g.nodes.map((n) => [n.id, n.name, n.category, n.depth])).toEqual([['a', 'A', 'x', 0], ['d', 'D', 'y', 1], ['e', 'E', 'z', 1], ['b', 'B', 'x', 1], ['c', 'C', 'y', 1]]);
    expect(g.edges).toEqual([
      { from: 'a', to: 'd', kind: 'uses' },
      { from: 'a', to: 'e', kind: 'integrates' },
      { from: 'a', to: 'b', kind: 'alternative' },
      { from: 'a', to: 'c', kind: 'alternative' },
      { from: 'c', to: 'a', kind: 'integrates' },
    ]);
    // d uses e: both at depth 1, outside the explored radius.
    expect(g.edges.some((e) => e.from === 'd')).toBe(false);
    expect(graphAround('a', others(), 2).edges).toContainEqual({ from: 'd', to: 'e', kind: 'uses' });
    expect(graphAround('zz', others(), 1)).toEqual({ root: 'zz', nodes: [{ id: 'zz', name: 'zz', category: '', depth: 0 }], edges: [] });
  });

  it('draws a category with its primary and secondary members and only the edges among them', () => {
    const g = graphOfCategory('x', others());
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(g.edges).toEqual([
      { from: 'a', to: 'b', kind: 'alternative' },
      { from: 'a', to: 'c', kind: 'alternative' },
      { from: 'c', to: 'a', kind: 'integrates' },
    ]);
  });
});

describe('filters over value sets', () => {
  it('checks a key defined as an enum in one category and text in another as open', () => {
    const cats = [
      { ...catalog.categories[0]!, id: 'one', facets: [{ key: 'kind', label: 'Kind', type: 'enum' as const, values: ['a', 'b'] }] },
      { ...catalog.categories[0]!, id: 'two', facets: [{ key: 'kind', label: 'Kind', type: 'text' as const }] },
    ];
    expect(() => parseFilters(['kind=zzz'], cats)).not.toThrow();
    expect(() => parseFilters(['kind=zzz'], [cats[0]!])).toThrow("'zzz' is not a value of kind");
    expect(parseFilters(['kind=A'], [cats[0]!])).toEqual([{ key: 'kind', op: '=', value: 'A' }]);
  });

  it('lists facet keys in the unknown-key hint in sorted order, and reads keys with digits, dashes and underscores', () => {
    try {
      parseFilters(['zz=1'], catalog.categories);
      throw new Error('no error');
    } catch (e) {
      expect((e as { hint: string }).hint).toBe("common keys: license, language, firstRelease, maintainer, hosting, status, category, tag, name, id; a category's keys: devops-kb categories <category>");
    }
    expect(() => parseFilters(['k-1_x=1'], catalog.categories)).toThrow("unknown filter key 'k-1_x'");
    expect(() => parseFilters(['1k=1'], catalog.categories)).toThrow("cannot read filter '1k=1'");
    expect(() => parseFilters(['x license=MIT'], catalog.categories)).toThrow("cannot read filter 'x license=MIT'");
    expect(() => parseFilters(['firstRelease>=2012.'], catalog.categories)).toThrow('is not a number');
    expect(() => parseFilters(['firstRelease>=.5'], catalog.categories)).toThrow('is not a number');
    expect(() => parseFilters(['firstRelease>=20a12'], catalog.categories)).toThrow('is not a number');
  });

  it('compares bools and numbers as text where asked', () => {
    const t = tool('b', { facets: { dryRun: false, since: 2012 }, firstRelease: 'unknown' });
    const where = (e: string) => applyFilters([t], parseFilters([e], catalog.categories)).length === 1;
    expect(where('dryRun=false')).toBe(true);
    expect(where('dryRun=no')).toBe(true);
    expect(where('dryRun~fal')).toBe(true);
    expect(where('dryRun=yes')).toBe(false);
    expect(where('since>=2012')).toBe(true);
    expect(where('since~201')).toBe(true);
    expect(where('firstRelease>1')).toBe(false);
    expect(where('firstRelease=unknown')).toBe(true);
    expect(where('hosting=saas')).toBe(false);
    expect(where('language~pyth')).toBe(true);
  });
});
