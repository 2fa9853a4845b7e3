/**
 * Command behaviours the review found unguarded, checked in-process over the built catalog: compare
 * --diff, same-ness of lists and the Markdown marks, search --category, list --tag, every --where operator
 * through the CLI on real data, and the exact JSON contract of show.
 */
import { describe, expect, it } from 'vitest';
import { dirStore } from '../src/store/dir-store.js';
import { BUILTIN, json, run } from './helpers.js';

const catalog = dirStore(BUILTIN);

interface CompareJson {
  tools: { id: string }[];
  rows: { key: string; label: string; kind: string; same: boolean; values: Record<string, unknown> }[];
  categories: string[];
}

describe('compare', () => {
  it('--diff keeps exactly the rows that differ, in the same order', async () => {
    const all = json<CompareJson>(await run(['compare', 'chef', 'puppet', '--json']));
    const diff = json<CompareJson>(await run(['compare', 'chef', 'puppet', '--diff', '--json']));
    expect(all.rows.some((r) => r.same)).toBe(true);
    expect(diff.rows.length).toBeGreaterThan(0);
    expect(diff.rows.every((r) => !r.same)).toBe(true);
    expect(diff.rows).toEqual(all.rows.filter((r) => !r.same));
    const text = await run(['compare', 'chef', 'puppet', '--diff'], { columns: 160 });
    const labels = text.stdout.split('\n').filter((l) => /^(≠| ) \S/.test(l) && !/marks rows/.test(l));
    expect(labels.length).toBe(diff.rows.length);
    expect(labels.every((l) => l.startsWith('≠ '))).toBe(true);
  });

  it('treats lists equal in another order as the same (Integrates with, chef and a puppet with chef\'s list reversed)', async () => {
    const { buildComparison } = await import('../src/catalog/compare.js');
    const { toSummary } = await import('../src/catalog/types.js');
    const chef = toSummary(catalog.tool('chef'));
    const puppet = toSummary(catalog.tool('puppet'));
    const reversed = { ...puppet, related: { ...puppet.related, integrates: [...chef.related.integrates].reverse(), uses: [...chef.related.uses] } };
    const c = buildComparison([chef, reversed], catalog.categories());
    const integrates = c.rows.find((r) => r.key === 'integrates')!;
    const [a, b] = [integrates.values.chef as string[], integrates.values.puppet as string[]];
    expect(a).not.toEqual(b); // another order ...
    expect([...a].sort()).toEqual([...b].sort()); // ... of the same ids
    expect(integrates.same).toBe(true);
    expect(c.rows.find((r) => r.key === 'alternatives')?.same).toBe(false);
  });

  it('marks differing rows in Markdown and leaves equal rows unmarked', async () => {
    const md = (await run(['compare', 'chef', 'puppet', '--format', 'markdown'])).stdout;
    const data = json<CompareJson>(await run(['compare', 'chef', 'puppet', '--json']));
    const lines = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |'));
    expect(lines).toHaveLength(data.rows.length);
    data.rows.forEach((r, i) => expect(lines[i]!.startsWith(r.same ? `| **${r.label}** |` : `| ≠ **${r.label}** |`), lines[i]).toBe(true));
    expect(lines.some((l) => l.startsWith('| ≠ **'))).toBe(true);
    expect(lines.some((l) => l.startsWith('| **'))).toBe(true);
    const diff = (await run(['compare', 'chef', 'puppet', '--format', 'markdown', '--diff'])).stdout;
    expect(diff.split('\n').filter((l) => l.startsWith('| **'))).toEqual([]);
  });
});

describe('search --category and --where', () => {
  it('keeps only tools of the category, and drops hits the unfiltered search has', async () => {
    const filtered = json<{ id: string }[]>(await run(['search', 'alerting', '--category', 'monitoring', '--json']));
    const unfiltered = json<{ id: string }[]>(await run(['search', 'alerting', '--json']));
    expect(filtered.length).toBeGreaterThan(0);
    for (const h of filtered) expect(catalog.tool(h.id).categories, h.id).toContain('monitoring');
    expect(unfiltered.some((h) => !catalog.tool(h.id).categories.includes('monitoring'))).toBe(true);
    expect(filtered.map((h) => h.id)).toContain('prometheus');
  });
});

describe('list', () => {
  it('--tag keeps exactly the tools carrying the tag', async () => {
    const r = await run(['list', '--tag', 'gitops', '--json']);
    expect(r.code).toBe(0);
    const ids = json<{ id: string }[]>(r).map((t) => t.id);
    const want = catalog.summaries().filter((t) => t.tags.includes('gitops')).map((t) => t.id);
    expect(want.length).toBeGreaterThan(1);
    expect(ids.sort()).toEqual(want.sort());
    expect(ids).toContain('argo-cd');
    expect(ids).not.toContain('ansible');
  });

  const ids = async (...where: string[]) => json<{ id: string }[]>(await run(['list', ...where.flatMap((w) => ['--where', w]), '--json'])).map((t) => t.id).sort();
  const expected = (pred: (t: ReturnType<typeof catalog.summaries>[number]) => boolean) => catalog.summaries().filter(pred).map((t) => t.id).sort();
  const year = (t: { firstRelease: number | 'unknown' | null }) => (typeof t.firstRelease === 'number' ? t.firstRelease : NaN);

  it('applies every --where operator on the built catalog as documented', async () => {
    expect(await ids('firstRelease<=2005')).toEqual(expected((t) => year(t) <= 2005));
    expect(await ids('firstRelease<2005')).toEqual(expected((t) => year(t) < 2005));
    expect((await ids('firstRelease<=2005')).length).toBeGreaterThan((await ids('firstRelease<2005')).length);
    expect(await ids('firstRelease>2020')).toEqual(expected((t) => year(t) > 2020));
    expect(await ids('firstRelease>=2020')).toEqual(expected((t) => year(t) >= 2020));
    expect(await ids('license=Apache-2.0')).toEqual(expected((t) => t.license?.toLowerCase() === 'apache-2.0'));
    expect(await ids('license!=Apache-2.0')).toEqual(expected((t) => t.license?.toLowerCase() !== 'apache-2.0'));
    expect(await ids('maintainer~hashicorp')).toEqual(expected((t) => (t.maintainer ?? '').toLowerCase().includes('hashicorp')));
    const cm = json<{ id: string }[]>(await run(['list', '--category', 'configuration-management', '--where', 'language!=Ruby', '--json'])).map((t) => t.id);
    expect(cm).not.toContain('chef');
    expect(cm).not.toContain('puppet');
    expect(cm).toContain('ansible');
  });
});

describe('show', () => {
  it('returns the contract JSON with types and known values for ansible', async () => {
    const data = json<Record<string, unknown>>(await run(['show', 'ansible', '--json']));
    expect(data).toMatchObject({
      id: 'ansible',
      name: 'Ansible',
      category: 'configuration-management',
      categories: expect.arrayContaining(['configuration-management']),
      license: 'GPL-3.0-or-later',
      language: ['Python'],
      firstRelease: 2012,
      hosting: 'self-hosted',
      status: 'active',
      summary: expect.any(String),
      homepage: expect.stringMatching(/^https:\/\//),
      repo: 'https://github.com/ansible/ansible',
      aliases: expect.any(Array),
      tags: expect.any(Array),
      facets: expect.objectContaining({ agent: 'none' }),
      related: { alternatives: expect.arrayContaining(['puppet', 'chef']), uses: expect.any(Array), integrates: expect.any(Array) },
      sources: expect.arrayContaining([expect.stringMatching(/^https:\/\//)]),
      path: expect.stringMatching(/ansible\.md$/),
    });
    expect(typeof data.maintainer).toBe('string');
    expect((data.sections as { title: string }[]).map((s) => s.title).slice(0, 2)).toEqual(['Overview', 'How it works']);
  });

  it('exits 1 without suggestions, but with a hint, when nothing resembles the name', async () => {
    const r = await run(['show', 'no-such-tool-xyz']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown tool 'no-such-tool-xyz'");
    expect(r.stderr).not.toMatch(/Did you mean/);
    expect(r.stderr).toMatch(/devops-kb (search|list)/);
  });

  it('takes --content for one call and shows the user note', async () => {
    const { FIXTURES } = await import('./helpers.js');
    const r = await run(['show', 'acme-deployer', '--content', `${FIXTURES}/user`, '--json']);
    expect(r.code).toBe(0);
    expect(json<{ id: string; name: string }>(r)).toMatchObject({ id: 'acme-deployer', name: 'Acme Deployer' });
  });
});
