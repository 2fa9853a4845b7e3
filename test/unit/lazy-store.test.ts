/**
 * The warm path of a large team catalog, piece by piece: the stamp that confirms a fresh cache with one
 * stat per known note (no folder listing), and the search index read by blocks, each block checked
 * before use and a damaged one reported as corrupt (never served).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tool } from '../../src/catalog/types.js';
import { buildSearchIndex } from '../../src/search/index.js';
import { BLOCK_BYTES, findTerm, openSearchIndex, readSearchMeta, serializeSearchIndex } from '../../src/search/layout.js';
import { search } from '../../src/search/query.js';
import { compileArtifacts } from '../../src/store/compile.js';
import { CorruptArtifactError, writeArtifacts } from '../../src/store/dir-store.js';
import { lazyBin } from '../../src/store/lazy-bin.js';
import { diffNotes, readStamp, restat, sameNotes, writeStamp, type SeenNotes, type Stamp, type StampHead } from '../../src/store/seen-notes.js';
import { openUserCatalog } from '../../src/store/user-cache.js';
import { miniCatalog } from './fixture.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-lazy-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const past = (Date.now() - 120_000) / 1000;

describe('stamp of seen notes', () => {
  const dir = path.join(tmp, 'stamp-notes', 'tools');
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  writeFileSync(file('a.md'), 'alpha');
  writeFileSync(file('b.md'), 'bravo!');
  utimesSync(dir, past, past);
  const seenNow = (): SeenNotes => ({
    folders: [{ dir, kind: 'tool', names: ['a.md', 'b.md'] }],
    times: Float64Array.from(['a.md', 'b.md'].flatMap((n) => [statSync(file(n)).mtimeMs, statSync(file(n)).size])),
  });
  const headNow = (): StampHead => ({ format: 1, builtin: 'x', verifiedAt: Date.now() - 2000, dirs: { [dir]: statSync(dir).mtimeMs } });
  const stampOf = (head = headNow(), seen: SeenNotes | null = seenNow()): Stamp => ({ ...head, notes: () => seen });

  it('reads back what it wrote, and nothing from a torn or damaged file', () => {
    const head = headNow();
    const seen = seenNow();
    writeStamp(path.join(tmp, 'stamp.bin'), head, seen);
    const back = readStamp(path.join(tmp, 'stamp.bin'))!;
    const { notes, joined: _joined, ...backHead } = back;
    expect(backHead).toEqual(head);
    expect(notes()).toEqual(seen);
    const bytes = readFileSync(path.join(tmp, 'stamp.bin'));
    writeFileSync(path.join(tmp, 'torn.bin'), bytes.subarray(0, bytes.length - 3));
    expect(readStamp(path.join(tmp, 'torn.bin'))).toBeNull();
    expect(readStamp(path.join(tmp, 'missing.bin'))).toBeNull();
    // Damaged note names: the head still reads (the quick path of show), the notes do not.
    const damaged = Buffer.from(bytes);
    damaged[damaged.indexOf('a.md')] = 0x22; // a quote inside the JSON string
    writeFileSync(path.join(tmp, 'damaged.bin'), damaged);
    const partly = readStamp(path.join(tmp, 'damaged.bin'))!;
    expect(partly.verifiedAt).toBe(head.verifiedAt);
    expect(partly.notes()).toBeNull();
    expect(restat(partly, { [dir]: head.dirs[dir]! })).toBeNull();
  });

  it('restats known notes without a listing, and sees an in-place edit, a touched folder or a folder changed during the check', () => {
    const stamp = stampOf();
    const before = stamp.notes()!;
    const dirs = () => ({ [dir]: statSync(dir).mtimeMs });
    expect(restat(stamp, dirs())).toMatchObject({ changed: false, times: before.times });
    expect(process.cwd()).toBe(path.resolve('.')); // the check steps into folders and back
    // Same size, new mtime: the folder's mtime does not move, the note's does.
    writeFileSync(file('a.md'), 'alphA');
    expect(statSync(dir).mtimeMs).toBe(stamp.dirs[dir]);
    const edited = restat(stamp, dirs())!;
    expect(edited.changed).toBe(true);
    expect(edited.times[0]).toBe(statSync(file('a.md')).mtimeMs);
    expect(edited.times.slice(2)).toEqual(before.times.slice(2));
    expect(sameNotes(before, edited)).toBe(false);
    const fresh = stampOf();
    expect(sameNotes(fresh.notes()!, edited)).toBe(true);
    expect(restat(fresh, dirs())?.changed).toBe(false);
    // The same check over a stamp read back from its file, which walks the stored names without splitting them.
    const onDisk = path.join(tmp, 'restat.bin');
    const { notes: freshNotes, ...freshHead } = fresh;
    writeStamp(onDisk, freshHead, freshNotes()!);
    const back = readStamp(onDisk)!;
    expect(restat(back, dirs())).toMatchObject({ changed: false, times: freshNotes()!.times });
    writeFileSync(file('b.md'), 'bravO!'); // same size, in place
    const seenEdit = restat(back, dirs())!;
    expect(seenEdit.changed).toBe(true);
    expect(diffNotes(back.notes()!, seenEdit).changed.map((c) => path.basename(c.file))).toEqual(['b.md']);
    // An empty name in the stored list is damage: no check from it.
    writeStamp(onDisk, freshHead, { folders: [{ ...freshNotes()!.folders[0]!, names: ['a.md', '', 'b.md'] }], times: new Float64Array(6) });
    expect(restat(readStamp(onDisk)!, dirs())).toBeNull();
    // A folder whose mtime is not older than the check could hide a change made in the same clock tick.
    expect(restat({ ...fresh, verifiedAt: fresh.dirs[dir]! }, dirs())).toBeNull();
    writeFileSync(file('c.md'), 'charlie');
    expect(restat(fresh, dirs())).toBeNull();
  });
});

describe('changes between two checks', () => {
  const folder = (dir: string, names: string[]) => ({ dir, kind: 'tool' as const, names });
  const before = { folders: [folder('/n/tools', ['a.md', 'b.md', 'c.md'])], times: Float64Array.from([1, 10, 2, 20, 3, 30]) };

  it('after a restat (same folders), reports only notes whose time or size moved', () => {
    const now = { folders: before.folders, times: Float64Array.from([1, 10, 5, 20, 3, 31]) };
    expect(diffNotes(before, now)).toEqual({
      changed: [
        { file: path.join('/n/tools', 'b.md'), kind: 'tool', mtimeMs: 5, size: 20, existed: true },
        { file: path.join('/n/tools', 'c.md'), kind: 'tool', mtimeMs: 3, size: 31, existed: true },
      ],
      gone: [],
    });
  });

  it('after a listing, matches notes by path: added, changed and gone', () => {
    const now = { folders: [folder('/n/tools', ['c.md', 'd.md', 'a.md'])], times: Float64Array.from([3, 30, 4, 40, 9, 10]) };
    expect(diffNotes(before, now)).toEqual({
      changed: [
        { file: path.join('/n/tools', 'd.md'), kind: 'tool', mtimeMs: 4, size: 40, existed: false },
        { file: path.join('/n/tools', 'a.md'), kind: 'tool', mtimeMs: 9, size: 10, existed: true },
      ],
      gone: [{ file: path.join('/n/tools', 'b.md'), kind: 'tool' }],
    });
  });
});

describe('user cache on the quick confirmation', () => {
  const builtin = path.join(tmp, 'builtin');
  const notes = path.join(tmp, 'team');
  const cache = path.join(tmp, 'cache');
  const note = (id: string, word: string) => `---\nid: ${id}\nname: ${id.toUpperCase()}\ncategory: config-mgmt\nsummary: Team tool about ${word}.\n---\n\n## Overview\nInternal.\n`;

  it('confirms a fresh cache without rewriting its stamp, and still sees in-place edits and new notes', async () => {
    writeArtifacts(builtin, compileArtifacts(miniCatalog(), []));
    mkdirSync(path.join(notes, 'tools'), { recursive: true });
    for (const id of ['one', 'two']) writeFileSync(path.join(notes, 'tools', `${id}.md`), note(id, 'walrus'));
    // Folders last changed long ago: the quick confirmation may trust their listings.
    utimesSync(path.join(notes, 'tools'), past, past);
    const open = () => openUserCatalog(builtin, [notes], cache);
    const first = await open();
    expect(first.reparsed).toBe(2);
    const stampFile = path.join(path.dirname(first.dir), 'stamp.bin');
    const before = statSync(stampFile);
    expect((await open()).reparsed).toBe(0);
    expect(statSync(stampFile).ino).toBe(before.ino); // confirmed, not rescanned and rewritten

    writeFileSync(path.join(notes, 'tools', 'two.md'), note('two', 'narwhl'));
    const later = Date.now() / 1000 + 5;
    utimesSync(path.join(notes, 'tools', 'two.md'), later, later);
    const edited = await open();
    expect(edited.reparsed).toBe(1);
    expect(search(edited.store.searchIndex(), 'narwhl').hits[0]?.id).toBe('two');

    writeFileSync(path.join(notes, 'tools', 'three.md'), note('three', 'okapi'));
    const added = await open();
    expect(added.reparsed).toBe(1);
    expect(added.store.hasTool('three')).toBe(true);
  });
});

describe('search index read by blocks', () => {
  // Enough tools that the postings span several 64 KiB blocks.
  const mini = miniCatalog();
  const base = mini.tools[0]!;
  const tools: Tool[] = Array.from({ length: 1500 }, (_, i) => ({ ...base, id: `tool-${i}`, name: `Tool ${i}`, aliases: [`word${i}`], summary: `Synthetic tool word${i} number ${i} for team ${i % 37} and ${i % 91}.` }));
  const index = buildSearchIndex({ ...mini, tools });
  const files = serializeSearchIndex(index, true);
  const meta = readSearchMeta(files.json);
  const binFile = path.join(tmp, 'search.bin');
  const open = () => openSearchIndex(meta, files.terms, lazyBin(binFile, meta));

  it('answers like the index held in memory', () => {
    writeFileSync(binFile, files.bin);
    expect(files.bin.byteLength).toBeGreaterThan(3 * BLOCK_BYTES);
    expect(search(open(), 'word1234').hits.map((h) => h.id)).toEqual(search(index, 'word1234').hits.map((h) => h.id));
    expect(search(open(), 'synthetic tool').hits.slice(0, 5)).toEqual(search(index, 'synthetic tool').hits.slice(0, 5));
    // Serialized (the static site does), a segment read on demand is loaded whole first.
    expect(Buffer.from(serializeSearchIndex(open(), true).bin).equals(Buffer.from(files.bin))).toBe(true);
  });

  it('reports a damaged postings block when a query reads it, and serves queries that do not', () => {
    const postingsAt = 8 * (meta.terms + 1);
    // The block holding the postings of one rare term, damaged in place (same size).
    const i = findTerm(index, 'word1234');
    const at = postingsAt + 8 * index.offsets[i]!;
    const damaged = new Uint8Array(files.bin);
    damaged[at]! ^= 0x5a;
    writeFileSync(binFile, damaged);
    const lazy = open();
    const blockOf = (w: string) => Math.floor((postingsAt + 8 * index.offsets[findTerm(index, w)]!) / BLOCK_BYTES);
    const other = tools.map((_, k) => `word${k}`).find((w) => blockOf(w) !== blockOf('word1234'))!;
    expect(other).toBeDefined();
    expect(search(lazy, other).hits[0]?.id).toBe(`tool-${other.slice(4)}`);
    expect(() => search(lazy, 'word1234')).toThrow(CorruptArtifactError);
  });

  it('refuses a truncated file before any query', () => {
    writeFileSync(binFile, files.bin.subarray(0, files.bin.byteLength - 8));
    expect(() => open()).toThrow(/truncated/);
  });
});

describe('shipped analysis reused by a full compile', () => {
  const notes = path.join(tmp, 'reuse-notes');
  mkdirSync(path.join(notes, 'tools'), { recursive: true });
  mkdirSync(path.join(notes, 'categories'), { recursive: true });
  writeFileSync(path.join(notes, 'tools', 'team-a.md'), '---\nid: team-a\nname: Team A\ncategory: config-mgmt\nsummary: Pushes configuration over SSH for the platform team.\n---\n\n## Overview\nAgentless runs.\n');
  // A team note replacing a built-in tool: its own analysis, never the shipped one.
  const replaced = miniCatalog().tools[0]!;
  writeFileSync(path.join(notes, 'tools', `${replaced.id}.md`), `---\nid: ${replaced.id}\nname: ${replaced.name}\ncategory: ${replaced.category}\nsummary: Replaced by the team with a note about walruses.\n---\n\n## Overview\nWalrus.\n`);

  async function indexWith(keepAnalysis: boolean, label: string): Promise<{ terms: string; bin: Buffer; tools: unknown[] }> {
    const builtin = path.join(tmp, `reuse-builtin-${label}`);
    writeArtifacts(builtin, compileArtifacts(miniCatalog(), [], { keepAnalysis }));
    const opened = await openUserCatalog(builtin, [notes], path.join(tmp, `reuse-cache-${label}`));
    // Every tool as the store serves it: from the cache's pack, or (built-in tools kept as shipped) from the built-in catalog.
    const tools = opened.store.summaries().map((t) => opened.store.tool(t.id));
    return { terms: readFileSync(path.join(opened.dir, 'terms.txt'), 'utf8'), bin: readFileSync(path.join(opened.dir, 'search.bin')), tools };
  }

  it('builds the same index and serves the same tools as analysing and packing every tool, with or without a team category note', async () => {
    const reused = await indexWith(true, 'kept');
    const analysed = await indexWith(false, 'none');
    expect(reused.terms).toContain('walrus');
    expect(reused.terms).toBe(analysed.terms);
    expect(reused.bin.equals(analysed.bin)).toBe(true);
    expect(reused.tools).toEqual(analysed.tools);
    expect(reused.tools.length).toBe(miniCatalog().tools.length + 1);
    // A team note redefining a built-in category changes the built-in tools' facet evidence: all are analysed again.
    const category = miniCatalog().categories[0]!;
    writeFileSync(path.join(notes, 'categories', `${category.id}.md`), `---\nid: ${category.id}\nname: Renamed ${category.name}\nsummary: Team view.\n---\n\n## Overview\nOurs.\n`);
    const reusedCat = await indexWith(true, 'kept-cat');
    const analysedCat = await indexWith(false, 'none-cat');
    expect(reusedCat.terms).toContain('renam');
    expect(reusedCat.terms).toBe(analysedCat.terms);
    expect(reusedCat.bin.equals(analysedCat.bin)).toBe(true);
    expect(reusedCat.tools).toEqual(analysedCat.tools);
  });
});
