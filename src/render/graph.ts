/** Renders a relation graph as a text tree, a Mermaid flowchart or Graphviz DOT. */
import type { Graph } from '../catalog/relations.js';
import { clampWidth, type RenderOptions } from './layout.js';
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
  const seen = new Set<string>([g.root]);
  const walk = (id: string, indent: string) => {
    const edges = g.edges.filter((e) => e.from === id || e.to === id);
    for (const e of edges) {
      const other = e.from === id ? e.to : e.from;
      if (seen.has(other)) continue;
      seen.add(other);
      const label = e.from === id ? LABEL[e.kind] : e.kind === 'uses' ? 'used by' : e.kind === 'integrates' ? 'integrated by' : 'alternative to';
      out.push(...wrap(`${label} ${sanitize(other)} (${name(other)})`, width, `${indent}     `, `${indent}└─ `).map((l) => t.accent(l)));
      walk(other, `${indent}   `);
    }
  };
  out.push(t.title(`${sanitize(g.root)} (${name(g.root)})`));
  walk(g.root, '');
  return out.join('\n') + '\n';
}

const safeId = (id: string) => `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
const quote = (s: string) => sanitize(s).replace(/"/g, "'");
/** A DOT quoted string body: backslashes doubled (a label reads `\\` as one backslash), quotes escaped. */
const dotString = (s: string) => sanitize(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, ' ');

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

/** A Graphviz digraph; `dot -Tsvg` renders it. */
export function graphDot(g: Graph, opts: DotOptions = {}): string {
  const lines = ['digraph devops_kb {', '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  for (const n of g.nodes) {
    const url = opts.nodeUrl ? `, URL="${dotString(opts.nodeUrl(n.id))}", tooltip="${dotString(n.name)}"` : '';
    lines.push(`  "${dotString(n.id)}" [label="${dotString(n.name)}"${n.id === g.root ? ', penwidth=2' : ''}${url}];`);
  }
  for (const e of g.edges) {
    const style = e.kind === 'alternative' ? ', style=dashed, dir=none' : e.kind === 'integrates' ? ', style=dotted' : '';
    const label = opts.edgeLabels === false ? `tooltip="${LABEL[e.kind]}"` : `label="${LABEL[e.kind]}"`;
    lines.push(`  "${dotString(e.from)}" -> "${dotString(e.to)}" [${label}${style}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
