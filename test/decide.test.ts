import { describe, expect, it } from 'vitest';
import { chooseTools } from '../src/catalog/choose.js';
import { memoryStore } from '../src/store/memory.js';
import { toSummary } from '../src/catalog/types.js';
import { parseFilters } from '../src/catalog/filter.js';
import { graphAround, relationsOf } from '../src/catalog/relations.js';
import { graphDot, graphMermaid } from '../src/render/graph.js';
import { json, run } from './helpers.js';
import { miniCatalog } from './unit/fixture.js';

const mini = miniCatalog();
const tools = mini.tools.map(toSummary);

describe('relations and graphs on a fixture catalog', () => {
  it('finds forward and reverse relations and peers', () => {
    const r = relationsOf('gamma', tools);
    expect(r.usedBy).toEqual(['beta']);
    expect(r.peers).toEqual(['alpha', 'beta']);
    expect(relationsOf('alpha', tools).alternativeTo).toEqual(['beta']);
  });

  it('walks the graph to the given depth and renders it', () => {
    const g = graphAround('gamma', tools, 1);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['beta', 'gamma']);
    expect(graphAround('gamma', tools, 2).nodes.map((n) => n.id).sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(graphMermaid(g)).toMatch(/^flowchart LR\n/);
    expect(graphDot(g)).toMatch(/"beta" -> "gamma" \[label="uses"\]/);
  });

  it('escapes backslashes and quotes in DOT names, so Graphviz shows them as written', async () => {
    const g = { root: 'a', nodes: [{ id: 'a', name: 'Say "hi" \\ C:\\tmp\\', category: 'x', depth: 0 }], edges: [] };
    const dot = graphDot(g);
    expect(dot).toContain('"a" [label="Say \\"hi\\" \\\\ C:\\\\tmp\\\\", penwidth=2];');
    const { instance } = await import('@viz-js/viz');
    const svg = (await instance()).renderString(graphDot(g, { nodeUrl: (id) => `tools/${id}.html` }), { format: 'svg' });
    expect(svg).toContain('>Say &quot;hi&quot; \\ C:\\tmp\\</text>');
    expect(svg).toContain('xlink:href="tools/a.html"');
  });

  it('ranks by needs met, halves partial values, and puts retired tools last', () => {
    const ranked = chooseTools(tools, parseFilters(['dryRun=true', 'agent=optional'], mini.categories));
    expect(ranked.map((c) => [c.id, c.score])).toEqual([
      ['beta', 1],
      ['alpha', 0.5],
      ['gamma', 1],
    ]);
    expect(ranked[2]!.unknown).toEqual(['dryRun']);
  });
});

describe('decide commands on the shipped catalog', () => {
  it('filters configuration management by language', async () => {
    const ids = json<{ id: string }[]>(await run(['list', '--category', 'configuration-management', '--where', 'language=Python', '--json'])).map((t) => t.id);
    expect(ids).toContain('ansible');
    expect(ids).toContain('saltstack');
    expect(ids).not.toContain('chef');
    expect(ids).not.toContain('puppet');
  });

  it('filters the whole catalog by license', async () => {
    const ids = json<{ id: string }[]>(await run(['list', '--where', 'license=Apache-2.0', '--json'])).map((t) => t.id);
    expect(ids).toContain('kubernetes');
    expect(ids).not.toContain('terraform');
  });

  it('supports year comparisons and rejects unknown keys with exit 2', async () => {
    const old = json<{ id: string }[]>(await run(['list', '--where', 'firstRelease<2008', '--json'])).map((t) => t.id);
    expect(old).toContain('nagios');
    expect(old).not.toContain('kubernetes');
    const bad = await run(['list', '--category', 'monitoring', '--where', 'colour=red']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/common keys: license/);
    expect(bad.stderr.length).toBeLessThan(400);
  });

  it('filters search results by facts', async () => {
    const hits = json<{ id: string }[]>(await run(['search', 'key', 'value', 'store', '--where', 'license=Apache-2.0', '--json']));
    expect(hits.map((h) => h.id)).toContain('etcd');
    expect(hits.map((h) => h.id)).not.toContain('consul');
    const mesh = json<{ id: string }[]>(await run(['search', 'service', 'mesh', '--category', 'service-mesh', '--where', 'proxy=envoy', '--json']));
    expect(mesh.map((h) => h.id)).toContain('istio');
    expect(mesh.map((h) => h.id)).not.toContain('linkerd');
    expect((await run(['search', 'mesh', '--where', 'colour=red'])).code).toBe(2);
  });

  it('lists kubernetes among the users of etcd', async () => {
    const r = json<{ usedBy: string[]; alternatives: string[]; peers: string[] }>(await run(['related', 'etcd', '--json']));
    expect(r.usedBy).toContain('kubernetes');
    expect(r.peers).toContain('consul');
  });

  it('renders the kubernetes graph as dot and mermaid', async () => {
    const dot = await run(['graph', 'kubernetes', '--format', 'dot']);
    expect(dot.stdout).toMatch(/^digraph devops_kb \{/);
    // The dot syntax is checked here, without Graphviz: a header, one node statement per node of the JSON
    // graph, one edge statement per edge, every edge between declared nodes, and a closing brace.
    const graph = json<{ nodes: { id: string }[]; edges: { from: string; to: string }[] }>(await run(['graph', 'kubernetes', '--json']));
    const lines = dot.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('}');
    const nodes = lines.filter((l) => /^ {2}"[^"]+" \[label="[^"]*"(, penwidth=2)?\];$/.test(l)).map((l) => /"([^"]+)"/.exec(l)![1]);
    const edges = lines.filter((l) => /^ {2}"[^"]+" -> "[^"]+" \[label="[^"]+"(, [a-z]+=[a-z]+)*\];$/.test(l));
    expect(nodes.sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(edges).toHaveLength(graph.edges.length);
    for (const e of edges) for (const id of [...e.matchAll(/"([^"]+)" (?:->|\[)/g)].map((m) => m[1])) expect(nodes).toContain(id);
    expect(lines.length).toBe(3 + nodes.length + edges.length + 1);
    expect((await run(['graph', 'kubernetes', '--format', 'mermaid'])).stdout).toMatch(/^flowchart LR/);
    const mesh = json<{ tools: string[]; also: string[] }>(await run(['categories', 'service-mesh', '--json']));
    const byCategory = json<{ nodes: { id: string }[] }>(await run(['graph', '--category', 'service-mesh', '--json']));
    expect(byCategory.nodes.map((n) => n.id).sort()).toEqual([...mesh.tools, ...mesh.also].sort());
  });

  it('ranks a Python tool first when choosing configuration management by language', async () => {
    const ranked = json<{ id: string; score: number; met: string[] }[]>(await run(['choose', 'configuration-management', '--need', 'language=Python', '--json']));
    expect(['ansible', 'saltstack', 'cloud-init']).toContain(ranked[0]!.id);
    expect(ranked[0]!.met).toEqual(['language']);
  });

  it('asks the facet questions at a terminal when no need is given', async () => {
    const answers = ['none', 'push'];
    const r = await run(['choose', 'configuration-management', '--color', 'never'], { tty: true, io: { ask: async () => answers.shift() ?? '' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1\. Ansible/);
  });

  it('flags a retired tool with its replacement in show, search and compare', async () => {
    const show = await run(['show', 'docker-machine']);
    expect(show.stdout).toMatch(/ARCHIVED since 20\d\d; replaced by/);
    const search = await run(['search', 'docker', 'machine']);
    expect(search.stdout).toMatch(/docker-machine .* archived/);
    const cmp = await run(['compare', 'docker-machine', 'vagrant']);
    expect(cmp.stdout).toMatch(/Docker Machine is archived/);
  });
});

describe('decide commands on a fixture catalog, in process', () => {
  const catalog = memoryStore(mini);
  const opts = { io: { catalog } };

  it('lists, relates and chooses over the fixture', async () => {
    expect(json<{ id: string }[]>(await run(['list', '--where', 'agent=none', '--json'], opts)).map((t) => t.id)).toEqual(['alpha']);
    expect(json<{ usedBy: string[] }>(await run(['related', 'gamma', '--json'], opts)).usedBy).toEqual(['beta']);
    const ranked = json<{ id: string; score: number }[]>(await run(['choose', 'config-mgmt', '--need', 'mode=pull', '--json'], opts));
    expect(ranked.map((c) => c.id)).toEqual(['beta', 'alpha', 'gamma']);
    const cmp = json<{ rows: { key: string }[] }>(await run(['compare', 'alf', 'bt', '--json'], opts));
    expect(cmp.rows[0]?.key).toBe('agent');
  });
});
