/**
 * Text from notes is untrusted. A fixture whose name, summary, facts, facet values, category and body are
 * full of escape sequences, controls and bidi marks goes through every command that prints note text,
 * at a terminal (with our own colors) and through a pipe: nothing unsafe reaches the output, the payloads
 * (window titles, hyperlink targets) are gone, and the visible text survives in its sanitized form.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from './helpers.js';
import { UNSAFE } from './support/unsafe.js';

const HOSTILE = path.join(FIXTURES, 'hostile');
const ownStyles = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

const commands: { args: string[]; shows: string[]; ttyOnly?: boolean; uncolored?: boolean }[] = [
  { args: ['show', 'hostile-a'], shows: ['Hostile RED — Hostile Category', 'Title and a link click with bidi evil and isolates and marks.', 'Evil hidden Corp', 'sweet sour x', 'OSC title done, marked.', 'Raw bytes: and red and iso and mark.'] },
  { args: ['search', 'sneaky'], shows: ['Hostile RED · hostile-cat', 'Title  and a link click with bidi evil and isolates and marks.', 'Calm B · hostile-cat'] },
  { args: ['compare', 'hostile-a', 'hostile-b'], shows: ['Hostile RED vs Calm B — facets of Hostile Category', 'Flavour blink', 'sweet  sour x', 'cleared screens'] },
  { args: ['compare', 'hostile-a', 'hostile-b', '--format', 'markdown'], shows: ['| | Hostile RED | Calm B |', '| ≠ **Flavour blink** | sweet  sour x | plain |', 'Facets of Hostile Category.'], uncolored: true },
  { args: ['related', 'hostile-a'], shows: ['Hostile RED (hostile-a): relations'] },
  { args: ['choose', 'hostile-cat', '--need', 'mode=push'], shows: ['1. Hostile RED (hostile-a) — 1/1', 'you want cleared screens reordered', '2. Calm B (hostile-b)'] },
  { args: ['categories'], shows: ['Hostile Category (2) — Category summary  with isolate'] },
  { args: ['categories', 'hostile-cat'], shows: ['Hostile Category (hostile-cat)', 'Flavour blink (flavour): text', 'Which flavour? link here', 'Hostile category, bell  here; OSC  stays out.'] },
  { args: ['list', '--category', 'hostile-cat'], shows: ['Hostile Category (2)', 'Title  and a link click with bidi evil and isolates and marks.'], ttyOnly: true },
  { args: ['graph', 'hostile-a'], shows: ['hostile-a (Hostile RED)', 'alternatives (1)', 'hostile-b (Calm B)'] },
  { args: ['graph', 'hostile-a', '--format', 'dot'], shows: ['"hostile-a" [label="Hostile RED", penwidth=2];', '"hostile-b" [label="Calm B"];'], uncolored: true },
  { args: ['graph', 'hostile-a', '--format', 'mermaid'], shows: ['n_hostile_a["Hostile RED"]', 'n_hostile_b["Calm B"]'], uncolored: true },
];

/** Output with spaces folded, so wrapped text still reads as one line. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('hostile note text, through every command that prints it', () => {
  for (const { args, shows, ttyOnly, uncolored } of commands) {
    it(`${args.join(' ')}: safe at a terminal and in a pipe, payloads gone, text kept`, async () => {
      const tty = await run([...args, '--content', HOSTILE, '--color', 'always'], { tty: true, columns: 200 });
      const pipe = await run([...args, '--content', HOSTILE], { columns: 200 });
      expect(tty.code, tty.stderr).toBe(0);
      expect(pipe.code, pipe.stderr).toBe(0);
      if (!uncolored) expect(tty.stdout).toContain('\x1b['); // our own colors are there
      expect(ownStyles(tty.stdout)).not.toMatch(UNSAFE);
      expect(pipe.stdout).not.toMatch(UNSAFE);
      for (const out of [ownStyles(tty.stdout), pipe.stdout]) {
        for (const payload of ['pwned', 'owned', 'evil.example', '8;;', ']0;', '[31m', '[2J']) expect(out).not.toContain(payload);
      }
      for (const text of shows) {
        if (!ttyOnly) expect(flat(pipe.stdout), text).toContain(flat(text));
        expect(flat(ownStyles(tty.stdout)), text).toContain(flat(text));
      }
    });
  }

  it('keeps JSON as data: the raw text, escapes included', async () => {
    const r = await run(['show', 'hostile-a', '--json', '--content', HOSTILE]);
    const data = JSON.parse(r.stdout) as { name: string; summary: string };
    expect(data.name).toBe('Hostile \x1b[31mRED\x1b[0m');
    expect(data.summary).toContain('\x1b]0;pwned\x07');
  });
});
