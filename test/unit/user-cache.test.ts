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

  it('re-parses notes whose cache files are damaged when it next rebuilds', async () => {
    const first = await open();
    const notesDir = path.join(path.dirname(first.dir), 'notes');
    const files = readdirSync(notesDir);
    expect(files).toHaveLength(3);
    for (const f of files) writeFileSync(path.join(notesDir, f), '{"trunc');
    write('two', 2017, later());
    const next = await open();
    expect(next.reparsed).toBe(3);
    expect(next.store.tool('two').firstRelease).toBe(2017);
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

  it('places the cache under XDG_CACHE_HOME when absolute, else under HOME', () => {
    expect(defaultCacheRoot({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe(path.join('/x/cache', 'devops-kb'));
    expect(defaultCacheRoot({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'devops-kb'));
    expect(defaultCacheRoot({ HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'devops-kb'));
  });
});
