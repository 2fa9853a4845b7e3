/**
 * The data the browser reads, as classic scripts (they load from file://, unlike fetched JSON or ES
 * modules): each assigns into one global, `KB`. Pure: data in, script text out.
 */
import type { Category, ToolSummary } from '../catalog/types.js';
import type { Lookup } from '../catalog/lookup.js';
import type { NameIndex } from '../search/index.js';
import { scriptJson } from './html.js';

/** A summary without `path`: where a team keeps its notes on disk is not for publishing. */
function publicSummary(t: ToolSummary): Omit<ToolSummary, 'path'> {
  const { path: _path, ...rest } = t;
  return rest;
}

const assign = (key: string, value: unknown) => `var KB=self.KB=self.KB||{};KB[${JSON.stringify(key)}]=${scriptJson(value)};\n`;

/** Every tool's id, name, category and status, and every name to its id: the compare picker and its links. */
export function toolsScript(tools: ToolSummary[], lookup: Lookup): string {
  return assign('toolList', tools.map((t) => [t.id, t.name, t.category, t.status])) + assign('lookup', lookup.names);
}

/** Categories and their facets (no guides): what compare needs besides the tools. */
export function categoriesScript(categories: Category[]): string {
  return assign('categories', categories.map(({ sections: _s, ...c }) => c));
}

/** One tool's summary (facts, facets, relations), loaded by compare for the tools it shows. */
export function toolScript(tool: ToolSummary): string {
  return `var KB=self.KB=self.KB||{};(KB.summaries=KB.summaries||{})[${JSON.stringify(tool.id)}]=${scriptJson(publicSummary(tool))};\n`;
}

/** A category page's data: the category and its tools' summaries, for filtering the matrix. */
export function categoryScript(category: Category, tools: ToolSummary[]): string {
  const { sections: _s, ...c } = category;
  return assign('category', c) + assign('tools', tools.map(publicSummary));
}

export interface SearchData {
  /** search.json, terms.txt and search.bin of the store, the last in base64. */
  meta: string;
  terms: string;
  bin: string;
  names: NameIndex;
  lookup: Lookup['names'];
  /** id -> [name, category, summary, status, alternatives] */
  tools: Record<string, [string, string, string, string, string[]]>;
}

export function searchScript(data: SearchData): string {
  return assign('search', data);
}
