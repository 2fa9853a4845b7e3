/**
 * Rules for the suite itself: snapshots exist in the repository (CI never writes them), no test is
 * skipped or focused in the source, and the build the tests read is fresh.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { staleSource } from './support/fresh-build.js';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'fixtures' ? [] : testFiles(path.join(dir, e.name))) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  );
}

const files = testFiles(path.join(ROOT, 'test'));

describe('the test suite', () => {
  it('keeps a committed snapshot file for every test file that matches snapshots', () => {
    const users = files.filter((f) => /toMatchSnapshot\(/.test(readFileSync(f, 'utf8')));
    expect(users.length).toBeGreaterThan(0);
    for (const f of users) expect(existsSync(path.join(path.dirname(f), '__snapshots__', `${path.basename(f)}.snap`)), f).toBe(true);
  });

  it('has no .only, .skip or .todo, and no machine-dependent condition (has..., process.env) that silently drops an assertion', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/\b(it|describe|test)\.(only|skip|todo)\b/);
      expect(text, f).not.toMatch(/^\s*if \([^)]*(\bhas[A-Z]|process\.env)[^)]*\) expect\(/m);
    }
  });

  it('reads a build at least as new as src/, content/ and bin/', () => {
    expect(staleSource()).toBeNull();
  });
});
