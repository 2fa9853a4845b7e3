/** Relations between tools: a tool's direct relations (both directions) and the relation graph around it. */
import { membersOf } from './membership.js';
import type { ToolSummary } from './types.js';

export interface Relations {
  id: string;
  alternatives: string[];
  uses: string[];
  integrates: string[];
  /** Notes that list this tool under `uses`. */
  usedBy: string[];
  /** Notes that list this tool as an alternative. */
  alternativeTo: string[];
  /** Other tools of the same primary category. */
  peers: string[];
}

/** Forward and reverse relations of one tool, from summaries of the whole catalog. */
export function relationsOf(id: string, tools: ToolSummary[]): Relations {
  const self = tools.find((t) => t.id === id);
  if (!self) throw new Error(`no tool ${id}`);
  const others = tools.filter((t) => t.id !== id);
  return {
    id,
    alternatives: self.related.alternatives,
    uses: self.related.uses,
    integrates: self.related.integrates,
    usedBy: others.filter((t) => t.related.uses.includes(id)).map((t) => t.id),
    alternativeTo: others.filter((t) => t.related.alternatives.includes(id)).map((t) => t.id),
    peers: others.filter((t) => t.category === self.category).map((t) => t.id),
  };
}

export type EdgeKind = 'alternative' | 'uses' | 'integrates';

export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
}

export interface Graph {
  root: string | null;
  nodes: { id: string; name: string; category: string; depth: number }[];
  edges: Edge[];
}

function edgesOf(t: ToolSummary): Edge[] {
  return [
    ...t.related.uses.map((to) => ({ from: t.id, to, kind: 'uses' as const })),
    ...t.related.integrates.map((to) => ({ from: t.id, to, kind: 'integrates' as const })),
    ...t.related.alternatives.map((to) => ({ from: t.id, to, kind: 'alternative' as const })),
  ];
}

/** The relation graph around a tool, breadth-first to `depth`, following edges both ways. */
export function graphAround(id: string, tools: ToolSummary[], depth: number): Graph {
  const byId = new Map(tools.map((t) => [t.id, t]));
  const all = tools.flatMap(edgesOf).filter((e) => byId.has(e.to));
  const depthOf = new Map<string, number>([[id, 0]]);
  let frontier = [id];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const e of all) {
      for (const [a, b] of [[e.from, e.to], [e.to, e.from]] as const) {
        if (frontier.includes(a) && !depthOf.has(b)) {
          depthOf.set(b, d);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  const nodes = [...depthOf].map(([n, d]) => ({ id: n, name: byId.get(n)?.name ?? n, category: byId.get(n)?.category ?? '', depth: d }));
  // Edges between included nodes where at least one end is inside the explored radius.
  const edges = all.filter((e) => depthOf.has(e.from) && depthOf.has(e.to) && Math.min(depthOf.get(e.from)!, depthOf.get(e.to)!) < depth);
  return { root: id, nodes, edges: dedupe(edges) };
}

/** Every tool of a category and the relations among them. */
export function graphOfCategory(category: string, tools: ToolSummary[]): Graph {
  const members = membersOf(category, tools).map((m) => m.tool);
  const ids = new Set(members.map((t) => t.id));
  const edges = members.flatMap(edgesOf).filter((e) => ids.has(e.to));
  return { root: null, nodes: members.map((t) => ({ id: t.id, name: t.name, category: t.category, depth: 0 })), edges: dedupe(edges) };
}

function dedupe(edges: Edge[]): Edge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    // An alternative relation is symmetric: draw it once.
    const key = e.kind === 'alternative' ? `alt:${[e.from, e.to].sort().join('|')}` : `${e.kind}:${e.from}|${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
