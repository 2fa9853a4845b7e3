/** Tool frontmatter validation: every rule's exact message, hint, severity and line. */
import { describe, expect, it } from 'vitest';
import { parseCategoryNote, parseToolNote } from '../../src/catalog/note.js';

const parse = (lines: string[], file = 'tools/t.md') => parseToolNote(['---', 'id: t', 'name: T', 'category: cm', 'summary: A tool.', ...lines, '---', '## Overview', 'Body.'].join('\n'), file);
const problems = (lines: string[]) => parse(lines).problems.map((p) => [p.line, p.severity, p.message, p.hint]);

describe('tool frontmatter', () => {
  it('reads every field of a full note', () => {
    const r = parse([
      'also: [iac, cm]', 'aliases: [tee, 42]', 'pickWhen: 2024', 'homepage: https://t.example', 'repo: null', 'license: MIT', 'licenseNote: relicensed',
      'language: Go', 'firstRelease: 2012', 'maintainer: true', 'hosting: saas', 'tags: [Fast, CLI]', 'status: deprecated', 'statusSince: unknown',
      'replacedBy: [other]', 'verified: 2026-11-05', 'facets: { a: 1 }', 'related: { alternatives: [x-y], uses: [z], integrates: [] }', 'sources: [https://a.example]',
    ]);
    expect(r.problems).toEqual([]);
    expect(r.note).toMatchObject({
      id: 't', name: 'T', category: 'cm', also: ['iac', 'cm'], categories: ['cm', 'iac'], aliases: ['tee', '42'], summary: 'A tool.', pickWhen: '2024',
      homepage: 'https://t.example', repo: null, license: 'MIT', licenseNote: 'relicensed', language: ['Go'], firstRelease: 2012, maintainer: 'true',
      hosting: 'saas', tags: ['fast', 'cli'], status: 'deprecated', statusSince: null, replacedBy: ['other'], verified: '2026-11-05', facets: { a: 1 },
      related: { alternatives: ['x-y'], uses: ['z'], integrates: [] }, sources: ['https://a.example'],
    });
    expect(parse(['status: archived', 'statusSince: 2019', 'replacedBy: [x]']).note?.statusSince).toBe(2019);
    expect(parse([]).note).toMatchObject({ status: 'active', also: [], aliases: [], pickWhen: null, homepage: null, language: [], firstRelease: null, hosting: null, related: { alternatives: [], uses: [], integrates: [] }, sources: [] });
  });

  it('reports each wrong value with its line, severity and hint', () => {
    expect(problems(['colour: red'])).toEqual([[6, 'warning', 'unknown field `colour`', expect.stringMatching(/^known fields: id, name, category, also, aliases, summary, pickWhen, /)]]);
    expect(problems(['license: [MIT, GPL]'])).toEqual([[6, 'error', '`license` must be a single line of text, not a list', 'write `license: some text`']]);
    expect(problems(['maintainer: { a: b }'])).toEqual([[6, 'error', '`maintainer` must be a single line of text, not a mapping', 'write `maintainer: some text`']]);
    expect(problems(['tags: [ok, { a: b }]'])).toEqual([[6, 'error', '`tags` must be a list of strings', 'write `tags: [a, b]` or one `- item` per line']]);
    expect(problems(['also: [Not An Id]'])).toEqual([[6, 'error', '`Not An Id` in `also` is not a valid id', 'ids are lower-case kebab-case, like `docker-compose`']]);
    expect(problems(['related:', '  uses: [ok, Bad_Id]'])).toEqual([[7, 'error', '`Bad_Id` in `related.uses` is not a valid id', 'ids are lower-case kebab-case, like `docker-compose`']]);
    expect(problems(['related:', '  friends: [a]'])).toEqual([[7, 'warning', 'unknown relation `related.friends`', 'relations are alternatives, uses, integrates']]);
    expect(problems(['firstRelease: 1949'])).toEqual([[6, 'error', '`firstRelease` must be a four-digit year or `unknown`, got 1949', 'write `firstRelease: 2014`']]);
    expect(problems(['firstRelease: 2101'])[0]![2]).toBe('`firstRelease` must be a four-digit year or `unknown`, got 2101');
    expect(problems(['firstRelease: 1950'])).toEqual([]);
    expect(problems(['firstRelease: 2100'])).toEqual([]);
    expect(problems(['firstRelease: unknown'])).toEqual([]);
    expect(problems(['hosting: cloud'])).toEqual([[6, 'error', '`hosting` must be one of self-hosted, saas, both; got "cloud"', 'write `hosting: self-hosted`']]);
    expect(problems(['homepage: ftp://x'])).toEqual([[6, 'error', '`homepage` must be an http(s) URL, got "ftp://x"', 'write `homepage: https://...` or `homepage: null`']]);
    expect(problems(['homepage: http://x y'])[0]![2]).toBe('`homepage` must be an http(s) URL, got "http://x y"');
    expect(problems(['facets: [a, b]'])).toEqual([[6, 'error', '`facets` must be a mapping of `key: value` lines', 'indent the entries under `facets:`']]);
    expect(problems(['sources: [https://ok.example, not-a-url]'])).toEqual([[6, 'warning', 'source "not-a-url" is not an http(s) URL', 'list the URLs where the facts were checked']]);
    expect(problems(['status: archived', 'statusSince: 2019'])).toEqual([[6, 'warning', 'an archived tool should name its successor in `replacedBy`', "add `replacedBy: [successor-id]` (or the successor's name when it is not in the catalog)"]]);
    expect(problems(['status: deprecated', 'statusSince: 2019'])[0]![2]).toBe('a deprecated tool should name its successor in `replacedBy`');
    expect(problems(['status: maintenance'])).toEqual([]);
    expect(problems([`summary2: x`])[0]![1]).toBe('warning');
  });

  it('warns about a long summary and skips notes without an id, name, category or summary', () => {
    const long = parseToolNote(`---\nid: t\nname: T\ncategory: cm\nsummary: ${'x'.repeat(161)}\n---\n`, 'tools/t.md');
    expect(long.note).not.toBeNull();
    expect(long.problems.map((p) => [p.line, p.severity, p.message])).toEqual([[5, 'warning', 'summary is 161 characters; the limit is 160']]);
    expect(parseToolNote(`---\nid: t\nname: T\ncategory: cm\nsummary: ${'x'.repeat(160)}\n---\n`, 'tools/t.md').problems).toEqual([]);
    for (const drop of ['id', 'name', 'category', 'summary']) {
      const lines = ['id: t', 'name: T', 'category: cm', 'summary: S.'].filter((l) => !l.startsWith(`${drop}:`));
      const r = parseToolNote(`---\n${lines.join('\n')}\n---\n`, 'tools/t.md');
      expect(r.note, drop).toBeNull();
      expect(r.problems.map((p) => p.message)).toEqual([`missing required field \`${drop}\``]);
      expect(r.problems[0]!.hint).toBe(`add \`${drop}: ...\` to the frontmatter`);
    }
    const empty = parseToolNote('---\nid: t\nname: ""\ncategory: cm\nsummary: S.\n---\n', 'tools/t.md');
    expect(empty.note).toBeNull();
  });

  it('refuses ids and categories that are not kebab-case', () => {
    const id = parseToolNote('---\nid: Bad_Id\nname: T\ncategory: cm\nsummary: S.\n---\n', 'tools/Bad_Id.md');
    expect(id.note).toBeNull();
    expect(id.problems.map((p) => [p.line, p.message, p.hint])).toEqual([[2, 'id `Bad_Id` is not kebab-case', 'use lower-case letters, digits and single hyphens, like `docker-compose`']]);
    const cat = parse([]).note ? parseToolNote('---\nid: t\nname: T\ncategory: Config Mgmt\nsummary: S.\n---\n', 'tools/t.md') : null;
    expect(cat!.note).toBeNull();
    expect(cat!.problems.map((p) => [p.line, p.message])).toEqual([[4, 'category `Config Mgmt` is not a valid category id']]);
    for (const ok of ['a', 'a-b', 'a1-b2-c3']) expect(parseToolNote(`---\nid: ${ok}\nname: T\ncategory: cm\nsummary: S.\n---\n`, `tools/${ok}.md`).note?.id).toBe(ok);
    for (const bad of ['a--b', '-a', 'a-', 'A']) expect(parseToolNote(`---\nid: ${bad}\nname: T\ncategory: cm\nsummary: S.\n---\n`, `tools/${bad}.md`).note, bad).toBeNull();
    const mismatch = parseToolNote('---\nid: t\nname: T\ncategory: cm\nsummary: S.\n---\n', 'tools/u.md');
    expect(mismatch.problems.map((p) => [p.message, p.hint])).toEqual([['id `t` differs from the file name `u.md`', 'rename the file to `t.md` or set `id: u`']]);
  });

  it('keeps positions of the keys later checks point at', () => {
    const r = parse(['aliases: [a1, b1]', 'also: [x]', 'facets:', '  agent: none', 'related:', '  alternatives: [p, q]']);
    expect(r.note?.positions).toEqual({ id: [2, 1], name: [3, 1], category: [4, 1], also: [7, 1], aliases: [6, 1], 'aliases.0': [6, 11], 'aliases.1': [6, 15], 'also.0': [7, 8], 'facets.agent': [9, 3], 'related.alternatives.0': [11, 18], 'related.alternatives.1': [11, 21], verified: [2, 1] });
  });
});

describe('category frontmatter', () => {
  it('needs id, name and summary, and warns about unknown fields', () => {
    const c = parseCategoryNote('---\nid: c\nname: C\nsummary: S.\ncolour: red\n---\n', 'categories/c.md');
    expect(c.note?.facets).toEqual([]);
    expect(c.problems.map((p) => [p.line, p.severity, p.message, p.hint])).toEqual([[5, 'warning', 'unknown field `colour`', 'known fields: id, name, summary, facets']]);
    const m = parseCategoryNote('---\nid: c\nsummary: S.\n---\n', 'categories/c.md');
    expect(m.note).toBeNull();
    expect(m.problems.map((p) => p.message)).toEqual(['missing required field `name`']);
  });
});
