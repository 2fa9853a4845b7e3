/** Relation graphs as static SVG: the DOT of `graph --format dot`, laid out by Graphviz (@viz-js/viz) at build time. */
import { instance, type Viz } from '@viz-js/viz';
import type { Graph } from '../catalog/relations.js';
import { graphDot } from '../render/graph.js';

export type GraphRenderer = (g: Graph, root: string, label: string) => string | null;

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
    const dot = graphDot(g, (id) => `${root}tools/${id}.html`);
    const svg = viz.renderString(dot, { format: 'svg', graphAttributes: { bgcolor: 'transparent', fontname: 'sans-serif' }, nodeAttributes: { fontname: 'sans-serif', fontsize: '12' }, edgeAttributes: { fontname: 'sans-serif', fontsize: '10' } });
    return inlineSvg(svg, label);
  };
}
