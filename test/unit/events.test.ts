/** The `events` list of a tool note: dates, kinds, texts and sources are checked, and problems point at the offending line. */
import { describe, expect, it } from 'vitest';
import { normalizeEventDate } from '../../src/catalog/events.js';
import { parseToolNote } from '../../src/catalog/note.js';

function note(events: string[]) {
  // Lines: 1 ---, 2 id, 3 name, 4 category, 5 summary, 6 events:, 7.. the entries.
  return parseToolNote(['---', 'id: t', 'name: T', 'category: cm', 'summary: A tool.', 'events:', ...events, '---', '## Overview', 'Words.'].join('\n'), 'tools/t.md');
}

describe('event dates', () => {
  it('accepts YYYY, YYYY-MM and YYYY-MM-DD, from strings, numbers and YAML dates', () => {
    expect(normalizeEventDate('2023')).toBe('2023');
    expect(normalizeEventDate(2023)).toBe('2023');
    expect(normalizeEventDate('2023-08')).toBe('2023-08');
    expect(normalizeEventDate(new Date('2023-08-10T00:00:00Z'))).toBe('2023-08-10');
    expect(normalizeEventDate('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses impossible or malformed dates', () => {
    for (const bad of ['2023-13', '2023-02-30', '2023-8-1', '23-08-10', 'August 2023', '1800', '']) expect(normalizeEventDate(bad), bad).toBeNull();
  });
});

describe('events in a note', () => {
  it('parses valid events in note order and carries them on the tool', () => {
    const r = note([
      '  - date: 2023-08-10', '    kind: relicensed', '    text: Moved from MPL-2.0 to BUSL-1.1.', '    source: https://example.org/a',
      '  - date: 2025', '    kind: acquired', '    text: "Bought: by someone."', '    source: https://example.org/b',
    ]);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.note?.events).toEqual([
      { date: '2023-08-10', kind: 'relicensed', text: 'Moved from MPL-2.0 to BUSL-1.1.', source: 'https://example.org/a' },
      { date: '2025', kind: 'acquired', text: 'Bought: by someone.', source: 'https://example.org/b' },
    ]);
  });

  it('positions a bad date, an unknown kind and a missing source, with hints, and keeps the good events', () => {
    const r = note([
      '  - date: 2023-13-01', '    kind: relicensed', '    text: Bad date.', '    source: https://example.org/a', // lines 7-10
      '  - date: 2024', '    kind: relicenced', '    text: Typo in kind.', '    source: https://example.org/b', // lines 11-14
      '  - date: 2025', '    kind: archived', '    text: No source.', // lines 15-17
      '  - date: 2026', '    kind: forked', '    text: Fine.', '    source: https://example.org/d', // lines 18-21
    ]);
    expect(r.note).not.toBeNull();
    const errors = r.problems.filter((p) => p.severity === 'error');
    const date = errors.find((p) => /not a valid YYYY/.test(p.message));
    expect(date).toMatchObject({ file: 'tools/t.md', line: 7, column: 5 });
    expect(date?.hint).toMatch(/2023-08-10/);
    const kind = errors.find((p) => /unknown event kind `relicenced`/.test(p.message));
    expect(kind).toMatchObject({ line: 12, column: 5 });
    expect(kind?.hint).toMatch(/did you mean relicensed\?/);
    expect(kind?.hint).toMatch(/security-incident/);
    const source = errors.find((p) => /has no `source`/.test(p.message));
    expect(source).toMatchObject({ line: 15, column: 5 });
    expect(source?.hint).toMatch(/https:\/\//);
    expect(errors).toHaveLength(3);
    expect(r.note?.events.map((e) => e.text)).toEqual(['Fine.']);
  });

  it('refuses a non-list `events`, a non-URL source and an entry that is not a mapping', () => {
    expect(note(['  when: 2023']).problems.find((p) => /must be a list/.test(p.message))?.line).toBe(6);
    const r = note(['  - date: 2023', '    kind: created', '    text: Made.', '    source: example.org', '  - just text']);
    expect(r.problems.find((p) => /not an http\(s\) URL/.test(p.message))?.line).toBe(10);
    expect(r.problems.find((p) => /must be a mapping/.test(p.message))?.line).toBe(11);
    expect(r.note?.events).toEqual([]);
  });
});
