import { describe, expect, it } from 'vitest';
import { applyFilters, parseFilters } from '../../src/catalog/filter.js';
import { toSummary } from '../../src/catalog/types.js';
import { UsageError } from '../../src/errors.js';
import { miniCatalog } from './fixture.js';
import { lazy, lazyArray } from './lazy.js';

const catalog = lazy(miniCatalog);
const tools = lazyArray(() => catalog.tools.map(toSummary));
const where = (...exprs: string[]) => applyFilters(tools, parseFilters(exprs, catalog.categories)).map((t) => t.id);

describe('facet filters', () => {
  it('matches values case-insensitively, lists by any element', () => {
    expect(where('language=python')).toEqual(['alpha']);
    expect(where('language=Clojure')).toEqual(['beta']);
    expect(where('platforms=windows')).toEqual(['alpha']);
  });

  it('supports !=, ~ and year comparisons, all of which must hold', () => {
    expect(where('agent!=none')).toEqual(['beta', 'gamma']);
    expect(where('maintainer~corp', 'license~apache')).toEqual(['beta']);
    expect(where('firstRelease>=2012')).toEqual(['alpha', 'gamma']);
    expect(where('firstRelease<2008')).toEqual(['beta']);
    expect(where('dryRun=yes')).toEqual(['beta']);
    expect(where('status=archived', 'tag~ssh')).toEqual([]);
    expect(() => where('tag~')).toThrow(/empty value/);
  });

  it('rejects unknown keys with the valid ones listed', () => {
    expect(() => parseFilters(['colour=red'], catalog.categories)).toThrow(UsageError);
    expect(() => parseFilters(['colour=red'], catalog.categories)).toThrow(expect.objectContaining({ hint: expect.stringMatching(/common keys: license, .*devops-kb categories <category>/) }));
    expect(() => parseFilters(['firstRelease>=soon'], catalog.categories)).toThrow(/not a number/);
    expect(() => parseFilters(['just words'], catalog.categories)).toThrow(/cannot read filter/);
  });
});
