/**
 * A delta-updated index (base segment, masked documents, delta segment) ranks like a full rebuild within
 * the stated tolerance, and masked documents never match.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog, Tool } from '../../src/catalog/types.js';
import { analyzeTools, buildSearchIndex } from '../../src/search/index.js';
import { serializeSearchIndex } from '../../src/search/layout.js';
import { termsOf } from '../../src/store/delta-analysis.js';
import { buildDelta, DELTA_SCORE_TOLERANCE, mergeThreshold, overlay } from '../../src/search/delta.js';
import { search } from '../../src/search/query.js';
import { dirStore } from '../../src/store/dir-store.js';
import { BUILTIN, ROOT } from '../helpers.js';

const store = dirStore(BUILTIN);
const catalog: Catalog = { tools: store.summaries().map((s) => store.tool(s.id)), categories: store.categories() };
const queries = (JSON.parse(readFileSync(path.join(ROOT, 'test', 'eval', 'queries.json'), 'utf8')) as { queries: { q: string }[] }).queries.map((q) => q.q);

/** The shipped catalog with `k` tools edited (a sentence added to the summary), one removed and one added. */
function changed(k: number): { next: Catalog; edits: Tool[]; removed: string[] } {
  const edits = catalog.tools.filter((_, i) => i % Math.floor(catalog.tools.length / k) === 3).slice(0, k).map((t) => ({ ...t, summary: `${t.summary} Runs on bare metal, in pipelines and at the edge.` }));
  const added: Tool = { ...catalog.tools[0]!, id: 'zz-team-mesh', name: 'ZZ Team Mesh', aliases: [], summary: 'Internal service mesh without sidecars for service discovery.', related: { alternatives: [], uses: [], integrates: [] } };
  const removed = [catalog.tools[7]!.id];
  const byId = new Map(edits.map((t) => [t.id, t]));
  const tools = [...catalog.tools.filter((t) => !removed.includes(t.id)).map((t) => byId.get(t.id) ?? t), added].sort((a, b) => a.id.localeCompare(b.id));
  return { next: { tools, categories: catalog.categories }, edits: [...edits, added], removed };
}

function deltaIndex(edits: Tool[], removed: string[]) {
  const base = buildSearchIndex(catalog);
  const doc = new Map(base.ids.map((id, d) => [id, d]));
  const masked = new Set([...edits.map((t) => t.id), ...removed].map((id) => doc.get(id)).filter((d): d is number => d !== undefined));
  return overlay(base, buildDelta(base, base.lens!, catalog, edits, masked), masked);
}

describe('delta segments', () => {
  it('are the same whether document frequencies come from the base postings or the masked documents\' kept terms', () => {
    const { edits, removed } = changed(12);
    const base = buildSearchIndex(catalog);
    const doc = new Map(base.ids.map((id, d) => [id, d]));
    const masked = new Set([...edits.map((t) => t.id), ...removed].map((id) => doc.get(id)).filter((d): d is number => d !== undefined));
    const fromPostings = buildDelta(base, base.lens!, catalog, edits, masked);
    // What an update keeps: each masked document's terms as the base has them, and the edited tools' analysis.
    const maskedTerms = new Map([...masked].map((d) => [d, termsOf(analyzeTools(catalog, [catalog.tools[d]!])[0]!)]));
    const fromKept = buildDelta(base, base.lens!, catalog, edits, masked, { analysed: analyzeTools(catalog, edits), maskedTerms });
    expect(serializeSearchIndex(fromKept)).toEqual(serializeSearchIndex(fromPostings));
    // A masked document's terms left out: the frequencies differ (the test can tell).
    const first = [...masked][0]!;
    const missing = buildDelta(base, base.lens!, catalog, edits, masked, { analysed: analyzeTools(catalog, edits), maskedTerms: new Map([...maskedTerms].filter(([d]) => d !== first)) });
    expect(serializeSearchIndex(missing)).not.toEqual(serializeSearchIndex(fromPostings));
  });

  it('merge past 5% of the documents, 200 notes at most', () => {
    expect(mergeThreshold(409)).toBe(20);
    expect(mergeThreshold(1409)).toBe(70);
    expect(mergeThreshold(10409)).toBe(200);
  });

  it('rank like a full rebuild within the stated tolerance', () => {
    const k = mergeThreshold(catalog.tools.length) - 2;
    const { next, edits, removed } = changed(k);
    const full = buildSearchIndex(next);
    const delta = deltaIndex(edits, removed);
    let sameTop = 0;
    let worst = 0;
    for (const q of [...queries, 'service mesh without sidecar', 'bare metal pipelines edge']) {
      const a = search(full, q, { limit: 10 }).hits;
      const b = search(delta, q, { limit: 10 }).hits;
      if (a[0]?.id === b[0]?.id) sameTop++;
      for (const h of b) {
        const f = a.find((x) => x.id === h.id);
        if (f && f.score > 1) worst = Math.max(worst, Math.abs(h.score - f.score) / f.score);
      }
      // Whatever a full rebuild puts in its top 3 stays in the delta's top 10.
      for (const h of a.slice(0, 3)) if (h.score > (a[0]?.score ?? 0) * 0.5) expect(b.map((x) => x.id), q).toContain(h.id);
    }
    console.log(`delta vs full rebuild: worst score difference ${(worst * 100).toFixed(1)}%, same top hit ${sameTop}/${queries.length + 2}`);
    expect(worst).toBeLessThanOrEqual(DELTA_SCORE_TOLERANCE);
    expect(sameTop / (queries.length + 2)).toBeGreaterThanOrEqual(0.97);
  }, 60_000);

  it('never returns a masked document, and finds the new one', () => {
    const { edits, removed } = changed(3);
    const delta = deltaIndex(edits, removed);
    const gone = search(delta, catalog.tools.find((t) => t.id === removed[0])!.name, { limit: 50 }).hits.map((h) => h.id);
    expect(gone).not.toContain(removed[0]);
    expect(search(delta, 'zz team mesh', { limit: 3 }).hits[0]?.id).toBe('zz-team-mesh');
    // An edited tool appears once (its delta document), never twice.
    const edited = search(delta, 'bare metal pipelines edge', { limit: 100 }).hits.map((h) => h.id);
    expect(new Set(edited).size).toBe(edited.length);
    expect(edited).toEqual(expect.arrayContaining(edits.slice(0, 3).map((t) => t.id)));
  }, 60_000);
});
