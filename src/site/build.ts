/**
 * Writes the static site into an empty folder: reads the store, calls the page and data renderers (pure),
 * renders the relation graphs, and copies the shared CSS and JS. The layout of OUT is a public interface.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { membersOf } from '../catalog/membership.js';
import { graphAround, graphOfCategory, relationsOf } from '../catalog/relations.js';
import type { Tool, ToolSummary } from '../catalog/types.js';
import { buildSearchIndex } from '../search/index.js';
import { serializeSearchIndex } from '../search/layout.js';
import type { CatalogStore } from '../store/types.js';
import { categoriesScript, categoryScript, searchScript, toolScript, toolsScript } from './data.js';
import { drawable, graphRenderer } from './graphs.js';
import { categoryPage } from './page-category.js';
import { comparePage, searchPage } from './page-app.js';
import { homePage } from './page-home.js';
import { toolPage } from './page-tool.js';

export interface SiteAssets {
  /** Folder holding site.css, theme.js, app.js and search.js (dist/site after the build). */
  dir: string;
}

export interface SiteOptions {
  out: string;
  assets: SiteAssets;
  /** Absolute content folders whose notes are the team's own (badged). */
  teamDirs: string[];
  /** Leave out the relation graphs (faster; for tests). */
  graphs?: boolean;
}

export interface SiteResult {
  out: string;
  tools: number;
  categories: number;
  pages: number;
  files: number;
  graphs: number;
  ms: number;
}

export const ASSET_FILES = ['site.css', 'theme.js', 'app.js', 'search.js'] as const;

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Builds the whole site from a store. OUT must exist and be empty (the command checks). */
export async function buildSite(store: CatalogStore, o: SiteOptions): Promise<SiteResult> {
  const started = Date.now();
  let files = 0;
  let graphs = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(o.out, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files++;
  };
  const categories = store.categories();
  const summaries: ToolSummary[] = store.summaries();
  const names = new Map(summaries.map((t) => [t.id, t.name]));
  const render = o.graphs === false ? () => null : await graphRenderer();
  const team = (file: string) => o.teamDirs.some((d) => file.startsWith(d + path.sep));

  write('index.html', homePage(categories, summaries));
  write('compare.html', comparePage());
  write('search.html', searchPage());
  const tools: Tool[] = [];
  for (const s of summaries) {
    const tool = store.tool(s.id);
    tools.push(tool);
    const around = drawable(graphAround(s.id, summaries, 1));
    const graphSvg = render(around.graph, '../', `Relation graph of ${s.name}`);
    if (graphSvg) graphs++;
    const graphNote = around.dropped ? 'Integrations are left out of the graph (too many to draw); the list above has them all.' : undefined;
    write(`tools/${s.id}.html`, toolPage({ tool, categories, relations: relationsOf(s.id, summaries), names, graphSvg, graphNote, team: team(tool.path) }));
    write(`data/tools/${s.id}.js`, toolScript(s));
  }
  for (const c of categories) {
    const members = membersOf(c.id, summaries).map((m) => m.tool);
    const { graph, dropped } = drawable(graphOfCategory(c.id, summaries));
    const graphSvg = render(graph, '../', `Relations among ${c.name} tools`);
    if (graphSvg) graphs++;
    write(`categories/${c.id}.html`, categoryPage({ category: c, tools: members, guide: store.guide(c.id), graphSvg, graphNote: dropped ? 'Integrations are left out: too many to draw; each tool page shows its own.' : undefined }));
    write(`data/categories/${c.id}.js`, categoryScript(c, members));
  }
  write('data/tools.js', toolsScript(summaries, store.lookup()));
  write('data/categories.js', categoriesScript(categories));
  // One segment for the browser: a user cache with a delta (changes since its last full compile) is indexed afresh.
  const stored = store.searchIndex();
  const index = serializeSearchIndex(stored.delta ? buildSearchIndex({ tools, categories: store.categories() }) : stored);
  const hitInfo: Record<string, [string, string, string, string, string[]]> = {};
  for (const t of summaries) hitInfo[t.id] = [t.name, t.category, t.summary, t.status, t.related.alternatives];
  write('data/search.js', searchScript({ meta: index.json, terms: index.terms, bin: base64(index.bin), names: store.nameIndex(), lookup: store.lookup().names, tools: hitInfo }));
  for (const name of ASSET_FILES) write(`assets/${name}`, fs.readFileSync(path.join(o.assets.dir, name), 'utf8'));
  return { out: o.out, tools: summaries.length, categories: categories.length, pages: 3 + summaries.length + categories.length, files, graphs, ms: Date.now() - started };
}
