import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, cpSync, existsSync, readdirSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, json, run } from './helpers.js';

// Most tests here compile the built-in catalog plus team notes into a fresh cache: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-test-'));
const cache = path.join(tmp, 'cache');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const env = (dirs: string[]) => ({ DEVOPS_KB_PATH: dirs.join(':'), XDG_CACHE_HOME: cache });
const USER = path.join(FIXTURES, 'user');
const BROKEN = path.join(FIXTURES, 'broken');

/** A private copy of the user fixture notes, so a test may edit them. */
function copyUserNotes(name: string): string {
  const dir = path.join(tmp, name);
  cpSync(USER, dir, { recursive: true });
  return dir;
}

/** Edits a note in place and moves its mtime forward, as an editor saving later would. */
function editNote(file: string, from: string, to: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  const later = new Date(Date.now() + 10_000);
  utimesSync(file, later, later);
}

// These compile team notes together with the 409 built-in tools: seconds of real work on a busy 2-core machine.
describe('user content (DEVOPS_KB_PATH, --content)', { timeout: 30_000 }, () => {
  it('adds notes that show, search and list see', async () => {
    const shown = json<{ id: string; name: string }>(await run(['show', 'acmed', '--json'], { env: env([USER]) }));
    expect(shown.name).toBe('Acme Deployer');
    const hits = json<{ id: string }[]>(await run(['search', 'canary', 'waves', '--json'], { env: env([USER]) }));
    expect(hits[0]?.id).toBe('acme-deployer');
    const listed = await run(['list', '--category', 'ci-cd'], { env: env([USER]) });
    expect(listed.stdout.split('\n')).toContain('acme-deployer');
  });

  it('overrides a built-in note with the same id', async () => {
    const r = await run(['show', 'docker', '--json'], { env: env([USER]) });
    expect(json<{ name: string }>(r).name).toBe('Docker (team notes)');
    const builtin = await run(['show', 'docker', '--json']);
    expect(json<{ name: string }>(builtin).name).toBe('Docker');
  });

  it('takes --content for one call', async () => {
    const r = await run(['show', 'acme-deployer', '--content', USER, '--json'], { env: { XDG_CACHE_HOME: cache } });
    expect(r.code).toBe(0);
    expect(json<{ id: string; name: string }>(r)).toMatchObject({ id: 'acme-deployer', name: 'Acme Deployer' });
  });

  it('shows a note full of escape sequences as plain text, and keeps JSON as data', async () => {
    const r = await run(['show', 'escapes'], { env: env([USER]), tty: true });
    expect(r.code).toBe(0);
    const withoutOurStyles = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(withoutOurStyles).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(withoutOurStyles).toContain('Escapes RED');
    const data = json<{ name: string }>(await run(['show', 'escapes', '--json'], { env: env([USER]) }));
    expect(data.name).toBe('Escapes \x1b[31mRED\x1b[0m');
  });

  // How many notes a call re-parses is checked on the cache itself: test/unit/user-cache.test.ts.
  it('notices an edited note without a manual step', async () => {
    const dir = copyUserNotes('editable');
    const e = env([dir]);
    expect((await run(['show', 'acmed', '--json'], { env: e })).code).toBe(0);
    editNote(path.join(dir, 'tools', 'acme-deployer.md'), 'Acme Deployer\n', 'Acme Deployer Two\n');
    expect(json<{ name: string }>(await run(['show', 'acme-deployer', '--json'], { env: e })).name).toBe('Acme Deployer Two');
  });

  it('rebuilds a truncated cache file instead of serving it', async () => {
    const dir = copyUserNotes('truncate');
    const e = env([dir]);
    expect((await run(['search', 'canary', '--json'], { env: e })).code).toBe(0);
    const files = readdirSync(cache, { recursive: true }).map(String);
    const lookups = files.filter((f) => f.endsWith(path.join('catalog', 'search.json'))).map((f) => path.join(cache, f));
    for (const f of lookups) truncateSync(f, Math.floor(statSync(f).size / 2));
    const r = await run(['search', 'canary', '--json'], { env: e });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/rebuilding the cache/);
    expect(json<{ id: string }[]>(r).map((h) => h.id)).toContain('acme-deployer');
    expect((await run(['search', 'canary', '--json'], { env: e })).stderr).not.toMatch(/rebuilding/);
  });

  it('warns when a content directory does not exist', async () => {
    const r = await run(['show', 'docker', '--json'], { env: env([path.join(tmp, 'nope')]) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/does not exist/);
  });
});

describe('broken notes', () => {
  const cases: [string, RegExp][] = [
    ['broken-yaml.md', /invalid YAML/],
    ['no-frontmatter.md', /missing frontmatter/],
    ['unclosed.md', /unclosed frontmatter/],
    ['empty.md', /empty/],
    ['missing-fields.md', /missing required field `name`/],
    ['id-mismatch.md', /differs from the file name/],
    ['unknown-category.md', /unknown category `containerz`/],
    ['bad-facet.md', /facet `consensus` must be one of/],
    ['unknown-related.md', /unknown tool `no-such-thing`/],
    ['bad-utf8.md', /invalid UTF-8/],
    ['dup-tool.md', /duplicate tool id `dup-tool`/],
    ['bad-enum.md', /^enum facet `kind` lists no values$/],
  ];

  it('lint --json gives one positioned error per case and exits 3', async () => {
    const r = await run(['lint', BROKEN, path.join(FIXTURES, 'broken2'), '--json']);
    expect(r.code).toBe(3);
    const problems = json<{ file: string; line: number; column: number; severity: string; message: string }[]>(r);
    for (const [file, re] of cases) {
      const found = problems.filter((p) => p.file.endsWith(file) && p.severity === 'error' && re.test(p.message));
      expect(found.length, `${file}: ${JSON.stringify(problems.filter((p) => p.file.endsWith(file)))}`).toBeGreaterThanOrEqual(1);
      expect(found[0]!.line).toBeGreaterThanOrEqual(1);
      expect(found[0]!.column).toBeGreaterThanOrEqual(1);
    }
    // The category is blamed, on the facet's line, not the tools that use it.
    expect(problems.find((p) => p.file.endsWith('bad-enum.md'))).toMatchObject({ line: 7, severity: 'error' });
    const human = await run(['lint', BROKEN]);
    expect(human.stdout).toMatch(/broken-yaml\.md:\d+:\d+: error: invalid YAML/);
    expect(human.stdout).toMatch(/hint: /);
  });

  it('places errors on the offending line', async () => {
    const problems = json<{ file: string; line: number; message: string }[]>(await run(['lint', BROKEN, '--json']));
    const at = (file: string) => problems.find((p) => p.file.endsWith(file) && p.message !== '')!.line;
    expect(at('bad-facet.md')).toBe(7);
    expect(at('unknown-category.md')).toBe(4);
    expect(at('id-mismatch.md')).toBe(2);
    expect(at('bad-utf8.md')).toBe(3);
  });

  it('keeps show working and warns once per broken file', async () => {
    const r = await run(['show', 'docker', '--json'], { env: env([BROKEN]) });
    expect(r.code).toBe(0);
    expect(json<{ id: string }>(r).id).toBe('docker');
    const lines = r.stderr.trim().split('\n');
    const files = lines.map((l) => /warning: (\S+?):\d+:/.exec(l)?.[1]);
    expect(new Set(files).size).toBe(files.length);
    expect(lines.length).toBeGreaterThanOrEqual(7);
    expect(r.stderr).toMatch(/broken-yaml\.md:\d+: invalid YAML/);
    expect(r.stderr).not.toMatch(/unknown-related/); // still usable: reported by lint, not on every call
  });

  it('refuses a note over the size limit and shows a 5 MB note', async () => {
    const dir = copyUserNotes('big');
    const para = 'Large notes still render because parsing happens once, at compile time, not on each call. ';
    const body = `## Overview\n${(para.repeat(8) + '\n\n').repeat(Math.ceil((5 * 1024 * 1024) / (para.length * 8 + 2)))}`;
    writeFileSync(path.join(dir, 'tools', 'huge.md'), `---\nid: huge\nname: Huge\ncategory: containers\nsummary: A five megabyte note.\n---\n${body}`);
    writeFileSync(path.join(dir, 'tools', 'toolarge.md'), `---\nid: toolarge\nname: Too large\ncategory: containers\nsummary: Over the limit.\n---\n${body.repeat(2)}`);
    const r = await run(['show', 'huge'], { env: env([dir]) });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(5 * 1024 * 1024 * 0.9);
    expect(r.stderr).toMatch(/toolarge\.md:1: the note is .* MiB; notes are limited to 8 MiB/);
    expect(existsSync(path.join(dir, 'tools', 'huge.md'))).toBe(true);
  }, 60_000);
});

describe('cache freshness', () => {
  it('sees a same-size edit through show (quick path) and list (full scan)', async () => {
    for (const [first, second] of [[['show', 'acme-deployer', '--json'], ['list', '--where', 'firstRelease=2016', '--json']], [['list', '--json'], ['show', 'acme-deployer', '--json']]] as const) {
      const dir = copyUserNotes(`same-size-${first[0]}`);
      const e = env([dir]);
      const file = path.join(dir, 'tools', 'acme-deployer.md');
      const before = readFileSync(file, 'utf8');
      expect(before).toMatch(/^firstRelease: 2015$/m);
      expect((await run([...first], { env: e })).code).toBe(0);
      editNote(file, 'firstRelease: 2015', 'firstRelease: 2016');
      expect(readFileSync(file, 'utf8').length).toBe(before.length);
      const r = json<{ id: string; firstRelease?: number } | { id: string }[]>(await run([...second], { env: e }));
      if (Array.isArray(r)) expect(r.map((t) => t.id)).toContain('acme-deployer');
      else expect(r.firstRelease).toBe(2016);
      expect(json<{ firstRelease: number }>(await run(['show', 'acme-deployer', '--json'], { env: e })).firstRelease).toBe(2016);
    }
  });

  it('finds an alias added to another note since the last call, and a new note', async () => {
    const dir = copyUserNotes('fresh');
    const e = env([dir]);
    expect((await run(['show', 'acme-deployer', '--json'], { env: e })).code).toBe(0);
    editNote(path.join(dir, 'tools', 'acme-deployer.md'), 'aliases: [acmed]', 'aliases: [acmed, shipit]');
    expect(json<{ id: string }>(await run(['show', 'shipit', '--json'], { env: e })).id).toBe('acme-deployer');
    writeFileSync(path.join(dir, 'tools', 'brand-new.md'), '---\nid: brand-new\nname: Brand New\ncategory: containers\nsummary: Added later.\n---\n');
    expect(json<{ id: string }>(await run(['show', 'brand-new', '--json'], { env: e })).id).toBe('brand-new');
    expect(json<{ id: string }[]>(await run(['list', '--category', 'containers', '--json'], { env: e })).map((t) => t.id)).toContain('brand-new');
  });
});
