/**
 * One test per ranking rule of search, each on a small fixture where the rule decides the order: exact
 * name, names as tokens, category intent, fuzzy names (fuse.js), alternative intent, retired tools, the
 * negation rules and typed facets. Turning a rule off makes its test fail (see test/mutation/).
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog, searcher, type ToolSpec } from './notes.js';
import { lazy } from './lazy.js';

const categories = [
  { id: 'orchestration', name: 'Orchestration' },
  { id: 'service-mesh', name: 'Service mesh', facets: ['{ key: dataPlane, label: Data plane, type: enum, values: [sidecar, sidecar-or-ambient, node-proxy] }'] },
  { id: 'service-discovery', name: 'Service discovery' },
  { id: 'packaging', name: 'Packaging' },
];

const tools: ToolSpec[] = [
  { id: 'kube', category: 'orchestration', summary: 'Runs containers on a cluster of nodes.', extra: ['related:', '  alternatives: [nomadic]'] },
  {
    id: 'charty',
    category: 'packaging',
    summary: 'Package manager for kube: installs kube apps as charts into kube clusters.',
    extra: ['tags: [kube, charts, kube-apps]', 'pickWhen: you deploy kube apps to kube'],
    body: 'Charty renders kube manifests and applies them to the kube API. Every kube cluster can run charty releases; kube users love it.',
  },
  { id: 'nomadic', category: 'orchestration', summary: 'Schedules batch jobs and services on machines.', body: 'An alternative scheduler for batch jobs, and a replacement for cron.' },
  {
    id: 'bundler',
    category: 'packaging',
    summary: 'Bundles kube and charty releases together: kube charty pipelines.',
    extra: ['tags: [kube, charty]'],
    body: 'Uses kube charty kube charty in one step.',
  },
  {
    id: 'discoverer',
    category: 'service-discovery',
    summary: 'Service discovery plus a service mesh: service mesh gateways and a service mesh catalog.',
    extra: ['tags: [service-mesh, service mesh]'],
    body: 'Offers a service mesh. Its service mesh uses sidecars. The service mesh is optional.',
  },
  { id: 'meshy', category: 'service-mesh', summary: 'Proxies traffic between pods with mTLS.', extra: ['facets:', '  dataPlane: sidecar'] },
  { id: 'ambienty', category: 'service-mesh', summary: 'Encrypts traffic between pods.', extra: ['facets:', '  dataPlane: node-proxy'], body: 'Encrypts pod traffic with a proxy per node; it works without sidecars.' },
  // Two notes identical but for their status: the retired one must rank below.
  { id: 'keeper-old', name: 'Keeperold', category: 'service-discovery', summary: 'Replicated key-value registry for leader election.', extra: ['status: archived', 'statusSince: 2019', 'replacedBy: [keeper-new]'] },
  { id: 'keeper-new', name: 'Keepernew', category: 'service-discovery', summary: 'Replicated key-value registry for leader election.' },
  // Identical but for a caveat: the first says in its Weaknesses that it lacks canary analysis.
  { id: 'arollout', category: 'packaging', summary: 'Rolls out releases in steps.', body: 'Supports canary steps.\n\n## Weaknesses\nNo canary analysis.' },
  { id: 'brollout', category: 'packaging', summary: 'Rolls out releases in steps.', body: 'Supports canary steps.\n\n## Weaknesses\nSlow analysis.' },
];

const search = lazy(() => searcher(buildCatalog(categories, tools)));
const ids = (q: string) => search.ids(q);
const run = (q: string, opts = {}) => search.run(q, opts);

describe('ranking rules', () => {
  it('exact name: the tool a query names comes first, far ahead of tools that only mention it', () => {
    expect(ids('kube')[0]).toBe('kube');
    expect(ids('Kube')[0]).toBe('kube');
    // The boost puts tools that only mention kube (charty: in its tags, summary, pickWhen and body)
    // under the relevance floor; without it they would be listed, close to kube.
    expect(ids('kube')).toEqual(['kube']);
    expect(run('kube').hits[0]!.score).toBeGreaterThan(50);
  });

  it('names as tokens: a query made of tool names lists those tools first', () => {
    expect(ids('kube charty').slice(0, 2).sort()).toEqual(['charty', 'kube']);
    // A name qualifying a concept does not take over: one name out of three words.
    expect(ids('kube package manager')[0]).toBe('charty');
  });

  it('category intent: naming a category lifts its tools over tools that mention the words', () => {
    const ranked = ids('service mesh');
    expect(ranked.slice(0, 2).sort()).toEqual(['ambienty', 'meshy']);
    expect(ranked).toContain('discoverer');
  });

  it('fuzzy names: a misspelt name too short for word correction still finds the tool', () => {
    // "onmadic" changes the first two letters, so word correction cannot reach "nomadic": only fuse.js does.
    expect(ids('onmadic')).toEqual(['nomadic']);
    expect(ids('nomadci')[0]).toBe('nomadic');
    // Nothing resembles it: no hits, not every tool.
    expect(ids('zzqq')).toEqual([]);
  });

  it('alternative intent: "X alternative" lists the alternatives of X first', () => {
    expect(ids('kube alternative')[0]).toBe('nomadic');
    expect(ids('kube alternatives')[0]).toBe('nomadic');
    expect(ids('kube replacement')[0]).toBe('nomadic');
  });

  it('retired factor: of two identical notes, the archived one ranks below, at 0.85 of the score', () => {
    const hits = run('key-value registry leader election').hits;
    expect(hits.slice(0, 2).map((h) => [h.id, h.status])).toEqual([['keeper-new', 'active'], ['keeper-old', 'archived']]);
    expect(hits[1]!.score / hits[0]!.score).toBeCloseTo(0.85, 2);
  });

  it('negation: "without X" sinks the tool whose facet value is X and lifts the one documented without it', () => {
    expect(ids('proxy')).toContain('meshy');
    const ranked = ids('proxy without sidecar');
    expect(ranked[0]).toBe('ambienty');
    const without = run('mesh without sidecar').hits;
    const plain = run('mesh').hits;
    const ratio = (hits: typeof plain, id: string) => hits.find((h) => h.id === id)!.score;
    // The sidecar-only mesh loses most of its score; the one that works without sidecars gains.
    expect(ratio(without, 'meshy') / ratio(plain, 'meshy')).toBeLessThan(0.5);
    expect(ratio(without, 'ambienty') / ratio(plain, 'ambienty')).toBeGreaterThan(1);
  });

  it('absence: a caveat saying the tool lacks what the query asks for counts against it', () => {
    const hits = run('canary').hits;
    expect(hits.map((h) => h.id)).toEqual(['brollout', 'arollout']);
    // One absence mark in a one-word query divides the score by 1 + 1.5.
    expect(hits[1]!.score / hits[0]!.score).toBeCloseTo(1 / 2.5, 2);
  });

  it('negation: a tool named after "without" is never the answer', () => {
    const ranked = ids('orchestration without kube');
    expect(ranked[0]).toBe('nomadic');
    expect(ranked.indexOf('kube')).toBeGreaterThan(0);
  });
});

/**
 * Exact ranked hits and scores for queries across every rule on the fixture above: a characterization of
 * today's ranking, so that any change to its arithmetic (field weights, BM25, phrase factors, boosts,
 * floors, weak marks) shows up. When tuning on purpose, check the new order is right and update these.
 */
const PINNED: Record<string, { total: number; hits: [string, number, boolean][] }> = {
  "kube": { total: 1, hits: [["kube", 62.357, false]] },
  "kube charty": { total: 3, hits: [["charty", 20.327, false], ["kube", 16.208, false], ["bundler", 10.716, false]] },
  "service mesh": { total: 5, hits: [["ambienty", 10.572, false], ["meshy", 10.572, false], ["discoverer", 8.045, false], ["keeper-new", 1.587, true], ["keeper-old", 1.349, true]] },
  "onmadic": { total: 1, hits: [["nomadic", 5.887, false]] },
  "kube alternative": { total: 4, hits: [["nomadic", 13.023, false], ["kube", 1.208, true], ["charty", 1.188, true], ["bundler", 1.165, true]] },
  "key-value registry leader election": { total: 2, hits: [["keeper-new", 28.189, false], ["keeper-old", 23.961, false]] },
  "proxy without sidecar": { total: 2, hits: [["ambienty", 2.369, false], ["meshy", 0.917, true]] },
  "mesh without sidecar": { total: 3, hits: [["ambienty", 4.011, false], ["discoverer", 2.291, false], ["meshy", 1.003, true]] },
  "orchestration without kube": { total: 2, hits: [["nomadic", 6.944, false], ["kube", 2.43, true]] },
  "canary": { total: 2, hits: [["brollout", 1.863, false], ["arollout", 0.745, true]] },
  "kubee": { total: 3, hits: [["kube", 1.65, false], ["charty", 1.623, false], ["bundler", 1.592, false]] },
  "charts kube": { total: 3, hits: [["charty", 10.26, false], ["kube", 1.208, true], ["bundler", 1.165, true]] },
  "package manager for kube": { total: 1, hits: [["charty", 17.475, false]] },
  "rolls out releases steps": { total: 2, hits: [["arollout", 20.399, false], ["brollout", 20.399, false]] },
  "encrypts traffic pods": { total: 2, hits: [["ambienty", 13.872, false], ["meshy", 3.347, true]] },
};

describe('ranking, pinned', () => {
  it.each(Object.entries(PINNED))('%s', (q, want) => {
    const r = run(q);
    expect({ total: r.total, hits: r.hits.map((h) => [h.id, h.score, h.weak]) }).toEqual(want);
  });

  it('cuts to the limit and counts what passed the floor', () => {
    const r = search.run('service mesh', { limit: 2 });
    expect(r.hits.map((h) => h.id)).toEqual(['ambienty', 'meshy']);
    expect(r.total).toBe(5);
    expect(search.run('service mesh', { categories: ['service-discovery'] }).hits.map((h) => h.id)).toEqual(['discoverer', 'keeper-new', 'keeper-old']);
    expect(search.run('service mesh', { categories: ['service-mesh', 'packaging'] }).hits.map((h) => h.id)).toEqual(['ambienty', 'meshy']);
  });
});
