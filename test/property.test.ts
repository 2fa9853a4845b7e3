import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dirStore } from '../src/store/dir-store.js';
import { parseToolNote } from '../src/catalog/note.js';
import { runSearch } from '../src/search/query.js';
import { renderTool } from '../src/render/show.js';
import { Chalk } from 'chalk';
import { colorThemeFrom, plainTheme } from '../src/render/theme.js';

const colorTheme = () => colorThemeFrom(new Chalk({ level: 1 }));
import { stripAnsi } from '../src/render/sanitize.js';
import { stringWidth } from '../src/render/width.js';
import { BUILTIN, run, widthBeforeUrl } from './helpers.js';

const store = dirStore(BUILTIN);
const memo = (() => {
  // One catalog for thousands of invocations: each file is parsed once.
  const tools = new Map<string, ReturnType<typeof store.tool>>();
  return { ...store, tool: (id: string) => tools.get(id) ?? (tools.set(id, store.tool(id)), tools.get(id)!) };
})();

const yamlish = fc.oneof(
  fc.string(),
  fc.constantFrom('id: x', 'name: X', 'category: containers', 'summary: s', 'facets:', '  daemon: true', 'related:', '  alternatives: [docker', '- a', 'key: [1, 2]', 'a: {b: c}', ': :', '"unterminated', 'firstRelease: 20xx', 'tags: !!binary aGVsbG8='),
);

describe('properties', () => {
  it('parses any frontmatter and Markdown into a note or positioned problems', () => {
    fc.assert(
      fc.property(fc.array(yamlish, { maxLength: 12 }), fc.string({ maxLength: 400 }), fc.boolean(), (lines, body, close) => {
        const text = `---\n${lines.join('\n')}\n${close ? '---\n' : ''}${body}`;
        const r = parseToolNote(text, 'tools/x.md');
        if (r.note === null) expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('searches any query: at most 10 hits, unique ids, positive scores sorted best first', () => {
    const index = memo.searchIndex();
    const word = fc.constantFrom('kubernetes', 'service', 'mesh', 'without', 'sidecar', 'no', 'terrafrom', 'k8s', 'docker', 'alternative', 'the', 'zzqx', 'log', 'agentles');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200, unit: 'binary' }), fc.array(word, { maxLength: 6 }).map((w) => w.join(' '))), (q) => {
        const hits = runSearch(index, q);
        expect(hits.length).toBeLessThanOrEqual(10);
        expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
        for (const h of hits) expect(h.score).toBeGreaterThan(0);
        for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
      }),
      { numRuns: 500 },
    );
  });

  it('renders any shipped note within any width', () => {
    const ids = memo.summaries().map((t) => t.id);
    const categories = memo.categories();
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.integer({ min: 20, max: 220 }), fc.boolean(), (id, width, color) => {
        const out = renderTool(memo.tool(id), categories, { width, theme: color ? colorTheme() : plainTheme });
        for (const line of stripAnsi(out).split('\n')) expect(widthBeforeUrl(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 300 },
    );
  });

  it('never ends 10,000 random invocations in an internal error', async () => {
    const ids = memo.summaries().map((t) => t.id);
    const word = fc.oneof(
      fc.constantFrom(...ids),
      fc.constantFrom('k8s', 'tf', 'Kubernetes', 'monitoring', 'service-mesh', 'chef', 'nope', '', ' ', '--', '-', '*', '.*', '[', '"', "'", '\\', '💥', 'ÿ', '\u001b[31m'),
      fc.string({ maxLength: 12 }),
    );
    const flag = fc.constantFrom('--json', '--diff', '--color', 'always', 'never', '--category', '-c', '--tag', '--where', 'license=MIT', 'x~', 'firstRelease>=2015', 'a=', '--format', 'markdown', 'dot', 'mermaid', '--depth', '3', '0', '--need', 'agent=none', '--limit', '2', '-n', '--no-pager', '--help');
    const command = fc.constantFrom('show', 'search', 'compare', 'list', 'categories', 'related', 'graph', 'choose', 'open', 'completion', 'bogus', '--version');
    const argv = fc.tuple(command, fc.array(fc.oneof(word, flag), { maxLength: 6 })).map(([c, rest]) => [c, ...rest]);
    const failures: string[][] = [];
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const r = await run(args, { io: { catalog: memo } });
        if (r.code === 4) failures.push(args);
        expect([0, 1, 2, 3]).toContain(r.code);
      }),
      { numRuns: 10_000 },
    );
    expect(failures).toEqual([]);
  }, 120_000);
});
