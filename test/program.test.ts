import { describe, expect, it } from 'vitest';
import { stringWidth } from '../src/render/width.js';
import { json, run } from './helpers.js';

interface ShowJson {
  id: string;
  category: string;
  sections: { title: string; markdown: string }[];
  facets: Record<string, unknown>;
  [k: string]: unknown;
}

describe('show', () => {
  it('prints a real entry for ansible', async () => {
    const r = await run(['show', 'ansible']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Ansible — Configuration management/);
    expect(r.stdout).toMatch(/Key facts/);
    expect(r.stdout).toMatch(/How it works/);
    expect(r.stdout).not.toContain('\x1b');
  });

  it('returns the contract JSON shape', async () => {
    const r = await run(['show', 'ansible', '--json']);
    const data = json<ShowJson>(r);
    expect(data.id).toBe('ansible');
    expect(data.category).toBe('configuration-management');
    for (const key of ['name', 'categories', 'aliases', 'summary', 'homepage', 'repo', 'license', 'language', 'firstRelease', 'maintainer', 'tags', 'facets', 'related', 'sections', 'sources', 'path']) {
      expect(data).toHaveProperty(key);
    }
    expect(data.sections[0]).toEqual({ title: 'Overview', markdown: expect.any(String) });
  });

  it('resolves aliases and display names in any case', async () => {
    for (const [input, id] of [['k8s', 'kubernetes'], ['KUBERNETES', 'kubernetes'], ['Docker Compose', 'docker-compose'], ['swarm', 'docker-swarm'], ['tf', 'terraform']]) {
      const r = await run(['show', input!, '--json']);
      expect(json<ShowJson>(r).id, input).toBe(id);
    }
  });

  it('exits 1 with did-you-mean for an unknown tool', async () => {
    const r = await run(['show', 'kubernets']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown tool 'kubernets'");
    expect(r.stderr).toMatch(/Did you mean: kubernetes/);
  });

  it('exits 1 without suggestions for a name nothing resembles', async () => {
    const r = await run(['show', 'no-such-tool-xyz']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown tool/);
    expect(r.stderr).not.toMatch(/Did you mean/);
    expect(r.stderr).toMatch(/hint: try 'devops-kb search <words>'/);
  });
});

describe('search', () => {
  it('ranks consul in the top 3 for "service discovery"', async () => {
    const hits = json<{ id: string; score: number }[]>(await run(['search', 'service', 'discovery', '--json']));
    expect(hits.slice(0, 3).map((h) => h.id)).toContain('consul');
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });

  it('is typo tolerant on names', async () => {
    const hits = json<{ id: string }[]>(await run(['search', 'terrafrom', '--json']));
    expect(hits[0]?.id).toBe('terraform');
  });

  it('exits 0 with an empty list and a hint when nothing matches', async () => {
    const r = await run(['search', 'qqqzzzxxyy', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const human = await run(['search', 'qqqzzzxxyy']);
    expect(human.code).toBe(0);
    expect(human.stderr).toMatch(/fewer or different words/);
  });

  it('filters by category', async () => {
    const hits = json<{ id: string; category: string }[]>(await run(['search', '--category', 'monitoring', 'alerting', '--json']));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.id)).toContain('prometheus');
  });
});

describe('compare', () => {
  it('returns both tools and at least 5 facet rows for chef and puppet', async () => {
    const data = json<{ tools: { id: string }[]; rows: { key: string; kind: string; same: boolean; values: Record<string, unknown> }[]; categories: string[] }>(await run(['compare', 'chef', 'puppet', '--json']));
    expect(data.tools.map((t) => t.id)).toEqual(['chef', 'puppet']);
    expect(data.categories).toEqual(['configuration-management']);
    const facets = data.rows.filter((r) => r.kind === 'facet');
    expect(facets.length).toBeGreaterThanOrEqual(5);
    for (const row of data.rows) expect(Object.keys(row.values)).toEqual(['chef', 'puppet']);
  });

  it('is a usage error with one tool, and did-you-mean with an unknown one', async () => {
    const one = await run(['compare', 'chef']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/for example: devops-kb compare chef puppet/);
    const typo = await run(['compare', 'chef', 'pupet']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/Did you mean: puppet/);
  });

  it('compares the same tool once, with a warning', async () => {
    const r = await run(['compare', 'chef', 'chef', 'puppet', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/named twice/);
    expect(json<{ tools: unknown[] }>(r).tools).toHaveLength(2);
  });

  it('keeps text within COLUMNS', async () => {
    for (const columns of [60, 80, 120]) {
      const r = await run(['compare', 'kubernetes', 'docker-swarm', 'nomad'], { env: { COLUMNS: String(columns) } });
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
    }
  });

  it('prints a markdown table', async () => {
    const r = await run(['compare', 'istio', 'linkerd', '--format', 'markdown']);
    expect(r.stdout.split('\n')[0]).toBe('| | Istio | Linkerd |');
  });
});

describe('list and categories', () => {
  it('prints one id per line when piped', async () => {
    const r = await run(['list', '--category', 'configuration-management']);
    const ids = r.stdout.trim().split('\n');
    expect(ids).toContain('ansible');
    expect(ids.every((l) => /^[a-z0-9-]+$/.test(l))).toBe(true);
  });

  it('lists categories with counts and facets', async () => {
    const cats = json<{ id: string; count: number; facets: { key: string; label: string }[] }[]>(await run(['categories', '--json']));
    const cm = cats.find((c) => c.id === 'configuration-management');
    expect(cm?.count).toBeGreaterThanOrEqual(4);
    expect(cm?.facets.length).toBeGreaterThanOrEqual(6);
  });
});

describe('usage errors', () => {
  it('exits 2 on an unknown command, an unknown flag or a missing argument', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['show', 'docker', '--frob'])).code).toBe(2);
    expect((await run(['show'])).code).toBe(2);
    expect((await run(['search'])).code).toBe(2);
  });

  it('prints an overview without arguments, and a version', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:/);
    expect((await run(['--version'])).stdout.trim()).toMatch(/^devops-kb 0\.0\.0-test \(catalog: \d+ tools, \d+ categories/);
  });

  it('shows examples in every command help', async () => {
    for (const cmd of ['show', 'search', 'compare', 'list']) {
      const r = await run([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout, cmd).toMatch(/Examples:\n {2}\$ devops-kb/);
    }
  });
});

describe('internal errors', () => {
  const broken = {
    manifest: () => ({ format: 2, tools: 0, categories: 0, problems: [] }),
    lookup: () => {
      throw new Error('disk on fire\nsecond line');
    },
    findName: () => null,
    hasTool: () => false,
    tool: () => {
      throw new Error('disk on fire');
    },
    categories: () => [],
    guide: () => [],
    summaries: () => [],
    searchIndex: () => {
      throw new Error('disk on fire');
    },
    nameIndex: () => ({ docs: [], fuse: { keys: [], records: [] } }),
  };

  it('print one line, exit 4, and add the stack only with DEBUG=devops-kb', async () => {
    const r = await run(['show', 'anything'], { io: { catalog: broken } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^devops-kb: internal error: disk on fire\n/);
    expect(r.stderr).not.toMatch(/second line|at /);
    const debug = await run(['show', 'anything'], { io: { catalog: broken }, env: { DEBUG: 'devops-kb' } });
    expect(debug.code).toBe(4);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
