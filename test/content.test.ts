/**
 * The shipped encyclopedia, checked against the roster and the note format's depth rules.
 * Reads the compiled catalog that `npm test` builds first (pretest).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirStore } from '../src/store/dir-store.js';
import { UNKNOWN, type Tool } from '../src/catalog/types.js';
import { BUILTIN, ROOT } from './helpers.js';

const store = dirStore(BUILTIN);
const roster = readFileSync(path.join(ROOT, 'test', 'roster.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [id, name, category, also, depth] = l.split('\t');
    return { id: id!, name: name!, category: category!, also: also ? also.split(',').map((s) => s.trim()) : [], depth: depth! };
  });
const ids = new Set(store.summaries().map((t) => t.id));
const categories = store.categories();
const tool = (id: string): Tool => store.tool(id);

function filledShare(t: Tool): { filled: number; total: number; unknown: number } {
  const defs = categories.find((c) => c.id === t.category)?.facets ?? [];
  const unknown = defs.filter((d) => t.facets[d.key] === UNKNOWN).length;
  const filled = defs.filter((d) => d.key in t.facets && t.facets[d.key] !== UNKNOWN).length;
  return { filled, total: defs.length, unknown };
}

describe('shipped content', () => {
  it('compiles without errors', () => {
    const errors = store.manifest().problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it('covers every roster id with its category and secondary categories', () => {
    const missing = roster.filter((r) => !ids.has(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
    for (const r of roster) {
      const t = tool(r.id);
      expect(t.name, r.id).toBe(r.name);
      expect(t.category, r.id).toBe(r.category);
      expect([...t.also].sort(), r.id).toEqual([...r.also].sort());
    }
  });

  it('has a category note with 6-12 typed facets and a guide for every roster category', () => {
    for (const id of new Set(roster.map((r) => r.category))) {
      const c = categories.find((x) => x.id === id);
      expect(c, id).toBeDefined();
      expect(c!.facets.length, id).toBeGreaterThanOrEqual(6);
      expect(c!.facets.length, id).toBeLessThanOrEqual(12);
      expect(store.guide(id).map((s) => s.title), id).toContain('How to choose');
    }
  });

  it('gives deep notes all six sections, 400-900 words, full facets, facts and two sources', () => {
    const problems: string[] = [];
    for (const r of roster.filter((x) => x.depth === 'deep' && ids.has(x.id))) {
      const t = tool(r.id);
      const titles = t.sections.map((s) => s.title);
      for (const s of ['Overview', 'How it works', 'Strengths', 'Weaknesses', 'When to use it', 'When to look elsewhere']) {
        if (!titles.includes(s)) problems.push(`${r.id}: no section ${s}`);
      }
      if (t.wordCount < 400 || t.wordCount > 900) problems.push(`${r.id}: ${t.wordCount} words`);
      const f = filledShare(t);
      if (f.filled + f.unknown < f.total || f.unknown > 1) problems.push(`${r.id}: facets ${f.filled}/${f.total}, ${f.unknown} unknown`);
      if (!t.license || !t.language.length || t.firstRelease === null || !t.maintainer || !t.homepage) problems.push(`${r.id}: missing a key fact`);
      if (t.repo === null && t.license !== 'proprietary') problems.push(`${r.id}: open source without repo`);
      if (t.sources.length < 2) problems.push(`${r.id}: ${t.sources.length} source(s)`);
      if (t.related.alternatives.length === 0) problems.push(`${r.id}: no alternatives`);
    }
    expect(problems).toEqual([]);
  });

  it('gives full notes the four core sections, 150-400 words, 70% of facets and a source', () => {
    const problems: string[] = [];
    for (const r of roster.filter((x) => x.depth === 'full' && ids.has(x.id))) {
      const t = tool(r.id);
      const titles = t.sections.map((s) => s.title);
      for (const s of ['Overview', 'How it works', 'Strengths', 'Weaknesses']) if (!titles.includes(s)) problems.push(`${r.id}: no section ${s}`);
      if (t.wordCount < 150 || t.wordCount > 400) problems.push(`${r.id}: ${t.wordCount} words`);
      const f = filledShare(t);
      if (f.filled < 0.7 * f.total) problems.push(`${r.id}: facets ${f.filled}/${f.total}`);
      if (t.sources.length < 1) problems.push(`${r.id}: no source`);
      if (t.related.alternatives.length === 0) problems.push(`${r.id}: no alternatives`);
    }
    expect(problems).toEqual([]);
  });

  it('marks retired tools with the year and their successor (or says there is none)', () => {
    for (const t of store.summaries().filter((x) => x.status === 'deprecated' || x.status === 'archived')) {
      expect(t.statusSince, t.id).not.toBeNull();
      const overview = tool(t.id).sections.find((s) => s.title === 'Overview')?.markdown ?? '';
      expect(t.replacedBy.length > 0 || /\bno\s+(\w+\s+)?successor/i.test(overview), t.id).toBe(true);
    }
  });

  it('offers only enum values that some tool of the category takes', () => {
    const unused: string[] = [];
    const tools = store.summaries();
    for (const c of categories) {
      const members = tools.filter((t) => t.categories.includes(c.id));
      for (const f of c.facets.filter((x) => x.type === 'enum')) {
        for (const v of f.values ?? []) {
          if (!members.some((t) => String(t.facets[f.key]).toLowerCase() === v.toLowerCase())) unused.push(`${c.id}.${f.key}=${v}`);
        }
      }
    }
    expect(unused).toEqual([]);
  });

  it('keeps alternatives and integrations symmetric: a note named by another names it back', () => {
    const byId = new Map(store.summaries().map((t) => [t.id, t]));
    const missing: string[] = [];
    for (const t of byId.values()) {
      for (const rel of ['alternatives', 'integrates'] as const) {
        for (const other of t.related[rel]) {
          const o = byId.get(other)!;
          const back = [...o.related.alternatives, ...o.related.integrates, ...o.related.uses];
          if (!back.includes(t.id)) missing.push(`${other} does not name ${t.id} (${t.id} lists it under ${rel})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('ships no placeholder text and keeps summaries short', () => {
    for (const s of store.summaries()) {
      const t = tool(s.id);
      const text = JSON.stringify(t);
      expect(text, s.id).not.toMatch(/\b(TODO|TBD|lorem ipsum|placeholder|FIXME)\b/i);
      expect(t.summary.length, s.id).toBeLessThanOrEqual(160);
      expect(t.pickWhen, s.id).toBeTruthy();
      expect(t.verified, s.id).toMatch(/^20\d\d-\d\d/);
    }
  });
});

describe('comparisons a DevOps engineer asks for', () => {
  const pairs: [string[], number][] = [
    [['chef', 'puppet'], 8],
    [['docker-swarm', 'kubernetes', 'nomad'], 8],
    [['prometheus', 'nagios'], 8],
    [['istio', 'linkerd'], 8],
    [['jenkins', 'gitlab-ci', 'github-actions'], 8],
    [['consul', 'etcd', 'zookeeper'], 6],
    [['aws-lambda', 'knative', 'openfaas'], 8],
    [['terraform', 'ansible'], 6],
    [['calico', 'cilium'], 8],
  ];
  it.each(pairs)('%j has facet rows filled for every tool', async (ids, min) => {
    const { buildComparison } = await import('../src/catalog/compare.js');
    const c = buildComparison(ids.map((id) => tool(id)), categories);
    const filled = c.rows.filter((r) => r.kind === 'facet' && ids.every((id) => r.values[id] !== null && r.values[id] !== UNKNOWN));
    expect(filled.length).toBeGreaterThanOrEqual(min);
  });
});
