/**
 * The user cache's update lock: updates run one at a time, a lock left by a process that is gone (or too
 * old) is taken over, and a second process that waited checks again instead of compiling what the first
 * one already compiled.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileArtifacts } from '../../src/store/compile.js';
import { writeArtifacts } from '../../src/store/dir-store.js';
import { withUpdateLock } from '../../src/store/update-lock.js';
import { openUserCatalog } from '../../src/store/user-cache.js';
import { miniCatalog } from './fixture.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-lock-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('update lock', () => {
  it('runs updates one at a time and removes the lock after each', async () => {
    const root = path.join(tmp, 'serial');
    const events: string[] = [];
    const update = (name: string) => async () => {
      events.push(`${name} starts`);
      expect(existsSync(path.join(root, 'update.lock'))).toBe(true);
      await sleep(60);
      events.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all([withUpdateLock(root, update('a')), withUpdateLock(root, update('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(events).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
    expect(existsSync(path.join(root, 'update.lock'))).toBe(false);
  });

  it('releases the lock when the update fails', async () => {
    const root = path.join(tmp, 'failing');
    await expect(withUpdateLock(root, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(path.join(root, 'update.lock'))).toBe(false);
  });

  it('takes over a lock whose process is gone, or that is too old, and waits for a live one', async () => {
    const root = path.join(tmp, 'stale');
    mkdirSync(root, { recursive: true });
    const lock = path.join(root, 'update.lock');
    writeFileSync(lock, JSON.stringify({ pid: 4_000_000, at: Date.now() }));
    expect(await withUpdateLock(root, async () => 'gone', { alive: () => false })).toBe('gone');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, at: Date.now() - 11 * 60 * 1000 }));
    expect(await withUpdateLock(root, async () => 'old')).toBe('old');
    // A live holder: the update waits until the lock is gone.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, at: Date.now() }));
    const started = Date.now();
    setTimeout(() => rmSync(lock, { force: true }), 150);
    expect(await withUpdateLock(root, async () => Date.now() - started)).toBeGreaterThanOrEqual(140);
  });
});

describe('user cache under the lock', () => {
  const builtin = path.join(tmp, 'builtin');
  writeArtifacts(builtin, compileArtifacts(miniCatalog(), []));
  const notes = path.join(tmp, 'notes');
  mkdirSync(path.join(notes, 'tools'), { recursive: true });
  const note = (id: string, word: string) => writeFileSync(path.join(notes, 'tools', `${id}.md`), `---\nid: ${id}\nname: ${id}\ncategory: config-mgmt\nsummary: A ${word} tool for the platform team.\n---\n\n## Overview\nIt ${word}s.\n`);
  const cache = path.join(tmp, 'cache');

  it('a second caller that waited for the lock finds the cache updated and compiles nothing', async () => {
    note('team-a', 'walrus');
    const [first, second] = await Promise.all([openUserCatalog(builtin, [notes], cache), openUserCatalog(builtin, [notes], cache)]);
    expect(first.reparsed + second.reparsed).toBe(1);
    expect(first.store.hasTool('team-a') && second.store.hasTool('team-a')).toBe(true);
    note('team-b', 'narwhal');
    const both = await Promise.all([openUserCatalog(builtin, [notes], cache), openUserCatalog(builtin, [notes], cache)]);
    expect(both.map((b) => b.reparsed).sort()).toEqual([0, 1]);
    expect(both.every((b) => b.store.hasTool('team-b'))).toBe(true);
    expect(existsSync(path.join(path.dirname(first.dir), 'update.lock'))).toBe(false);
  });
});
