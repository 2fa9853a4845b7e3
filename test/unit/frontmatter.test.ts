import { describe, expect, it } from 'vitest';
import { locateKey, splitFrontmatter } from '../../src/catalog/frontmatter.js';

describe('splitFrontmatter', () => {
  it('splits YAML and body and reports where the body starts', () => {
    const r = splitFrontmatter('---\nid: a\nname: A\n---\n## Overview\ntext\n', 'a.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.note.data).toEqual({ id: 'a', name: 'A' });
    expect(r.note.body.startsWith('## Overview')).toBe(true);
    expect(r.note.bodyStartLine).toBe(5);
  });

  it('refuses an empty file', () => {
    const r = splitFrontmatter('  \n', 'e.md');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/empty/);
  });

  it('refuses a note without frontmatter', () => {
    const r = splitFrontmatter('# Title\n', 'x.md');
    expect(!r.ok && r.problem.message).toMatch(/missing frontmatter/);
  });

  it('refuses an unclosed frontmatter block', () => {
    const r = splitFrontmatter('---\nid: a\nname: b\n', 'x.md');
    expect(!r.ok && r.problem.message).toMatch(/unclosed/);
  });

  it('positions YAML errors at their line in the file', () => {
    const r = splitFrontmatter('---\nid: a\nname: [unclosed\nsummary: x\n---\n', 'x.md');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.message).toMatch(/invalid YAML/);
    expect(r.problem.line).toBeGreaterThanOrEqual(3);
    expect(r.problem.line).toBeLessThanOrEqual(5);
    expect(r.problem.hint).toBeTruthy();
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const r = splitFrontmatter('\ufeff---\r\nid: a\r\n---\r\nbody\r\n', 'x.md');
    expect(r.ok && r.note.data.id).toBe('a');
  });
});

describe('locateKey', () => {
  const yaml = ['id: a', 'facets:', '  agent: none', '  mode: push', 'related:', '  alternatives: [b, c, d]', 'sources:', '  - https://x', '  - https://y'].join('\n');

  it('finds top-level and nested keys', () => {
    expect(locateKey(yaml, ['id'])).toEqual({ line: 2, column: 1 });
    expect(locateKey(yaml, ['facets', 'mode'])).toEqual({ line: 5, column: 3 });
  });

  it('finds items of block and inline lists', () => {
    expect(locateKey(yaml, ['sources', 1]).line).toBe(10);
    const inline = locateKey(yaml, ['related', 'alternatives', 2]);
    expect(inline.line).toBe(7);
    expect(yaml.split('\n')[5]!.slice(inline.column - 1)).toMatch(/^d/);
  });

  it('falls back to the enclosing key', () => {
    expect(locateKey(yaml, ['facets', 'missing']).line).toBe(3);
  });
});
