/** The site renderer's pure parts (escaping, Markdown sanitizing, SVG clean-up) and the `site` command's contract. */
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, safeUrl, scriptJson } from '../../src/site/html.js';
import { markdownToHtml } from '../../src/site/markdown.js';
import { drawable, inlineSvg, MAX_EDGES } from '../../src/site/graphs.js';
import { json, run } from '../helpers.js';
import { memoryStore } from '../../src/store/memory.js';
import { deserializeSearchIndex } from '../../src/search/layout.js';
import { search } from '../../src/search/query.js';
import { miniCatalog } from './fixture.js';

describe('site renderer', () => {
  it('escapes interpolated text and passes nested markup through', () => {
    const name = `<img src=x onerror="alert(1)"> & 'q'`;
    expect(html`<p title="${name}">${name}</p>`.html).toBe('<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;</p>');
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.html).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(html`${raw('<b>ok</b>')}${null}${false}${0}`.html).toBe('<b>ok</b>0');
    expect(escapeHtml('"<>')).toBe('&quot;&lt;&gt;');
  });

  it('keeps only http(s) and mailto URLs from notes', () => {
    expect(safeUrl('https://example.org')).toBe('https://example.org');
    expect(safeUrl(' javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });

  it('writes data scripts that a note cannot end early', () => {
    expect(scriptJson({ s: '</script><script>alert(1)</script>\u2028' })).not.toMatch(/<|\u2028/);
    expect(JSON.parse(scriptJson({ s: '</script>' }))).toEqual({ s: '</script>' });
  });

  it('renders note Markdown without scripts, event handlers or javascript: links', () => {
    const out = markdownToHtml(['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '', '[bad](javascript:alert(3)) [good](https://example.org) `code`', '', '# Title'].join('\n'));
    expect(out).not.toMatch(/<script|onerror|javascript:|alert\(1\)/);
    expect(out).toContain('<a href="https://example.org">good</a>');
    expect(out).toContain('<code>code</code>');
    expect(out).toContain('<h3>Title</h3>');
  });

  it('cuts graphs too big to read down to uses and alternatives, keeping the root', () => {
    const nodes = Array.from({ length: MAX_EDGES + 3 }, (_, i) => ({ id: `t${i}`, name: `T${i}`, category: 'c', depth: i ? 1 : 0 }));
    const edges = nodes.slice(1).map((n, i) => ({ from: 't0', to: n.id, kind: i < 2 ? ('uses' as const) : ('integrates' as const) }));
    const { graph, dropped } = drawable({ root: 't0', nodes, edges });
    expect(dropped).toBe(true);
    expect(graph.nodes.map((n) => n.id)).toEqual(['t0', 't1', 't2']);
    expect(graph.edges).toHaveLength(2);
    expect(drawable({ root: 't0', nodes: nodes.slice(0, 3), edges: edges.slice(0, 2) }).dropped).toBe(false);
  });

  it('cleans Graphviz SVG for inline use', () => {
    const svg = '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "x" "y">\n<!-- a -->\n<svg width="62pt" height="116pt" viewBox="0 0 62 116"><polygon fill="white" stroke="none" points=""/></svg>';
    const out = inlineSvg(svg, 'Graph of "x"');
    expect(out).toMatch(/^<svg class="graph-svg" role="group" aria-label="Graph of &#34;x&#34;" width="83" height="155"/);
    expect(out).not.toMatch(/<\?xml|DOCTYPE|<!--|fill="white"/);
  });
});

describe('devops-kb site', () => {
  const tmp = () => mkdtempSync(path.join(tmpdir(), 'devops-kb-site-unit-'));

  it('refuses a folder that is not empty, or a file, with exit 2', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'keep.txt'), 'x');
    const r = await run(['site', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty/);
    const f = await run(['site', path.join(dir, 'keep.txt')]);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/not a folder/);
    expect((await run(['site'])).code).toBe(2);
  });

  it('searches team notes changed since the last full compile (the site indexes a delta afresh)', async () => {
    const notes = path.join(tmp(), 'team');
    mkdirSync(path.join(notes, 'tools'), { recursive: true });
    const note = (word: string) => `---\nid: team-box\nname: Team Box\ncategory: ci-cd\nsummary: Runs ${word} builds for the team.\n---\n\n## Overview\nInternal.\n`;
    const file = path.join(notes, 'tools', 'team-box.md');
    writeFileSync(file, note('nightly'));
    const env = { DEVOPS_KB_PATH: notes, XDG_CACHE_HOME: path.join(tmp(), 'cache') };
    expect((await run(['search', 'nightly'], { env })).code).toBe(0);
    writeFileSync(file, note('quokka'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect((await run(['search', 'quokka', '--json'], { env })).stdout).toContain('team-box'); // through the delta
    const out = path.join(tmp(), 'site');
    expect((await run(['site', out, '--no-graphs'], { env })).code).toBe(0);
    const kb = new Function('self', `${readFileSync(path.join(out, 'data', 'search.js'), 'utf8')}; return self.KB;`)({}) as { search: { meta: string; terms: string; bin: string } };
    const index = deserializeSearchIndex(kb.search.meta, kb.search.terms, Buffer.from(kb.search.bin, 'base64'));
    expect(search(index, 'quokka').hits[0]?.id).toBe('team-box');
    expect(search(index, 'nightly').hits.map((h) => h.id)).not.toContain('team-box'); // the edit replaced the old text
    expect(index.ids).toContain('kubernetes');
  }, 60_000);

  it('writes the public layout into a new folder: one page per tool and category, data and assets', async () => {
    // The small fixture catalog keeps this quick; the browser tests build the shipped catalog.
    const io = { catalog: memoryStore(miniCatalog()) };
    const out = path.join(tmp(), 'new', 'site');
    const r = await run(['site', out, '--json'], { io });
    expect(r.code, r.stderr).toBe(0);
    const result = json<{ tools: number; categories: number; pages: number; graphs: number }>(r);
    expect(result).toMatchObject({ tools: 3, categories: 1, pages: 7 });
    expect(result.graphs).toBeGreaterThan(0);
    expect(readdirSync(path.join(out, 'tools')).sort()).toEqual(['alpha.html', 'beta.html', 'gamma.html']);
    expect(readdirSync(path.join(out, 'categories'))).toEqual(['config-mgmt.html']);
    expect(readdirSync(out).sort()).toEqual(['assets', 'categories', 'compare.html', 'data', 'index.html', 'search.html', 'tools']);
    expect(readdirSync(path.join(out, 'assets')).sort()).toEqual(['app.js', 'search.js', 'site.css', 'theme.js']);
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="categories/config-mgmt.html"');
    expect(index).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(readFileSync(path.join(out, 'tools', 'beta.html'), 'utf8')).toMatch(/<svg class="graph-svg"[\s\S]*xlink:href="\.\.\/tools\/gamma\.html"/);
    // An existing empty folder is fine too.
    const empty = path.join(tmp(), 'e');
    mkdirSync(empty);
    expect((await run(['site', empty, '--no-graphs'], { io })).code).toBe(0);
  }, 30_000);
});
