import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirStore } from '../src/store/dir-store.js';
import { BUILTIN, ROOT, json, run } from './helpers.js';

interface Query {
  kind: 'concept' | 'alias' | 'typo';
  q: string;
  expect: string[];
}

const { queries } = JSON.parse(readFileSync(path.join(ROOT, 'test', 'eval', 'queries.json'), 'utf8')) as { queries: Query[] };
const catalog = dirStore(BUILTIN);

describe('search quality on the public evaluation set', () => {
  it('has at least 60 queries of the three kinds, all pointing at real ids', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['concept', 'alias', 'typo']) expect(queries.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(15);
    const ids = new Set(catalog.summaries().map((t) => t.id));
    for (const q of queries) for (const id of q.expect) expect(ids.has(id), `${q.q}: ${id}`).toBe(true);
  });

  it('reaches MRR >= 0.95 and hit@3 >= 0.97 over the whole set, and per kind', async () => {
    const ranks: { kind: string; rank: number }[] = [];
    for (const q of queries) {
      const ids = json<{ id: string }[]>(await run(['search', ...q.q.split(' '), '--json'], { io: { catalog } })).map((h) => h.id);
      ranks.push({ kind: q.kind, rank: ids.findIndex((id) => q.expect.includes(id)) + 1 });
    }
    const score = (list: typeof ranks) => ({
      mrr: list.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / list.length,
      hit3: list.filter((r) => r.rank >= 1 && r.rank <= 3).length / list.length,
    });
    const all = score(ranks);
    expect(all.mrr).toBeGreaterThanOrEqual(0.95);
    expect(all.hit3).toBeGreaterThanOrEqual(0.97);
    // Names and typos are the easy part: they must stay perfect.
    for (const kind of ['alias', 'typo']) expect(score(ranks.filter((r) => r.kind === kind)), kind).toEqual({ mrr: 1, hit3: 1 });
  });

  it('answers "X alternative" with the alternatives of X', async () => {
    const ids = json<{ id: string }[]>(await run(['search', 'docker', 'alternative', '--json'], { io: { catalog } })).map((h) => h.id);
    expect(ids[0]).not.toBe('docker');
    expect(catalog.tool('docker').related.alternatives).toContain(ids[0]);
  });
});
