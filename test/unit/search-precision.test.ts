/**
 * Precision rules of search, on a small in-memory catalog built for each rule: nonsense finds nothing,
 * a name plus noise words finds the tool first, weak hits are marked, what a note says a tool lacks
 * counts against it, and typed facets are evidence in both directions.
 */
import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../../src/catalog/assemble.js';
import { buildLookup, resolveName } from '../../src/catalog/lookup.js';
import { parseCategoryNote, parseToolNote, type ParsedCategoryNote, type ParsedToolNote } from '../../src/catalog/note.js';
import { splitNegated } from '../../src/search/evidence.js';
import { buildSearchIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { lazy } from './lazy.js';

const category = `---
id: delivery
name: Delivery
summary: Tools that release software.
facets:
  - { key: dataPlane, label: Data plane, type: enum, values: [sidecar, sidecar-or-ambient, node-proxy] }
  - { key: progressive, label: Progressive delivery, type: enum, values: [built-in, none] }
---

## Overview
Releases.

## How to choose
Pick one.
`;

function tool(id: string, summary: string, facets: Record<string, string>, body: string, extra = ''): string {
  const f = Object.entries(facets).map(([k, v]) => `  ${k}: ${v}`).join('\n');
  return `---\nid: ${id}\nname: ${id[0]!.toUpperCase()}${id.slice(1)}\ncategory: delivery\nsummary: ${summary}\n${extra}facets:${f ? `\n${f}` : ' {}'}\n---\n\n## Overview\n${body}\n`;
}

const notes = [
  tool('swarmy', 'Cluster scheduler for containers with rolling updates.', { progressive: 'none' }, 'Schedules services across nodes.\n\n## Weaknesses\nNo canary or blue/green primitives; deployments roll one batch at a time.'),
  tool('rollouts', 'Controller for progressive delivery of services.', { progressive: 'built-in' }, 'Shifts traffic in steps and checks metrics before each step: canary and blue/green.'),
  tool('meshone', 'Service mesh with a proxy next to every pod.', { dataPlane: 'sidecar' }, 'Injects a sidecar proxy into each pod of the service mesh.'),
  tool('meshtwo', 'Service mesh with sidecar or ambient data planes.', { dataPlane: 'sidecar-or-ambient' }, 'Runs as a service mesh without sidecars in ambient mode, or with a sidecar proxy per pod.'),
  tool('kubelike', 'Container orchestrator that schedules pods onto nodes.', {}, 'Kubelike runs pods.', 'aliases: [kl]\n'),
  tool('helper', 'Package manager for kubelike workloads.', {}, 'Installs charts into kubelike clusters; the kubelike API does the rest.'),
  tool('logger', 'Ships logs from every node to a store.', {}, 'Tails files on each host and forwards them in batches. It also reads the logs of each container a runtime writes to disk, and keeps a cursor per file.'),
];

const built = lazy(() => assembleCatalog([
  {
    name: 'fixture',
    categories: [parseCategoryNote(category, 'categories/delivery.md').note as ParsedCategoryNote],
    tools: notes.map((n) => {
      const parsed = parseToolNote(n, `tools/${/^id: (\S+)/m.exec(n)![1]}.md`);
      if (!parsed.note) throw new Error(JSON.stringify(parsed.problems));
      return parsed.note as ParsedToolNote;
    }),
  },
]));
const catalog = lazy(() => built.catalog);
const index = lazy(() => buildSearchIndex(catalog));
const lookup = lazy(() => buildLookup(catalog.tools));
const names = { exact: (n: string) => resolveName(lookup, n) };
const ids = (q: string) => search(index, q, {}, names).hits.map((h) => h.id);

describe('search precision', () => {
  it('builds its fixture without problems', () => {
    expect(built.problems).toEqual([]);
    expect(catalog.tools).toHaveLength(7);
  });

  it('finds nothing for nonsense, with or without a short unknown word', () => {
    expect(search(index, 'zzqxv wplk', {}, names)).toEqual({ hits: [], total: 0 });
    expect(search(index, 'qqqq', {}, names).hits).toEqual([]);
  });

  it('ranks a tool first when its name comes with noise or stop words', () => {
    expect(ids('kubelike')[0]).toBe('kubelike');
    expect(ids('kubelike xyz')[0]).toBe('kubelike');
    expect(ids('kubelike the')[0]).toBe('kubelike');
    expect(ids('kl qqq')[0]).toBe('kubelike');
    // A name that qualifies a concept does not take over: "kubelike package manager" wants the helper.
    expect(ids('kubelike package manager')[0]).toBe('helper');
  });

  it('marks hits far below the best one as weak and counts all that passed the floor', () => {
    const { hits, total } = search(index, 'container orchestrator', { limit: 1 }, names);
    expect(hits.map((h) => [h.id, h.weak])).toEqual([['kubelike', false]]);
    const all = search(index, 'container orchestrator', {}, names).hits;
    expect(total).toBe(all.length);
    expect(total).toBeGreaterThan(1);
    const top = all[0]!.score;
    expect(all.some((h) => h.weak)).toBe(true);
    for (const h of all) expect(h.weak, h.id).toBe(h.score < 0.4 * top);
  });

  it('does not count "no canary" as evidence of canaries', () => {
    expect(ids('canary')).toEqual(['rollouts']);
    expect(ids('canary deployments')[0]).toBe('rollouts');
  });

  it('reads "without X" in a query against a facet value that is exactly X', () => {
    const ranked = ids('service mesh without sidecar');
    expect(ranked[0]).toBe('meshtwo');
    expect(ranked.indexOf('meshone')).toBeGreaterThan(0);
    // Without the negation the sidecar-only mesh is a fine answer.
    expect(ids('sidecar proxy')).toContain('meshone');
  });

  it('uses facet labels of present facets as evidence and absent ones against', () => {
    const ranked = ids('progressive delivery');
    expect(ranked[0]).toBe('rollouts');
    // Every tool of the Delivery category matches "delivery"; the one whose facet says "none" comes last.
    expect(ranked.at(-1)).toBe('swarmy');
  });
});

describe('splitNegated', () => {
  it('puts the words after a negation in its scope until the clause ends', () => {
    expect(splitNegated('No canary or blue/green primitives', true)).toMatchObject({ runs: [['primitive']], negated: ['canary', 'blue', 'green'] });
    expect(splitNegated('no server component, permissions come from RBAC', true).negated).toEqual(['server', 'component']);
    expect(splitNegated('no server component, permissions come from RBAC', true).runs).toEqual([['permission', 'come', 'rbac']]);
  });

  it('asserts every word where negation does not apply', () => {
    expect(splitNegated('no agents', false)).toEqual({ runs: [['no', 'agent']], negated: [], all: ['no', 'agent'] });
  });
});
