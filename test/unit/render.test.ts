import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../src/catalog/compare.js';
import { toSummary } from '../../src/catalog/types.js';
import { comparisonMarkdown, renderComparison } from '../../src/render/compare.js';
import { stripAnsi } from '../../src/render/sanitize.js';
import { renderTool } from '../../src/render/show.js';
import { Chalk } from 'chalk';
import { colorThemeFrom, plainTheme } from '../../src/render/theme.js';

const colorTheme = () => colorThemeFrom(new Chalk({ level: 1 }));
import { stringWidth, wrap } from '../../src/render/width.js';
import { miniCatalog } from './fixture.js';
import { widthBeforeUrl } from '../helpers.js';
import { lazy, lazyArray } from './lazy.js';

const catalog = lazy(miniCatalog);
// URLs may overflow (they are never broken), so a line ending in one is measured up to the URL.
const widest = (s: string) => Math.max(...s.split('\n').map(widthBeforeUrl));

describe('wrap', () => {
  it('breaks long words after hyphens before breaking inside them', () => {
    expect(wrap('single-binary-raft', 10)).toEqual(['single-', 'binary-', 'raft']);
  });

  it('never exceeds the width, for any text and width', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 120 }), fc.string({ maxLength: 4 }), (text, width, indent) => {
        for (const line of wrap(text, width + 5, indent.replace(/\s/g, '-'))) expect(stringWidth(line)).toBeLessThanOrEqual(width + 5);
      }),
      { numRuns: 300 },
    );
  });

  it('counts wide characters as two columns', () => {
    expect(stringWidth('日本')).toBe(4);
    for (const line of wrap('日本語のテキスト '.repeat(10), 11)) expect(stringWidth(line)).toBeLessThanOrEqual(11);
  });
});

// The sanitizer's exact outputs and its property test live in sanitize.test.ts.

describe('renderTool', () => {
  const alpha = lazy(() => catalog.tools.find((t) => t.id === 'alpha')!);

  it('lays out facts, facets, sections and relations', () => {
    const out = renderTool(alpha, catalog.categories, { width: 80, theme: plainTheme });
    expect(out).toMatch(/^Alpha Config — Config management/);
    expect(out).toMatch(/License\s+MIT/);
    expect(out).toMatch(/Agent\s+none/);
    expect(out).toMatch(/Dry run\s+partial/);
    expect(out).toContain('• connects over SSH');
    expect(out).toMatch(/Alternatives\s+beta/);
  });

  it('carries no escapes in the plain theme and some with color', () => {
    expect(renderTool(alpha, catalog.categories, { width: 80, theme: plainTheme })).not.toContain('\x1b');
    expect(renderTool(alpha, catalog.categories, { width: 80, theme: colorTheme() })).toContain('\x1b[');
  });

  it('flags a retired tool with its replacement', () => {
    const gamma = catalog.tools.find((t) => t.id === 'gamma')!;
    expect(renderTool(gamma, catalog.categories, { width: 80, theme: plainTheme })).toContain('ARCHIVED since 2019; replaced by alpha');
  });

  it('fits any width from 20 to 200 columns', () => {
    for (const width of [20, 33, 60, 80, 120, 200]) {
      for (const t of catalog.tools) expect(widest(stripAnsi(renderTool(t, catalog.categories, { width, theme: colorTheme() })))).toBeLessThanOrEqual(width);
    }
  });
});

describe('comparison', () => {
  const tools = lazyArray(() => catalog.tools.map(toSummary));
  const c = lazy(() => buildComparison(tools.filter((t) => t.id !== 'gamma'), catalog.categories));

  it('uses the category facets in order, then common rows, and marks differences', () => {
    expect(c.categories).toEqual(['config-mgmt']);
    expect(c.rows.slice(0, 5).map((r) => r.key)).toEqual(['agent', 'mode', 'dryRun', 'dsl', 'platforms']);
    expect(c.rows.find((r) => r.key === 'agent')).toMatchObject({ same: false, values: { alpha: 'none', beta: 'required' } });
    expect(c.rows.find((r) => r.key === 'hosting')?.values).toEqual({ alpha: 'self-hosted', beta: 'both' });
  });

  it('renders side by side within the width, and stacked when too narrow', () => {
    for (const width of [40, 60, 80, 120]) {
      const out = renderComparison(c, ['Config management'], { width, theme: plainTheme });
      expect(widest(out)).toBeLessThanOrEqual(width);
    }
    const wide = renderComparison(c, ['Config management'], { width: 100, theme: plainTheme });
    expect(wide).toMatch(/≠ Agent\s+none\s+required/);
    const narrow = renderComparison(c, ['Config management'], { width: 24, theme: plainTheme });
    expect(narrow).toMatch(/≠ Agent\n {2}Alpha\s+none\n {2}Beta\s+required/);
  });

  it('snapshots at 60 and 100 columns', () => {
    expect(renderComparison(c, ['Config management'], { width: 60, theme: plainTheme })).toMatchSnapshot();
    expect(renderComparison(c, ['Config management'], { width: 100, theme: plainTheme })).toMatchSnapshot();
  });

  it('renders a Markdown table with one row per facet', () => {
    const md = comparisonMarkdown(c, ['Config management']);
    const lines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(lines[0]).toBe('| | Alpha Config | Beta |');
    expect(lines[1]).toBe('|---|---|---|');
    expect(lines).toHaveLength(2 + c.rows.length);
    for (const l of lines) expect(l.split(/(?<!\\)\|/).length).toBe(5);
  });
});
