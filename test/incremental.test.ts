/**
 * The incremental user index: after an edit, a same-size edit, an added, deleted or renamed team note the
 * next search and show are fresh; changes go to a delta (not a full compile) until it passes its threshold;
 * deleted notes never come back from the base; a damaged segment is detected and rebuilt, never served.
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { json, run } from './helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-incr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let clock = Date.now() + 10_000;
function write(dir: string, id: string, words: string): string {
  const file = path.join(dir, 'tools', `${id}.md`);
  writeFileSync(file, `---\nid: ${id}\nname: ${id.replace(/-/g, ' ')}\ncategory: ci-cd\nsummary: Team tool about ${words}.\n---\n\n## Overview\nIt handles ${words} for the team.\n`);
  const later = new Date((clock += 5000));
  utimesSync(file, later, later);
  return file;
}

/** A team-notes folder with `n` notes and its own cache; `ids` lists hits of a search. */
function setup(name: string, n: number) {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'tools'), { recursive: true });
  for (let i = 0; i < n; i++) write(dir, `team-tool-${i}`, `widget number ${i}`);
  const cache = path.join(tmp, `${name}-cache`);
  const env = { DEVOPS_KB_PATH: dir, XDG_CACHE_HOME: cache };
  const ids = async (...q: string[]) => json<{ id: string }[]>(await run(['search', ...q, '--json'], { env })).map((h) => h.id);
  const catalogDir = () => {
    const root = path.join(cache, 'devops-kb');
    return path.join(root, readdirSync(root)[0]!, 'catalog');
  };
  const manifest = () => JSON.parse(readFileSync(path.join(catalogDir(), 'manifest.json'), 'utf8')) as { delta?: number; tools: number };
  return { dir, env, ids, catalogDir, manifest };
}

describe('incremental user index', () => {
  it('is fresh after an edit and a same-size edit, through a delta', async () => {
    const t = setup('edit', 5);
    expect(await t.ids('widget', 'number', '3')).toContain('team-tool-3');
    expect(t.manifest().delta).toBeUndefined();
    write(t.dir, 'team-tool-3', 'zebrafish herding');
    expect((await t.ids('zebrafish'))[0]).toBe('team-tool-3');
    expect(t.manifest().delta).toBeGreaterThan(0);
    // Same size, new mtime: "zebrafish" -> "quokkacat".
    const file = path.join(t.dir, 'tools', 'team-tool-3.md');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace(/zebrafish/g, 'quokkacat'));
    const later = new Date((clock += 5000));
    utimesSync(file, later, later);
    expect((await t.ids('quokkacat'))[0]).toBe('team-tool-3');
    expect(await t.ids('zebrafish')).not.toContain('team-tool-3');
    expect(json<{ summary: string }>(await run(['show', 'team-tool-3', '--json'], { env: t.env })).summary).toMatch(/quokkacat/);
    expect(t.manifest().tools).toBe(409 + 5);
  }, 120_000);

  it('is fresh after adding, deleting and renaming notes; deleted ones never come back', async () => {
    const t = setup('add-delete', 5);
    expect(await t.ids('widget')).toContain('team-tool-1');
    write(t.dir, 'brand-new-tool', 'axolotl pipelines');
    expect((await t.ids('axolotl'))[0]).toBe('brand-new-tool');
    expect(json<{ id: string }>(await run(['show', 'brand-new-tool', '--json'], { env: t.env })).id).toBe('brand-new-tool');
    rmSync(path.join(t.dir, 'tools', 'team-tool-1.md'));
    expect(await t.ids('widget', 'number', '1')).not.toContain('team-tool-1');
    expect((await run(['show', 'team-tool-1'], { env: t.env })).code).not.toBe(0);
    // Rename: the file and its id change together.
    const from = path.join(t.dir, 'tools', 'team-tool-2.md');
    writeFileSync(from, readFileSync(from, 'utf8').replace('id: team-tool-2', 'id: team-tool-renamed').replace('name: team tool 2', 'name: team tool renamed'));
    renameSync(from, path.join(t.dir, 'tools', 'team-tool-renamed.md'));
    const hits = await t.ids('widget', 'number', '2');
    expect(hits).toContain('team-tool-renamed');
    expect(hits).not.toContain('team-tool-2');
    expect((await run(['show', 'team-tool-2'], { env: t.env })).code).not.toBe(0);
    expect(t.manifest().delta).toBeGreaterThan(0);
    const names = json<string[]>(await run(['list', '--json'], { env: t.env })).map((x) => (x as unknown as { id: string }).id);
    expect(names).toContain('team-tool-renamed');
    expect(names).not.toContain('team-tool-1');
    expect(names).not.toContain('team-tool-2');
  }, 120_000);

  it('merges the delta into a new base once it passes its threshold', async () => {
    const t = setup('threshold', 30);
    await t.ids('widget');
    write(t.dir, 'team-tool-0', 'changed once');
    await t.ids('widget');
    expect(t.manifest().delta).toBeGreaterThan(0);
    // 409 + 30 documents: the threshold is 21 notes.
    for (let i = 1; i < 25; i++) write(t.dir, `team-tool-${i}`, `gizmo batch ${i}`);
    expect((await t.ids('gizmo', 'batch', '7'))[0]).toBe('team-tool-7');
    expect(t.manifest().delta).toBeUndefined();
    expect(readdirSync(t.catalogDir()).filter((f) => f.startsWith('delta-'))).toEqual([]);
    write(t.dir, 'team-tool-26', 'after the merge');
    expect((await t.ids('after', 'merge'))[0]).toBe('team-tool-26');
    expect(t.manifest().delta).toBeGreaterThan(0);
  }, 180_000);

  it('keeps the later folder winning when a note it overrides is edited', async () => {
    const t = setup('first', 2);
    const second = path.join(tmp, 'second');
    mkdirSync(path.join(second, 'tools'), { recursive: true });
    write(second, 'team-tool-1', 'okapi override');
    const env = { ...t.env, DEVOPS_KB_PATH: `${t.dir}:${second}` };
    const summary = async () => json<{ summary: string }>(await run(['show', 'team-tool-1', '--json'], { env })).summary;
    expect(await summary()).toMatch(/okapi/);
    write(t.dir, 'team-tool-1', 'lemur edit in the first folder');
    await run(['search', 'lemur', '--json'], { env });
    expect(await summary()).toMatch(/okapi/);
  }, 120_000);

  it('takes every note as it is when the changes so far cannot be read (a full compile, nothing stale)', async () => {
    const t = setup('unreadable-delta', 4);
    await t.ids('widget');
    write(t.dir, 'team-tool-1', 'axolotl breeding');
    expect((await t.ids('axolotl'))[0]).toBe('team-tool-1');
    const file = path.join(t.catalogDir(), `delta-${t.manifest().delta}.bin`);
    writeFileSync(file, Buffer.from('not a delta'));
    write(t.dir, 'team-tool-2', 'capybara grooming');
    expect((await t.ids('capybara'))[0]).toBe('team-tool-2');
    expect((await t.ids('axolotl'))[0]).toBe('team-tool-1');
    expect(t.manifest().delta).toBeUndefined(); // a new base, no delta
  }, 120_000);

  it('rebuilds when a file an update reads is damaged, instead of failing every search after', async () => {
    const t = setup('damaged-during-update', 4);
    await t.ids('widget');
    const bin = path.join(t.catalogDir(), 'search.bin');
    writeFileSync(bin, readFileSync(bin).subarray(0, -4));
    write(t.dir, 'team-tool-2', 'tapir grazing');
    const r = await run(['search', 'tapir', '--json'], { env: t.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/rebuilding the cache/);
    expect(json<{ id: string }[]>(r)[0]?.id).toBe('team-tool-2');
    write(t.dir, 'team-tool-3', 'okapi racing');
    expect((await t.ids('okapi'))[0]).toBe('team-tool-3');
  }, 120_000);

  it('reports a damaged loose shard instead of reviving the older copy in the pack', async () => {
    const t = setup('damaged-shard', 4);
    await t.ids('widget');
    write(t.dir, 'team-tool-1', 'gecko climbing');
    expect((await t.ids('gecko'))[0]).toBe('team-tool-1');
    const loose = readdirSync(path.join(t.catalogDir(), 'toolshards'));
    expect(loose.length).toBeGreaterThan(0);
    for (const name of loose) writeFileSync(path.join(t.catalogDir(), 'toolshards', name), '{"team-tool-1": ');
    write(t.dir, 'team-tool-1', 'gecko sleeping');
    const r = await run(['show', 'team-tool-1', '--json'], { env: t.env });
    expect(r.stderr).toMatch(/rebuilding the cache/);
    expect(json<{ summary: string }>(r).summary).toMatch(/gecko sleeping/);
  }, 120_000);

  it('compiles nothing when only the listing moved (a new empty folder), and the next edit stays incremental', async () => {
    const t = setup('listing-moved', 3);
    await t.ids('widget');
    mkdirSync(path.join(t.dir, 'categories'));
    await t.ids('widget');
    expect(t.manifest().delta).toBeUndefined();
    write(t.dir, 'team-tool-0', 'ibis wading');
    expect((await t.ids('ibis'))[0]).toBe('team-tool-0');
    expect(t.manifest().delta).toBeGreaterThan(0);
  }, 120_000);

  it('never serves the built-in copy of a tool whose team note replaced it but was left out', async () => {
    const t = setup('left-out', 2);
    writeFileSync(path.join(t.dir, 'tools', 'activemq.md'), '---\nid: activemq\nname: ActiveMQ\ncategory: no-such-category\nsummary: Ours.\n---\n\n## Overview\nOurs.\n');
    const list = await run(['list', '--json'], { env: t.env });
    expect(json<{ id: string }[]>(list).map((x) => x.id)).not.toContain('activemq');
    expect((await run(['show', 'activemq'], { env: t.env })).code).toBe(1);
  }, 120_000);

  it('splits the pack of parsed notes with the helper thread and reuses both halves in the next full compile', async () => {
    // Past the helper thread's threshold (600 notes): it parses and packs the chunks it takes (it starts late, so enough notes that it takes some).
    const t = setup('helper-pack', 1200);
    // The built CLI: the helper thread is a bundle of its own (tests of the sources work on one thread).
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'devops-kb'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', ...t.env } });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    expect(cli('search', 'widget', 'number', '1140')).toContain('team-tool-1140');
    const root = path.dirname(t.catalogDir());
    const pack = (name: string) => JSON.parse(readFileSync(path.join(root, name), 'utf8')) as Record<string, { note: { summary: string } | null }>;
    const mine = pack('notes.json');
    const theirs = pack('notes-helper.json');
    expect(Object.keys(theirs).length).toBeGreaterThan(0);
    expect(Object.keys(mine).filter((f) => f in theirs)).toEqual([]);
    expect(Object.keys(mine).length + Object.keys(theirs).length).toBe(1200);
    // Mark one note parsed by the helper (same mtime and size on disk): a full compile that reuses the pack shows the mark.
    const [file, entry] = Object.entries(theirs)[0]!;
    entry.note!.summary = 'Marked in the helper pack.';
    writeFileSync(path.join(root, 'notes-helper.json'), JSON.stringify(theirs));
    // A category note changes: the incremental path leaves it to a full compile, which parses that note only.
    mkdirSync(path.join(t.dir, 'categories'));
    writeFileSync(path.join(t.dir, 'categories', 'team-stuff.md'), '---\nid: team-stuff\nname: Team stuff\nsummary: Ours.\n---\n\n## Overview\nOurs.\n');
    cli('search', 'widget');
    const id = path.basename(file, '.md');
    expect(JSON.parse(cli('show', id, '--json')).summary).toBe('Marked in the helper pack.');
    // One note parsed this time, without the helper: its pack is gone and the main pack holds every note.
    expect(readdirSync(root)).not.toContain('notes-helper.json');
    expect(Object.keys(pack('notes.json')).length).toBe(1201);
  }, 120_000);

  for (const target of ['delta', 'base'] as const) {
    it(`detects a damaged ${target} segment, rebuilds it and never serves it`, async () => {
      const t = setup(`damaged-${target}`, 4);
      await t.ids('widget');
      write(t.dir, 'team-tool-2', 'pangolin routing');
      expect((await t.ids('pangolin'))[0]).toBe('team-tool-2');
      const bin = path.join(t.catalogDir(), target === 'delta' ? `delta-${t.manifest().delta}.bin` : 'search.bin');
      const bytes = readFileSync(bin);
      for (let i = 8; i < bytes.length; i += 16) bytes[i] = bytes[i]! ^ 0x5a; // same size, different content
      writeFileSync(bin, bytes);
      const r = await run(['search', 'pangolin', '--json'], { env: t.env });
      expect(r.stderr).toMatch(/rebuilding the cache/);
      expect(json<{ id: string }[]>(r)[0]?.id).toBe('team-tool-2');
      const again = await run(['search', 'pangolin', '--json'], { env: t.env });
      expect(again.stderr).not.toMatch(/rebuilding/);
    }, 120_000);
  }
});
