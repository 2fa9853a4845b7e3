/**
 * Decide II: typed events, `timeline`, `stack` and `lint --stale`, on the shipped catalog, on the mini
 * fixture catalog (with events added in memory) and on team notes in a content directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditStack, licenseRisks, type StackReport } from '../src/catalog/stack.js';
import { parseStackFile } from '../src/catalog/stack-file.js';
import { buildTimeline, parseKinds, type TimelineEntry } from '../src/catalog/timeline.js';
import { EVENT_KINDS, toSummary, type Catalog } from '../src/catalog/types.js';
import { memoryStore } from '../src/store/memory.js';
import { json, run } from './helpers.js';
import { miniCatalog } from './unit/fixture.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-audit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('timeline on the shipped catalog', () => {
  it('shows Terraform relicensing to BUSL-1.1 on 2023-08-10 and the 2025 acquisition by IBM, newest first, in text and JSON', async () => {
    const entries = json<TimelineEntry[]>(await run(['timeline', 'terraform', '--json']));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.id === 'terraform')).toBe(true);
    const relicensed = entries.find((e) => e.kind === 'relicensed');
    expect(relicensed?.date).toBe('2023-08-10');
    expect(relicensed?.text).toMatch(/MPL-2\.0.*BUSL-1\.1/);
    expect(relicensed?.source).toMatch(/^https:\/\//);
    expect(Object.keys(entries[0]!).sort()).toEqual(['date', 'id', 'kind', 'source', 'text']);
    // IBM's acquisition of HashiCorp (2025) comes first: newest first.
    expect(entries[0]).toMatchObject({ date: '2025-02-27', kind: 'acquired' });
    expect(entries[0]!.text).toMatch(/IBM/);
    const text = await run(['timeline', 'tf']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^2023\n {2}2023-08-10 +terraform +relicensed/m);
  });

  it('lists the tools archived since 2025, kaniko among them, and nothing else', async () => {
    const entries = json<TimelineEntry[]>(await run(['timeline', '--since', '2025', '--kind', 'archived', '--json']));
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const e of entries) {
      expect(e.kind).toBe('archived');
      expect(Number(e.date.slice(0, 4))).toBeGreaterThanOrEqual(2025);
    }
    expect(entries.find((e) => e.id === 'kaniko')?.date).toBe('2025-06-03');
    const dates = entries.map((e) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    // Every tool the catalog marks archived since 2025 has an archived event.
    const archived = json<{ id: string }[]>(await run(['list', '--where', 'status=archived', '--json'])).map((t) => t.id);
    let recent = 0;
    for (const id of archived) {
      const tool = json<{ statusSince: number | null }>(await run(['show', id, '--json']));
      if ((tool.statusSince ?? 0) < 2025) continue;
      recent++;
      expect(entries.map((e) => e.id), id).toContain(id);
    }
    expect(recent).toBeGreaterThanOrEqual(3);
  });

  it('takes --kind comma-separated and repeated, and refuses an unknown kind with exit 2 listing the kinds', async () => {
    const both = json<TimelineEntry[]>(await run(['timeline', '--kind', 'relicensed,archived', '--since', '2024', '--json']));
    const repeated = json<TimelineEntry[]>(await run(['timeline', '--kind', 'relicensed', '--kind', 'archived', '--since', '2024', '--json']));
    expect(both).toEqual(repeated);
    expect(new Set(both.map((e) => e.kind))).toEqual(new Set(['relicensed', 'archived']));
    const bad = await run(['timeline', '--kind', 'relicenced']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown event kind 'relicenced'/);
    expect(bad.stderr).toContain(EVENT_KINDS.join(', '));
    expect((await run(['timeline', '--since', '20x5'])).code).toBe(2);
    const unknown = await run(['timeline', 'terrafrom']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Did you mean: terraform/);
  });

  it('show prints a Timeline block and includes events in --json; compare has a Last licence change row', async () => {
    const shown = await run(['show', 'vault']);
    expect(shown.stdout).toMatch(/\nTimeline\n {2}2025-02-27 acquired +IBM completed its acquisition of HashiCorp/);
    expect(shown.stdout).toMatch(/\n {2}2023-08-10 relicensed +HashiCorp moved new Vault releases from MPL-2\.0/);
    const tool = json<{ events: TimelineEntry[] }>(await run(['show', 'vault', '--json']));
    expect(tool.events).toContainEqual(expect.objectContaining({ date: '2023-08-10', kind: 'relicensed' }));
    const cmp = json<{ rows: { key: string; label: string; values: Record<string, string> }[] }>(await run(['compare', 'vault', 'openbao', '--json']));
    const row = cmp.rows.find((r) => r.label === 'Last licence change');
    expect(row?.values.vault).toMatch(/^2023-08-10: .*BUSL-1\.1/);
    expect(row?.values.openbao).toBe('—');
  });
});

describe('stack on the shipped catalog', () => {
  const report = async (args: string[]) => json<StackReport>(await run(['stack', ...args, '--json']));

  it('reports the Argo CD / Flux overlap, real gaps and Vault\'s BUSL change', async () => {
    const r = await report(['argo-cd', 'flux', 'vault', 'prometheus', 'loki']);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['byCategory', 'overlaps', 'gaps', 'retired', 'licenseRisk', 'links']));
    expect(r.overlaps).toContainEqual({ category: 'gitops', tools: ['argo-cd', 'flux'], compare: 'devops-kb compare argo-cd flux' });
    const gaps = r.gaps.map((g) => g.category);
    expect(gaps).toEqual(expect.arrayContaining(['infrastructure-as-code', 'policy-as-code', 'artifact-registries', 'backup-and-recovery', 'incident-management']));
    // Covered categories are not gaps: monitoring, logging, secrets, and CI/CD through Argo CD's `also`.
    expect(gaps).not.toContain('monitoring');
    expect(gaps).not.toContain('logging');
    expect(gaps).not.toContain('secrets-management');
    expect(gaps).not.toContain('ci-cd');
    for (const g of r.gaps) {
      expect(g.candidates.length).toBeLessThanOrEqual(3);
      for (const c of g.candidates) expect(['argo-cd', 'flux', 'vault', 'prometheus', 'loki']).not.toContain(c.id);
    }
    const iac = r.gaps.find((g) => g.category === 'infrastructure-as-code')!;
    expect(iac.candidates[0]!.links.length).toBeGreaterThan(0);
    const vault = r.licenseRisk.find((x) => x.id === 'vault');
    expect(vault?.license).toBe('BUSL-1.1');
    expect(vault?.risks).toContain('source-available');
    expect(vault?.change?.date).toBe('2023-08-10');
    expect(vault?.change?.text).toMatch(/BUSL-1\.1/);
    expect(r.licenseRisk.find((x) => x.id === 'loki')?.risks).toContain('copyleft-network');
    expect(r.licenseRisk.map((x) => x.id)).not.toContain('prometheus');
    expect(r.byCategory.find((c) => c.category === 'gitops')?.primary).toEqual(['argo-cd', 'flux']);
    expect(r.byCategory.find((c) => c.category === 'ci-cd')?.also).toEqual(['argo-cd', 'flux']);
    expect(r.links.pairs).toContainEqual({ from: 'flux', to: 'prometheus', relation: 'integrates' });
    expect(r.links.isolated).toContain('vault');
  });

  it('lists retired tools with year and successors, and prints a text report', async () => {
    const r = await report(['kaniko', 'jenkins', 'gha']);
    expect(r.retired).toEqual([{ id: 'kaniko', status: 'archived', since: 2025, replacedBy: ['buildkit', 'buildah'] }]);
    const ci = await report(['drone', 'woodpecker', 'jenkins']);
    expect(ci.retired).toEqual([{ id: 'drone', status: 'maintenance', since: 2023, replacedBy: ['Harness Open Source', 'woodpecker'] }]);
    expect(ci.overlaps).toEqual([{ category: 'ci-cd', tools: ['drone', 'woodpecker', 'jenkins'], compare: 'devops-kb compare drone woodpecker jenkins' }]);
    const text = await run(['stack', 'argo-cd', 'flux', 'vault', 'prometheus', 'loki']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Overlaps\n {2}• argo-cd and flux do the same job \(GitOps delivery\)\n {4}settle it with: devops-kb compare argo-cd flux\n/);
    expect(text.stdout).toContain('devops-kb compare argo-cd flux');
    expect(text.stdout).toMatch(/vault +BUSL-1\.1 \(source-available\); relicensed 2023-08-10/);
  });

  it('does not call complementary tools an overlap', async () => {
    // Argo CD integrates with Argo Rollouts; both deliver software but the notes relate them.
    const r = await report(['argo-cd', 'argo-rollouts', 'kargo']);
    for (const o of r.overlaps) expect(o.tools.includes('argo-cd') && o.tools.includes('argo-rollouts')).toBe(false);
  });

  it('reads a stack file: plain lines, a YAML list, or a mapping with a profile', async () => {
    const lines = path.join(tmp, 'stack.txt');
    writeFileSync(lines, '# our platform\nArgo CD\nflux   # also flux\n\nvault\n');
    expect((await report(['--file', lines])).tools).toEqual(['argo-cd', 'flux', 'vault']);
    const list = path.join(tmp, 'stack.yaml');
    writeFileSync(list, '- argo-cd\n- "flux"\n- k8s\n');
    expect((await report(['--file', list])).tools).toEqual(['argo-cd', 'flux', 'kubernetes']);
    const mapping = path.join(tmp, 'profile.yaml');
    writeFileSync(mapping, 'tools:\n  - prometheus\n  - loki\nprofile: [monitoring, tracing]  # only these\n');
    const r = await report(['--file', mapping]);
    expect(r.profile).toEqual(['monitoring', 'tracing']);
    expect(r.gaps.map((g) => g.category)).toEqual(['tracing']);
  });

  it('names unknown tools with did-you-mean (exit 1) and needs at least one tool (exit 2)', async () => {
    const r = await run(['stack', 'argo-cd', 'promethues']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown tool 'promethues'/);
    expect(r.stderr).toMatch(/Did you mean: prometheus/);
    expect((await run(['stack'])).code).toBe(2);
    expect((await run(['stack', '--file', path.join(tmp, 'missing.txt')])).code).toBe(2);
  });
});

/** The mini fixture with events added in memory, served to the commands as the catalog. */
function miniWithEvents(): Catalog {
  const c = miniCatalog();
  const at = (id: string) => c.tools.find((t) => t.id === id)!;
  at('alpha').events = [
    { date: '2012', kind: 'created', text: 'Alpha started.', source: 'https://example.org/alpha' },
    { date: '2025-02', kind: 'relicensed', text: 'Alpha moved from MIT to BUSL-1.1.', source: 'https://example.org/alpha' },
  ];
  at('gamma').events = [{ date: '2019-05-01', kind: 'archived', text: 'Gamma was archived.', source: 'https://example.org/gamma' }];
  return c;
}

describe('timeline and stack on the fixture catalog', () => {
  const catalog = miniWithEvents();
  const io = { catalog: memoryStore(catalog) };

  it('filters and orders events', () => {
    const tools = catalog.tools.map(toSummary);
    expect(buildTimeline(tools).map((e) => e.date)).toEqual(['2025-02', '2019-05-01', '2012']);
    expect(buildTimeline(tools, { since: 2019, kinds: ['archived'] }).map((e) => e.id)).toEqual(['gamma']);
    expect(buildTimeline(tools, { ids: ['alpha'] }).map((e) => e.kind)).toEqual(['relicensed', 'created']);
    expect(parseKinds(['archived,relicensed', ' archived', 'nope'])).toEqual({ kinds: ['archived', 'relicensed'], unknown: ['nope'] });
  });

  it('runs timeline and stack through the program on the fixture', async () => {
    const t = json<TimelineEntry[]>(await run(['timeline', '--json'], { io }));
    expect(t.map((e) => e.id)).toEqual(['alpha', 'gamma', 'alpha']);
    const s = json<StackReport>(await run(['stack', 'alf', 'beta', 'gamma', '--json'], { io }));
    // beta uses gamma (complementary); alpha and beta do the same job; alpha-gamma is not related either.
    expect(s.overlaps.map((o) => o.tools)).toEqual([['alpha', 'beta'], ['alpha', 'gamma']]);
    expect(s.retired).toEqual([{ id: 'gamma', status: 'archived', since: 2019, replacedBy: ['alpha'] }]);
    expect(s.licenseRisk).toEqual([{ id: 'alpha', license: 'MIT', risks: [], change: expect.objectContaining({ date: '2025-02', recent: true }) }]);
    expect(s.links.pairs).toEqual([{ from: 'beta', to: 'gamma', relation: 'uses' }]);
    expect(s.links.isolated).toEqual(['alpha']);
  });

  it('treats only relicensings of the last three years as recent', () => {
    const tools = catalog.tools.map(toSummary);
    const later = auditStack(['alpha'], tools, catalog.categories, [], new Date('2028-03-01T00:00:00Z'));
    expect(later.licenseRisk).toEqual([]);
    const now = auditStack(['alpha'], tools, catalog.categories, [], new Date('2026-12-02T00:00:00Z'));
    expect(now.licenseRisk[0]?.change?.recent).toBe(true);
  });

  it('classifies licence expressions', () => {
    expect(licenseRisks('BUSL-1.1')).toEqual(['source-available']);
    expect(licenseRisks('AGPL-3.0-only OR SSPL-1.0 OR Elastic-2.0')).toEqual(['source-available', 'copyleft-network']);
    expect(licenseRisks('Apache-2.0 AND Elastic-2.0')).toEqual(['source-available']);
    expect(licenseRisks('FSL-1.1-ALv2')).toEqual(['source-available']);
    expect(licenseRisks('proprietary')).toEqual(['proprietary']);
    expect(licenseRisks('GPL-3.0-or-later')).toEqual([]);
    expect(licenseRisks('MIT OR Apache-2.0')).toEqual([]);
  });

  it('parses stack files and rejects unknown keys with a line number', () => {
    expect(parseStackFile('tools: [a, b]\n', 'f')).toEqual({ tools: ['a', 'b'], profile: null });
    expect(parseStackFile('[a, "b c"]\n', 'f')).toEqual({ tools: ['a', 'b c'], profile: null });
    expect(() => parseStackFile('tools:\n  - a\nteam: x\n', 'f.yaml')).toThrow(/unknown key `team`/);
    try {
      parseStackFile('tools:\n  - a\nteam: x\n', 'f.yaml');
    } catch (err) {
      expect((err as { line?: number }).line).toBe(3);
    }
  });
});

describe('team notes with events', () => {
  it('timeline and stack see events in a content directory', { timeout: 120_000 }, async () => {
    const dir = path.join(tmp, 'team');
    mkdirSync(path.join(dir, 'tools'), { recursive: true });
    writeFileSync(path.join(dir, 'tools', 'acme-vault.md'), [
      '---', 'id: acme-vault', 'name: Acme Vault', 'category: secrets-management', 'summary: Our secrets store.', 'license: BUSL-1.1',
      'related:', '  integrates: [argo-cd]', 'events:', '  - date: 2026-01-15', '    kind: relicensed', '    text: Moved from MIT to BUSL-1.1.',
      '    source: https://example.org/acme', '---', '', '## Overview', 'Internal.', '',
    ].join('\n'));
    const env = { DEVOPS_KB_PATH: dir, XDG_CACHE_HOME: path.join(tmp, 'cache') };
    const t = json<TimelineEntry[]>(await run(['timeline', 'acme-vault', '--json'], { env }));
    expect(t).toEqual([{ id: 'acme-vault', date: '2026-01-15', kind: 'relicensed', text: 'Moved from MIT to BUSL-1.1.', source: 'https://example.org/acme' }]);
    const s = json<StackReport>(await run(['stack', 'acme-vault', 'argo-cd', '--json'], { env }));
    expect(s.licenseRisk[0]).toMatchObject({ id: 'acme-vault', change: { date: '2026-01-15', recent: true } });
    expect(s.links.pairs).toEqual([{ from: 'acme-vault', to: 'argo-cd', relation: 'integrates' }]);
  });
});

describe('lint --stale', () => {
  it('warns about notes verified longer ago than the limit, and only with --stale', async () => {
    const dir = path.join(tmp, 'stale');
    mkdirSync(path.join(dir, 'tools'), { recursive: true });
    const note = (id: string, verified: string) => ['---', `id: ${id}`, `name: ${id}`, 'category: ci-cd', 'summary: A tool.', `verified: ${verified}`, '---', ''].join('\n');
    writeFileSync(path.join(dir, 'tools', 'old-tool.md'), note('old-tool', '2020-01'));
    writeFileSync(path.join(dir, 'tools', 'fresh-tool.md'), note('fresh-tool', new Date().toISOString().slice(0, 7)));
    type P = { file: string; line: number; severity: string; message: string };
    const stale = json<P[]>(await run(['lint', dir, '--stale', '12', '--json']));
    const warnings = stale.filter((p) => /last verified/.test(p.message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', line: 6 });
    expect(warnings[0]!.file).toMatch(/old-tool\.md$/);
    expect(warnings[0]!.message).toMatch(/last verified 2020-01, \d+ months ago \(limit 12\)/);
    const plain = json<P[]>(await run(['lint', dir, '--json']));
    expect(plain.some((p) => /last verified/.test(p.message))).toBe(false);
    const text = await run(['lint', dir, '--stale', '12']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/old-tool\.md:6:1: warning: facts last verified 2020-01/);
    expect((await run(['lint', dir, '--stale', 'soon'])).code).toBe(2);
  });
});
