/**
 * Stack audit: given the tools a team runs, which categories they cover, where they overlap, which
 * categories of a production profile are missing (with candidates that fit), what is retired, what carries
 * licence risk, and how the tools connect. Pure: summaries and categories in, a report out.
 */
import { compareEvents } from './timeline.js';
import type { Category, Status, ToolEvent, ToolSummary } from './types.js';

/** Categories a production platform usually needs; `stack` reports the ones nobody in the stack covers. */
export const DEFAULT_PROFILE = [
  'ci-cd', 'infrastructure-as-code', 'monitoring', 'logging', 'secrets-management', 'policy-as-code',
  'security-scanning', 'artifact-registries', 'backup-and-recovery', 'incident-management',
];

export type LicenseRisk = 'source-available' | 'copyleft-network' | 'proprietary';

export interface StackReport {
  tools: string[];
  profile: string[];
  byCategory: { category: string; name: string; primary: string[]; also: string[] }[];
  overlaps: { category: string; tools: string[]; compare: string }[];
  gaps: { category: string; name: string; candidates: { id: string; name: string; links: string[] }[] }[];
  retired: { id: string; status: Status; since: number | null; replacedBy: string[] }[];
  licenseRisk: { id: string; license: string | null; risks: LicenseRisk[]; change: (ToolEvent & { recent: boolean }) | null }[];
  links: { pairs: { from: string; to: string; relation: 'uses' | 'integrates' }[]; isolated: string[] };
}

const SOURCE_AVAILABLE = [/^BUSL-/i, /^BSL-1/i, /^Elastic-/i, /^FSL-/i, /^SSPL/i, /Commons-Clause/i, /^PolyForm-/i, /^Confluent/i, /^RSAL/i, /^SUL-/i, /^NCUL/i, /^LicenseRef-.*(source|sustainable)/i];
const COPYLEFT_NETWORK = [/^AGPL-/i, /^SSPL/i];

/** The risk kinds of an SPDX expression: each term is classified, and every kind found is reported. */
export function licenseRisks(license: string | null): LicenseRisk[] {
  if (!license) return [];
  const terms = license.split(/\s+(?:OR|AND|WITH)\s+|[()\s]+/).filter(Boolean);
  const risks = new Set<LicenseRisk>();
  for (const term of terms) {
    if (SOURCE_AVAILABLE.some((re) => re.test(term))) risks.add('source-available');
    if (COPYLEFT_NETWORK.some((re) => re.test(term))) risks.add('copyleft-network');
    if (/^proprietary$/i.test(term)) risks.add('proprietary');
  }
  return (['source-available', 'copyleft-network', 'proprietary'] as const).filter((r) => risks.has(r));
}

/** The date three years before `today`, as YYYY-MM-DD: relicensings on or after it count as recent. */
export function threeYearsBefore(today: Date): string {
  const d = today.toISOString().slice(0, 10);
  return `${Number(d.slice(0, 4)) - 3}${d.slice(4)}`;
}

/** The relation (if any) by which `a` names `b`. */
function relationOf(a: ToolSummary, b: ToolSummary): 'uses' | 'integrates' | null {
  if (a.related.uses.includes(b.id)) return 'uses';
  if (a.related.integrates.includes(b.id)) return 'integrates';
  return null;
}

/** True when the notes relate the two tools by `uses` or `integrates`, in either direction. */
export function connected(a: ToolSummary, b: ToolSummary): boolean {
  return relationOf(a, b) !== null || relationOf(b, a) !== null;
}

function overlapsIn(category: string, members: ToolSummary[]): StackReport['overlaps'] {
  const pairs: [ToolSummary, ToolSummary][] = [];
  members.forEach((a, i) => members.slice(i + 1).forEach((b) => !connected(a, b) && pairs.push([a, b])));
  const n = members.length;
  const groups = pairs.length === (n * (n - 1)) / 2 ? [members] : pairs;
  return groups.map((g) => ({ category, tools: g.map((t) => t.id), compare: `devops-kb compare ${g.map((t) => t.id).join(' ')}` }));
}

/** How many other tools name this one by `uses` or `integrates`: a tie-breaker for gap candidates. */
function inbound(all: ToolSummary[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of all) for (const id of new Set([...t.related.uses, ...t.related.integrates])) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function gapCandidates(category: string, stack: ToolSummary[], all: ToolSummary[], degree: Map<string, number>): StackReport['gaps'][number]['candidates'] {
  const inStack = new Set(stack.map((t) => t.id));
  const ranked = all
    .filter((t) => !inStack.has(t.id) && t.categories.includes(category) && t.status !== 'deprecated' && t.status !== 'archived')
    .map((t) => ({ t, links: stack.filter((s) => connected(t, s)).map((s) => s.id) }))
    .sort((a, b) =>
      b.links.length - a.links.length ||
      Number(b.t.category === category) - Number(a.t.category === category) ||
      Number(b.t.status === 'active') - Number(a.t.status === 'active') ||
      (degree.get(b.t.id) ?? 0) - (degree.get(a.t.id) ?? 0) ||
      (a.t.id < b.t.id ? -1 : 1));
  // Tools that connect to the stack come first (ranked above); when fewer than three do, the category's
  // best-connected tools fill the list, with no links.
  return ranked.slice(0, 3).map((r) => ({ id: r.t.id, name: r.t.name, links: r.links }));
}

/** Audits a stack. `ids` are resolved tool ids; `profile` the categories a platform should cover. */
export function auditStack(ids: string[], all: ToolSummary[], categories: Category[], profile: string[] = DEFAULT_PROFILE, today = new Date()): StackReport {
  const byId = new Map(all.map((t) => [t.id, t]));
  const stack = [...new Set(ids)].map((id) => byId.get(id)).filter((t): t is ToolSummary => t !== undefined);
  const catName = (id: string) => categories.find((c) => c.id === id)?.name ?? id;

  const covered = new Map<string, { primary: string[]; also: string[] }>();
  for (const t of stack) {
    for (const c of t.categories) {
      const entry = covered.get(c) ?? { primary: [], also: [] };
      (c === t.category ? entry.primary : entry.also).push(t.id);
      covered.set(c, entry);
    }
  }
  const byCategory = [...covered.entries()]
    .map(([category, v]) => ({ category, name: catName(category), ...v }))
    .sort((a, b) => b.primary.length - a.primary.length || b.also.length - a.also.length || (a.category < b.category ? -1 : 1));

  const overlaps = byCategory.filter((c) => c.primary.length > 1).flatMap((c) => overlapsIn(c.category, c.primary.map((id) => byId.get(id)!)));

  const degree = inbound(all);
  const gaps = profile.filter((c) => !covered.has(c)).map((category) => ({ category, name: catName(category), candidates: gapCandidates(category, stack, all, degree) }));

  const retired = stack.filter((t) => t.status !== 'active').map((t) => ({ id: t.id, status: t.status, since: t.statusSince, replacedBy: t.replacedBy }));

  const cutoff = threeYearsBefore(today);
  const licenseRisk: StackReport['licenseRisk'] = [];
  for (const t of stack) {
    const risks = licenseRisks(t.license);
    const last = (t.events ?? []).filter((e) => e.kind === 'relicensed').sort(compareEvents)[0] ?? null;
    const recent = last !== null && last.date >= cutoff;
    if (risks.length === 0 && !recent) continue;
    licenseRisk.push({ id: t.id, license: t.license, risks, change: last ? { ...last, recent } : null });
  }

  const pairs: StackReport['links']['pairs'] = [];
  stack.forEach((a, i) => stack.slice(i + 1).forEach((b) => {
    const ab = relationOf(a, b);
    const ba = relationOf(b, a);
    if (ab) pairs.push({ from: a.id, to: b.id, relation: ab });
    else if (ba) pairs.push({ from: b.id, to: a.id, relation: ba });
  }));
  const linked = new Set(pairs.flatMap((p) => [p.from, p.to]));
  const isolated = stack.length > 1 ? stack.filter((t) => !linked.has(t.id)).map((t) => t.id) : [];

  return { tools: stack.map((t) => t.id), profile, byCategory, overlaps, gaps, retired, licenseRisk, links: { pairs, isolated } };
}
