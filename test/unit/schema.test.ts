import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../src/catalog/assemble.js';
import { decodeNote, parseCategoryNote, parseToolNote, type ParsedCategoryNote, type ParsedToolNote } from '../../src/catalog/note.js';
import { lazy } from './lazy.js';

const category = lazy(() => parseCategoryNote(
  ['---', 'id: cm', 'name: CM', 'summary: s', 'facets:', '  - { key: agent, label: Agent, type: enum, values: [none, required] }', '  - { key: dryRun, label: Dry run, type: bool }', '  - { key: since, label: Since, type: year }', '  - { key: langs, label: Langs, type: list }', '---', 'body'].join('\n'),
  'categories/cm.md',
).note as ParsedCategoryNote);

function tool(id: string, extra: string[] = [], file = `tools/${id}.md`) {
  return parseToolNote(['---', `id: ${id}`, `name: ${id.toUpperCase()}`, 'category: cm', 'summary: A tool.', ...extra, '---', '## Overview', 'Words here.'].join('\n'), file);
}

function assemble(tools: ParsedToolNote[]) {
  return assembleCatalog([{ name: 't', tools, categories: [category] }]);
}

describe('tool notes', () => {
  it('parses a valid note into a typed tool', () => {
    const r = tool('ok', ['language: Go', 'firstRelease: 2014', 'facets:', '  agent: none', '  dryRun: partial']);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.note?.language).toEqual(['Go']);
    expect(r.note?.sections[0]?.title).toBe('Overview');
    expect(r.note?.wordCount).toBe(2);
  });

  it('reports each missing required field and skips the note', () => {
    const r = parseToolNote('---\nid: x\n---\n', 'tools/x.md');
    expect(r.note).toBeNull();
    const messages = r.problems.map((p) => p.message).join('\n');
    for (const f of ['name', 'category', 'summary']) expect(messages).toContain(`missing required field \`${f}\``);
    expect(r.problems.every((p) => p.skipped)).toBe(true);
  });

  it('refuses an id that differs from the file name, pointing at the id line', () => {
    const r = tool('abc', [], 'tools/other.md');
    expect(r.note).toBeNull();
    const p = r.problems.find((x) => /differs from the file name/.test(x.message));
    expect(p?.line).toBe(2);
    expect(p?.hint).toMatch(/rename/);
  });

  it('checks years, URLs and status values with positions', () => {
    const r = tool('y', ['firstRelease: long ago', 'homepage: not-a-url', 'status: dead']);
    const byMsg = (re: RegExp) => r.problems.find((p) => re.test(p.message));
    expect(byMsg(/firstRelease/)?.line).toBe(6);
    expect(byMsg(/homepage/)?.line).toBe(7);
    expect(byMsg(/status/)?.line).toBe(8);
  });
});

describe('assembleCatalog', () => {
  it('checks facet values against the category and drops bad ones with a position', () => {
    const t = tool('f', ['facets:', '  agent: sometimes', '  dryRun: maybe', '  since: 99', '  langs: [a, b]', '  nope: 1']).note!;
    const { catalog, problems } = assemble([t]);
    expect(catalog.tools[0]?.facets).toEqual({ langs: ['a', 'b'] });
    const lines = problems.map((p) => [p.line, p.message.split(' ').slice(0, 2).join(' ')]);
    expect(lines).toEqual([
      [7, 'facet `agent`'],
      [8, 'facet `dryRun`'],
      [9, 'facet `since`'],
      [11, 'facet `nope`'],
    ]);
  });

  it('skips a note with an unknown category and suggests the closest', () => {
    const t = parseToolNote('---\nid: u\nname: U\ncategory: cn\nsummary: s\n---\n', 'tools/u.md').note!;
    const { catalog, problems } = assemble([t]);
    expect(catalog.tools).toEqual([]);
    expect(problems[0]).toMatchObject({ line: 4, skipped: true });
    expect(problems[0]?.hint).toMatch(/cm/);
  });

  it('reports unknown related ids and keeps known ones', () => {
    const a = tool('a', ['related:', '  alternatives: [b, zzz]']).note!;
    const b = tool('b').note!;
    const { catalog, problems } = assemble([a, b]);
    expect(catalog.tools.find((t) => t.id === 'a')?.related.alternatives).toEqual(['b']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/unknown tool `zzz`/);
    expect(problems[0]?.line).toBe(7);
  });

  it('reports duplicate ids within a layer, and lets a later layer override', () => {
    const one = tool('d').note!;
    const two = { ...tool('d').note!, path: 'other/tools/d.md', summary: 'second' };
    const dup = assemble([one, two]);
    expect(dup.problems[0]?.message).toMatch(/duplicate tool id `d`/);
    const layered = assembleCatalog([
      { name: 'built-in', builtin: true, tools: [one], categories: [category] },
      { name: 'user', tools: [two], categories: [] },
    ]);
    // Overriding a built-in note is allowed, with a warning that says so.
    expect(layered.problems.map((p) => [p.severity, p.message])).toEqual([['warning', '`d` replaces the built-in note of that id entirely']]);
    expect(layered.catalog.tools[0]?.summary).toBe('second');
  });
});

describe('decodeNote', () => {
  it('refuses invalid UTF-8 with the line of the bad byte', () => {
    const bytes = new Uint8Array([...Buffer.from('---\nid: a\nname: '), 0xff, 0x41, 0x0a]);
    const r = decodeNote(bytes, 'x.md');
    expect(r.text).toBeNull();
    expect(r.problems[0]).toMatchObject({ line: 3, column: 7 });
  });

  it('refuses notes over the size limit and says the limit', () => {
    const r = decodeNote(new Uint8Array(9 * 1024 * 1024), 'big.md');
    expect(r.problems[0]?.message).toMatch(/limited to 8 MiB/);
  });
});
