import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirStore } from '../src/store/dir-store.js';
import { BUILTIN, ROOT, json, run } from './helpers.js';

interface Query {
  kind: 'concept' | 'alias' | 'typo';
  q: string;
  /** The one answer that should come first. */
  best: string;
  expect: string[];
}

const { queries } = JSON.parse(readFileSync(path.join(ROOT, 'test', 'eval', 'queries.json'), 'utf8')) as { queries: Query[] };
const catalog = dirStore(BUILTIN);

interface Ranked {
  q: string;
  kind: string;
  /** Rank of the best answer (0: not in the top 10). */
  best: number;
  /** Rank of the first id of `expect`. */
  any: number;
}

async function rankAll(): Promise<Ranked[]> {
  const out: Ranked[] = [];
  for (const q of queries) {
    const ids = json<{ id: string }[]>(await run(['search', ...q.q.split(' '), '--json'], { io: { catalog } })).map((h) => h.id);
    out.push({ q: q.q, kind: q.kind, best: ids.indexOf(q.best) + 1, any: ids.findIndex((id) => q.expect.includes(id)) + 1 });
  }
  return out;
}

const mrr = (ranks: number[]) => ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / ranks.length;
const hit = (ranks: number[], k: number) => ranks.filter((r) => r >= 1 && r <= k).length / ranks.length;

describe('search quality on the public evaluation set', () => {
  it('has at least 60 queries of the three kinds, all pointing at real ids, each with a best answer listed first', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['concept', 'alias', 'typo']) expect(queries.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(15);
    const ids = new Set(catalog.summaries().map((t) => t.id));
    for (const q of queries) {
      for (const id of q.expect) expect(ids.has(id), `${q.q}: ${id}`).toBe(true);
      expect(q.expect[0], q.q).toBe(q.best);
    }
  });

  it('puts the best answer first about as often as measured, and a listed answer in the top 3 nearly always', async () => {
    const ranks = await rankAll();
    const best = ranks.map((r) => r.best);
    const any = ranks.map((r) => r.any);
    const misses = ranks.filter((r) => r.best !== 1).map((r) => `${r.kind} "${r.q}": best at ${r.best || '-'}`).join('\n');
    // Measured 2026-12-02 on 195 queries: MRR(best) 0.901, hit@1(best) 0.826 (161 of 195), hit@3(best) 0.969,
    // MRR(any listed id) 0.974, hit@3(any) 0.995. The gates sit just under: two more queries losing their
    // best answer, or one more falling out of the top 3, fail the suite.
    expect(mrr(best), misses).toBeGreaterThanOrEqual(0.89);
    expect(hit(best, 1) * best.length, misses).toBeGreaterThanOrEqual(159);
    expect(hit(best, 3), misses).toBeGreaterThanOrEqual(0.96);
    expect(mrr(any)).toBeGreaterThanOrEqual(0.965);
    expect(hit(any, 3)).toBeGreaterThanOrEqual(0.99);
    // Names and typos are the easy part: a listed answer comes first every time, and the best one too,
    // but for one typo whose best answer (terraform) is second.
    for (const kind of ['alias', 'typo']) expect(ranks.filter((r) => r.kind === kind && r.any !== 1).map((r) => r.q), kind).toEqual([]);
    expect(ranks.filter((r) => r.kind !== 'concept' && r.best !== 1).map((r) => r.q)).toEqual(['infrastucture as code']);
  });

  it('answers "X alternative" with the alternatives of X', async () => {
    const ids = json<{ id: string }[]>(await run(['search', 'docker', 'alternative', '--json'], { io: { catalog } })).map((h) => h.id);
    expect(ids[0]).not.toBe('docker');
    expect(catalog.tool('docker').related.alternatives).toContain(ids[0]);
  });
});
