/** Renders a relation graph as a text tree, a Mermaid flowchart or Graphviz DOT. */
import type { Graph } from '../catalog/relations.js';
import { capList, clampWidth, type RenderOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { wrap } from './width.js';

const LABEL = { alternative: 'alternative to', uses: 'uses', integrates: 'integrates with' } as const;

/** An indented tree: the root, then each relation and the tools it leads to, depth by depth. */
export function graphText(g: Graph, opts: RenderOptions): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const name = (id: string) => sanitize(g.nodes.find((n) => n.id === id)?.name ?? id);
  const out: string[] = [];
  if (g.root === null) {
    out.push(t.title(`${g.nodes.length} tools`));
    for (const n of g.nodes) {
      out.push(...wrap(`${sanitize(n.id)} (${name(n.id)})`, width, '    ', '  '));
      for (const e of g.edges.filter((x) => x.from === n.id)) out.push(...wrap(`${LABEL[e.kind]} ${sanitize(e.to)}`, width, '      ', '    └─ ').map((l) => t.dim(l)));
    }
    return out.join('\n') + '\n';
  }
  const depthOf = new Map(g.nodes.map((n) => [n.id, n.depth]));
  // Each depth-two tool hangs under the first depth-one tool (by id) that reaches it.
  const parentOf = new Map<string, string>();
  for (const n of [...g.nodes].filter((x) => x.depth === 1).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const e of g.edges) {
      const other = e.from === n.id ? e.to : e.to === n.id ? e.from : null;
      if (other && depthOf.get(other) === 2 && !parentOf.has(other)) parentOf.set(other, n.id);
    }
  }
  out.push(t.title(sanitize(rootLine(g.root, name(g.root)))));
  const groups = neighbourGroups(g, g.root, (n) => depthOf.get(n) === 1);
  groups.forEach(([label, ids], gi) => {
    const lastGroup = gi === groups.length - 1;
    out.push(`${lastGroup ? '└─' : '├─'} ${t.heading(`${label} (${ids.length})`)}`);
    const bar = lastGroup ? '   ' : '│  ';
    const shown = ids.slice(0, FAN_OUT);
    shown.forEach((id, i) => {
      const last = i === shown.length - 1 && ids.length <= FAN_OUT;
      out.push(...wrap(rootLine(id, name(id)), width, `${bar}${last ? '   ' : '│  '}`, `${bar}${last ? '└─ ' : '├─ '}`).map((l) => t.accent(l)));
      // Depth two: the neighbours first reached through this tool, one compact line per relation.
      const below = neighbourGroups(g, id, (n) => depthOf.get(n) === 2 && parentOf.get(n) === id);
      below.forEach(([sub, subIds], k) => {
        const lastSub = k === below.length - 1;
        const pad = `${bar}${last ? '   ' : '│  '}`;
        out.push(...wrap(`${sub}: ${capList(subIds.map(sanitize), 8)}`, width, `${pad}${lastSub ? '   ' : '│  '}`, `${pad}${lastSub ? '└─ ' : '├─ '}`).map((l) => t.dim(l)));
      });
    });
    if (ids.length > FAN_OUT) out.push(t.dim(`${bar}└─ … +${ids.length - FAN_OUT} more (devops-kb related ${sanitize(g.root!)})`));
  });
  return out.join('\n') + '\n';
}

/** At most this many tools listed under one relation of the root. */
const FAN_OUT = 15;

/** "etcd" when id and name agree (apart from case), else "zookeeper (Apache ZooKeeper)". */
function rootLine(id: string, name: string): string {
  return id.toLowerCase() === name.toLowerCase().replace(/\s+/g, '-') ? id : `${id} (${name})`;
}

/** A node's neighbours grouped by relation as seen from it ("uses", "used by", ...), in a fixed order. */
function neighbourGroups(g: Graph, id: string, keep: (n: string) => boolean): [string, string[]][] {
  const order = ['alternatives', 'uses', 'used by', 'integrates with', 'integrated by'];
  const groups = new Map<string, string[]>();
  for (const e of g.edges) {
    if (e.from !== id && e.to !== id) continue;
    const other = e.from === id ? e.to : e.from;
    if (other === id || !keep(other)) continue;
    // Alternatives are drawn once per pair (the notes name each other), so either direction reads "alternatives".
    const label = e.kind === 'alternative' ? 'alternatives' : e.from === id ? LABEL[e.kind] : e.kind === 'uses' ? 'used by' : 'integrated by';
    const list = groups.get(label) ?? [];
    if (!list.includes(other)) list.push(other);
    groups.set(label, list);
  }
  // A tool that integrates both ways appears once, under integrates with.
  const integrates = new Set(groups.get('integrates with') ?? []);
  if (groups.has('integrated by')) groups.set('integrated by', groups.get('integrated by')!.filter((x) => !integrates.has(x)));
  return order.filter((l) => groups.get(l)?.length).map((l) => [l, [...groups.get(l)!].sort()]);
}

const safeId = (id: string) => `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
/** A DOT or Mermaid string body: backslashes and double quotes escaped, controls removed. */
const quote = (s: string) => sanitize(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** A Mermaid flowchart, to paste into Markdown that renders Mermaid (GitHub, GitLab). */
export function graphMermaid(g: Graph): string {
  const lines = ['flowchart LR'];
  for (const n of g.nodes) lines.push(`  ${safeId(n.id)}["${quote(n.name)}"]`);
  for (const e of g.edges) {
    const arrow = e.kind === 'alternative' ? `-. ${LABEL[e.kind]} .-` : `-- ${LABEL[e.kind]} -->`;
    lines.push(`  ${safeId(e.from)} ${arrow} ${safeId(e.to)}`);
  }
  return lines.join('\n') + '\n';
}

export interface DotOptions {
  /** A link for each node (the static site). */
  nodeUrl?: (id: string) => string;
  /** Label edges with their relation (default); without, line styles alone tell them apart and layout is much faster. */
  edgeLabels?: boolean;
}

/** A Graphviz digraph; `dot -Tsvg` renders it. `opts` serve the static site: node links, unlabelled edges. */
export function graphDot(g: Graph, opts: DotOptions = {}): string {
  const lines = ['digraph devops_kb {', '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  for (const n of g.nodes) {
    const url = opts.nodeUrl ? `, URL="${quote(opts.nodeUrl(n.id))}", tooltip="${quote(n.name)}"` : '';
    lines.push(`  "${quote(n.id)}" [label="${quote(n.name)}"${n.id === g.root ? ', penwidth=2' : ''}${url}];`);
  }
  for (const e of g.edges) {
    const style = e.kind === 'alternative' ? ', style=dashed, dir=none' : e.kind === 'integrates' ? ', style=dotted' : '';
    const label = opts.edgeLabels === false ? `tooltip="${LABEL[e.kind]}"` : `label="${LABEL[e.kind]}"`;
    lines.push(`  "${quote(e.from)}" -> "${quote(e.to)}" [${label}${style}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
