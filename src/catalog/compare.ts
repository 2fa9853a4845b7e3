/** Builds a side-by-side comparison of tools: shared categories, facet rows in category order, common facts, relations and "pick it when". */
import { facetKey } from './facets.js';
import { licenceChangeLabel } from './timeline.js';
import type { Category, FacetValue, ToolSummary } from './types.js';

export type RowKind = 'facet' | 'common' | 'relation' | 'pick';

export interface CompareRow {
  key: string;
  label: string;
  kind: RowKind;
  values: Record<string, FacetValue | null>;
  same: boolean;
}

export interface Comparison {
  tools: { id: string; name: string; category: string; status: ToolSummary['status'] }[];
  rows: CompareRow[];
  /** Categories whose facets were used, in order. */
  categories: string[];
  /** Tools outside the category the others share, when no category is common to all (shown as "—"). */
  outliers: string[];
  /** Pairs the notes relate by `uses` or `integrates` and not as alternatives: they do different jobs. */
  complementary: { tools: [string, string]; relation: 'uses' | 'integrates'; suggest: string[][] }[];
}

/** The category most tools share when none is common to all: it must hold at least two of them. */
function majorityCategory(tools: Pick<ToolSummary, 'categories'>[]): string | null {
  const count = new Map<string, number>();
  for (const t of tools) for (const c of t.categories) count.set(c, (count.get(c) ?? 0) + 1);
  let best: string | null = null;
  for (const t of tools) {
    for (const c of t.categories) if ((count.get(c) ?? 0) >= 2 && (best === null || count.get(c)! > count.get(best)!)) best = c;
  }
  return best;
}

/** Pairs related by uses/integrates but not as alternatives, each with comparisons that would fit better. */
function complementaryPairs(tools: ToolSummary[]): Comparison['complementary'] {
  const out: Comparison['complementary'] = [];
  for (let i = 0; i < tools.length; i++) {
    for (let j = i + 1; j < tools.length; j++) {
      const [a, b] = [tools[i]!, tools[j]!];
      const alt = a.related.alternatives.includes(b.id) || b.related.alternatives.includes(a.id);
      if (alt) continue;
      const uses = a.related.uses.includes(b.id) || b.related.uses.includes(a.id);
      const integrates = a.related.integrates.includes(b.id) || b.related.integrates.includes(a.id);
      if (!uses && !integrates) continue;
      const suggest = [a, b].filter((t) => t.related.alternatives.length > 0).map((t) => [t.id, ...t.related.alternatives.slice(0, 2)]);
      out.push({ tools: [a.id, b.id], relation: uses ? 'uses' : 'integrates', suggest });
    }
  }
  return out;
}

/** Categories shared by every tool (primary or `also`), in the first tool's order. */
export function sharedCategories(tools: Pick<ToolSummary, 'categories'>[]): string[] {
  const [first, ...rest] = tools;
  if (!first) return [];
  return first.categories.filter((c) => rest.every((t) => t.categories.includes(c)));
}

const COMMON: { key: keyof ToolSummary; label: string }[] = [
  { key: 'license', label: 'License' },
  { key: 'language', label: 'Language' },
  { key: 'firstRelease', label: 'First release' },
  { key: 'maintainer', label: 'Maintainer' },
  { key: 'hosting', label: 'Hosting' },
  { key: 'status', label: 'Status' },
];

function isEmpty(v: FacetValue | null | undefined): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0) || v === '';
}

function row(key: string, label: string, kind: RowKind, tools: ToolSummary[], pick: (t: ToolSummary) => FacetValue | null): CompareRow {
  const values: Record<string, FacetValue | null> = {};
  for (const t of tools) {
    const v = pick(t);
    values[t.id] = isEmpty(v) ? null : v;
  }
  const keys = Object.values(values).map((v) => facetKey(v));
  const same = keys.every((k) => k !== '' && k === keys[0]);
  return { key, label, kind, values, same };
}

/**
 * Side-by-side rows: the facets of the categories the tools share (or, across unrelated categories,
 * facet keys that both categories define), then common fields, relations and "pick it when".
 */
export function buildComparison(tools: ToolSummary[], categories: Category[]): Comparison {
  let used = sharedCategories(tools);
  let allowed: Set<string> | null = null;
  let outliers: string[] = [];
  const majority = used.length === 0 && tools.length > 2 ? majorityCategory(tools) : null;
  if (majority) {
    used = [majority];
    outliers = tools.filter((t) => !t.categories.includes(majority)).map((t) => t.id);
  } else if (used.length === 0) {
    // No shared category: still compare facets whose keys every tool's categories define.
    const keysOf = (t: ToolSummary) => new Set(t.categories.flatMap((c) => categories.find((x) => x.id === c)?.facets.map((f) => f.key) ?? []));
    const sets = tools.map(keysOf);
    allowed = new Set([...(sets[0] ?? [])].filter((k) => sets.every((s) => s.has(k))));
    used = [...new Set(tools.flatMap((t) => t.categories))].filter((c) => categories.find((x) => x.id === c)?.facets.some((f) => allowed!.has(f.key)));
  }
  const rows: CompareRow[] = [];
  const seen = new Set<string>();
  for (const cid of used) {
    const cat = categories.find((c) => c.id === cid);
    for (const def of cat?.facets ?? []) {
      if (seen.has(def.key) || (allowed && !allowed.has(def.key))) continue;
      seen.add(def.key);
      const r = row(def.key, def.label, 'facet', tools, (t) => t.facets[def.key] ?? null);
      if (Object.values(r.values).some((v) => v !== null)) rows.push(r);
    }
  }
  for (const c of COMMON) rows.push(row(c.key, c.label, 'common', tools, (t) => (t[c.key] as FacetValue | null) ?? null));
  rows.push(row('lastLicenceChange', 'Last licence change', 'common', tools, licenceChangeLabel));
  rows.push(row('alternatives', 'Alternatives', 'relation', tools, (t) => t.related.alternatives));
  rows.push(row('integrates', 'Integrates with', 'relation', tools, (t) => [...t.related.integrates, ...t.related.uses]));
  rows.push(row('pickWhen', 'Pick it when', 'pick', tools, (t) => t.pickWhen));
  // One tool alone (compare --category with a single member) differs from nothing.
  for (const r of rows) if (tools.length === 1) r.same = true;
  return {
    tools: tools.map((t) => ({ id: t.id, name: t.name, category: t.category, status: t.status })),
    rows: rows.filter((r) => Object.values(r.values).some((v) => v !== null)),
    categories: used,
    outliers,
    complementary: complementaryPairs(tools),
  };
}
