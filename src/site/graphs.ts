/** Relation graphs as static SVG: the DOT of `graph --format dot`, laid out by Graphviz (@viz-js/viz) at build time. */
import { instance, type Viz } from '@viz-js/viz';
import type { Graph } from '../catalog/relations.js';
import { graphDot } from '../render/graph.js';

export type GraphRenderer = (g: Graph, root: string, label: string) => string | null;

/** Above this many edges, edges go unlabelled (line styles and the caption tell them apart): labels slow dot down most. */
export const LABELLED_EDGES = 40;
/** Above this many edges a graph keeps only "uses" and alternatives: a hairball helps nobody and takes dot tens of seconds. */
export const MAX_EDGES = 100;

/**
 * A graph cut down to what can be drawn and read: past MAX_EDGES, integrations go, and so do the tools
 * only they connected (the root stays). `dropped` says whether anything was left out.
 */
export function drawable(g: Graph): { graph: Graph; dropped: boolean } {
  if (g.edges.length <= MAX_EDGES) return { graph: g, dropped: false };
  const edges = g.edges.filter((e) => e.kind !== 'integrates');
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const nodes = g.root === null ? g.nodes : g.nodes.filter((n) => n.id === g.root || linked.has(n.id));
  return { graph: { ...g, nodes, edges }, dropped: true };
}

/** Cleans Graphviz's SVG for inline use: no XML prolog or comments, a title for assistive technology, scalable. */
export function inlineSvg(svg: string, label: string): string {
  const title = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg
    .replace(/<\?xml[^>]*>\s*/, '')
    .replace(/<!DOCTYPE[^>]*>\s*/, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/<svg width="([\d.]+)pt" height="([\d.]+)pt"/, (_, w: string, h: string) => `<svg class="graph-svg" role="group" aria-label="${title}" width="${Math.round(Number(w) * 1.333)}" height="${Math.round(Number(h) * 1.333)}"`)
    .replace(/<polygon fill="white" stroke="none"/, '<polygon class="bg" fill="none" stroke="none"')
    .trim();
}

/** Starts Graphviz once; the returned function renders a graph (links relative to `root`), or null when it has no edges. */
export async function graphRenderer(): Promise<GraphRenderer> {
  const viz: Viz = await instance();
  return (g, root, label) => {
    if (g.edges.length === 0) return null;
    const dot = graphDot(g, { nodeUrl: (id) => `${root}tools/${id}.html`, edgeLabels: g.edges.length <= LABELLED_EDGES });
    const svg = viz.renderString(dot, { format: 'svg', graphAttributes: { bgcolor: 'transparent', fontname: 'sans-serif' }, nodeAttributes: { fontname: 'sans-serif', fontsize: '12' }, edgeAttributes: { fontname: 'sans-serif', fontsize: '10' } });
    return inlineSvg(svg, label);
  };
}
