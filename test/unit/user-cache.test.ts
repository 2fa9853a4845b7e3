/**
 * The user cache's freshness rules, called directly: how many notes each call re-parses, same-size edits
 * (only the mtime tells), the quick path for named notes, added, removed and damaged files.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { compileArtifacts } from '../../src/store/compile.js';
import { writeArtifacts } from '../../src/store/dir-store.js';
import { defaultCacheRoot, dropCache, openUserCatalog } from '../../src/store/user-cache.js';
import { miniCatalog } from './fixture.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-cache-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const builtin = path.join(tmp, 'builtin');
let built = false;

const note = (id: string, year: number) => `---\nid: ${id}\nname: ${id.toUpperCase()}\ncategory: config-mgmt\nsummary: Team tool ${id}.\nfirstRelease: ${year}\n---\n\n## Overview\nInternal.\n`;
const past = (Date.now() - 120_000) / 1000;
const later = () => (Date.now() + 10_000) / 1000;

let n = 0;
let dir = '';
let cache = '';
beforeEach(() => {
  n++;
  dir = path.join(tmp, `notes-${n}`);
  cache = path.join(tmp, `cache-${n}`);
  mkdirSync(path.join(dir, 'tools'), { recursive: true });
  for (const id of ['one', 'two', 'three']) write(id, 2015, past);
});

function write(id: string, year: number, mtime: number): string {
  const file = path.join(dir, 'tools', `${id}.md`);
  writeFileSync(file, note(id, year));
  utimesSync(file, mtime, mtime);
  return file;
}

/** The built-in catalog of the mini fixture, compiled on first use (inside a test). */
function builtinDir(): string {
  if (!built) writeArtifacts(builtin, compileArtifacts(miniCatalog(), []));
  built = true;
  return builtin;
}

const open = (quick?: string[]) => openUserCatalog(builtinDir(), [dir], cache, quick);

describe('user cache freshness', () => {
  it('parses every note once, then nothing while nothing changes', async () => {
    const first = await open();
    expect(first.reparsed).toBe(3);
    expect(first.store.summaries().map((t) => t.id)).toEqual(['alpha', 'beta', 'gamma', 'one', 'three', 'two']);
    expect((await open()).reparsed).toBe(0);
    expect((await open(['one'])).reparsed).toBe(0);
    expect(first.dir).toBe(path.join(cache, readdirSync(cache)[0]!, 'catalog'));
  });

  it('sees a same-size edit by its mtime alone and re-parses only that note (full scan)', async () => {
    await open();
    const file = write('two', 2016, later());
    expect(readFileSync(file, 'utf8').length).toBe(note('two', 2015).length);
    const next = await open();
    expect(next.reparsed).toBe(1);
    expect(next.store.tool('two').firstRelease).toBe(2016);
    expect(next.store.tool('one').firstRelease).toBe(2015);
    expect((await open()).reparsed).toBe(0);
  });

  it('sees a same-size edit of a named note on the quick path', async () => {
    await open();
    write('two', 2016, later());
    const quick = await open(['two']);
    expect(quick.reparsed).toBe(1);
    expect(quick.store.tool('two').firstRelease).toBe(2016);
  });

  it('trusts the cache on the quick path for notes it does not name, until a full scan', async () => {
    await open();
    write('two', 2016, later());
    const quick = await open(['one']);
    expect(quick.reparsed).toBe(0);
    expect(quick.store.tool('two').firstRelease).toBe(2015);
    const full = await open();
    expect(full.reparsed).toBe(1);
    expect(full.store.tool('two').firstRelease).toBe(2016);
  });

  it('sees an edit that keeps the mtime but changes the size', async () => {
    await open();
    const file = path.join(dir, 'tools', 'one.md');
    writeFileSync(file, note('one', 2015).replace('Internal.', 'Internal, and longer.'));
    utimesSync(file, past, past);
    const next = await open();
    expect(next.reparsed).toBe(1);
    expect(next.store.tool('one').sections[0]!.markdown).toBe('Internal, and longer.');
  });

  it('notices added and removed notes even on the quick path', async () => {
    await open();
    write('four', 2020, past);
    const added = await open(['four']);
    expect(added.reparsed).toBe(1);
    expect(added.store.hasTool('four')).toBe(true);
    rmSync(path.join(dir, 'tools', 'one.md'));
    const removed = await open(['two']);
    expect(removed.reparsed).toBe(0);
    expect(removed.store.hasTool('one')).toBe(false);
    expect(removed.store.summaries().map((t) => t.id)).toEqual(['alpha', 'beta', 'four', 'gamma', 'three', 'two']);
  });

  it('never serves a damaged pack of parsed notes: the next change re-parses what it needs and stays right', async () => {
    const first = await open();
    // The full compile keeps parsed notes in one pack beside the catalog; damage it.
    const pack = path.join(path.dirname(first.dir), 'notes.json');
    writeFileSync(pack, '{"trunc');
    write('two', 2017, later());
    const next = await open();
    expect(next.reparsed).toBeGreaterThanOrEqual(1);
    expect(next.store.tool('two').firstRelease).toBe(2017);
    expect(next.store.summaries().map((t) => t.id)).toEqual(first.store.summaries().map((t) => t.id));
  });

  it('starts over when the cache is dropped, and keeps one cache per set of folders', async () => {
    await open();
    dropCache(cache, [dir]);
    expect(readdirSync(cache)).toEqual([]);
    expect((await open()).reparsed).toBe(3);
    const other = path.join(tmp, `other-${n}`);
    mkdirSync(path.join(other, 'tools'), { recursive: true });
    const both = await openUserCatalog(builtinDir(), [dir, other], cache);
    expect(both.reparsed).toBe(3);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('sees an edit made right after a check on the quick path (the check trusts only older notes)', async () => {
    await open();
    // No mtime in the future this time: the edit lands within the same second as the check.
    const file = path.join(dir, 'tools', 'two.md');
    writeFileSync(file, note('two', 2018));
    const quick = await open(['two']);
    expect(quick.store.tool('two').firstRelease).toBe(2018);
  });

  it('ignores files that are not notes', async () => {
    await open();
    writeFileSync(path.join(dir, 'tools', 'README.txt'), 'not a note');
    const next = await open();
    expect(next.reparsed).toBe(0);
    expect(next.store.manifest().problems).toEqual([]);
  });

  it('keeps user categories, and reports broken notes on every rebuild, reused from the cache', async () => {
    mkdirSync(path.join(dir, 'categories'));
    writeFileSync(path.join(dir, 'categories', 'team.md'), '---\nid: team\nname: Team tools\nsummary: Ours.\n---\n\n## Overview\nOurs.\n');
    writeFileSync(path.join(dir, 'tools', 'mine.md'), '---\nid: mine\nname: Mine\ncategory: team\nsummary: Ours.\n---\n');
    writeFileSync(path.join(dir, 'tools', 'bad.md'), '---\nid: bad\ncategory: team\nsummary: No name.\n---\n');
    const first = await open();
    expect(first.reparsed).toBe(6);
    expect(first.store.categories().map((c) => c.id)).toContain('team');
    expect(first.store.tool('mine').category).toBe('team');
    const problems = (r: typeof first) => r.store.manifest().problems.map((p) => `${path.basename(p.file)}: ${p.message}`);
    expect(problems(first)).toEqual(['bad.md: missing required field `name`']);
    write('two', 2016, later());
    const next = await open();
    expect(next.reparsed).toBe(1);
    expect(problems(next)).toEqual(['bad.md: missing required field `name`']);
    expect(next.store.categories().map((c) => c.id)).toContain('team');
  });

  it('lets a later folder override an earlier one, note by note', async () => {
    const other = path.join(tmp, `override-${n}`);
    mkdirSync(path.join(other, 'tools'), { recursive: true });
    writeFileSync(path.join(other, 'tools', 'one.md'), note('one', 2020));
    const both = await openUserCatalog(builtinDir(), [dir, other], cache);
    expect(both.reparsed).toBe(4);
    expect(both.store.tool('one').firstRelease).toBe(2020);
    expect(both.store.tool('two').firstRelease).toBe(2015);
    expect(both.store.summaries().filter((t) => t.id === 'one')).toHaveLength(1);
  });

  it('rebuilds when the built-in catalog changes, or the cached catalog or its state is damaged', async () => {
    const first = await open();
    // A damaged state file: the next rebuild parses every note again.
    writeFileSync(path.join(path.dirname(first.dir), 'state.json'), '{}');
    write('two', 2016, later());
    expect((await open()).reparsed).toBe(3);
    // The cached catalog lost its manifest: rebuilt, even on the quick path.
    rmSync(path.join(first.dir, 'manifest.json'));
    const rebuilt = await open(['one']);
    expect(rebuilt.store.manifest().tools).toBe(6);
    // A new built-in catalog: the merge is rebuilt from it, on the quick path too.
    const changed = miniCatalog();
    changed.tools[0] = { ...changed.tools[0]!, summary: 'A new built-in summary.' };
    rmSync(builtin, { recursive: true, force: true });
    writeArtifacts(builtin, compileArtifacts(changed, []));
    built = true;
    const fresh = await open(['one']);
    expect(fresh.store.tool('alpha').summary).toBe('A new built-in summary.');
    built = false;
    rmSync(builtin, { recursive: true, force: true });
  });

  it('places the cache under XDG_CACHE_HOME when absolute, else under HOME', () => {
    expect(defaultCacheRoot({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe(path.join('/x/cache', 'devops-kb'));
    expect(defaultCacheRoot({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'devops-kb'));
    expect(defaultCacheRoot({ HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'devops-kb'));
    expect(defaultCacheRoot({})).toBe(path.join(process.cwd(), '.cache', 'devops-kb'));
  });
});
