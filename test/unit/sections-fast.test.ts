/** The fast Markdown path gives exactly remark's sections wherever it answers, and answers for most notes. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/catalog/frontmatter.js';
import { splitSectionsRemark } from '../../src/catalog/sections.js';
import { splitSectionsFast } from '../../src/catalog/sections-fast.js';
import { FIXTURES, ROOT } from '../helpers.js';

function bodies(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => {
      const split = splitFrontmatter(readFileSync(path.join(dir, f), 'utf8'), f);
      return split.ok ? [[f, split.note.body] as [string, string]] : [];
    });
}

const samples: [string, string][] = [
  ['plain', 'Intro line.\n\n## Overview\nOne **bold** word, `code`, a [link](https://example.com) and snake_case.\nSecond line.\n\n- item `a` one\n- item two\n\n1. first\n2. second\n\n```yaml\nkey: value\n```\n\n### Deeper\ntext'],
  ['loose list', '## A\n- one\n\n- two\n\nafter'],
  ['needs remark', '## A\n> quote\n\n| a | b |\n|---|---|\n\n* em *\n\nSetext\n---\n\n<b>html</b> &amp; \\*'],
];

describe('fast Markdown sections', () => {
  it('match remark wherever the fast path answers', () => {
    let answered = 0;
    const all = [...bodies(path.join(ROOT, 'content')), ...bodies(FIXTURES), ...samples];
    for (const [file, body] of all) {
      const fast = splitSectionsFast(body);
      if (fast === null) continue;
      answered++;
      expect(fast, file).toEqual(splitSectionsRemark(body));
    }
    console.log(`fast Markdown path answered ${answered} of ${all.length} bodies`);
    expect(answered).toBeGreaterThan(all.length / 2);
  }, 60_000);

  it('leaves what it does not read to remark', () => {
    expect(splitSectionsFast(samples[2]![1])).toBeNull();
    expect(splitSectionsFast('## A\n- one\n  - nested')).toBeNull();
    expect(splitSectionsFast('## A\ntext  \nhard break')).toBeNull();
  });
});
