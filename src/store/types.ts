/** The read interface of a compiled catalog (built-in or user cache) and its manifest; implementations load lazily. */
import type { NameIndex, SearchIndex } from '../search/index.js';
import type { Lookup } from '../catalog/lookup.js';
import type { Category, Problem, Section, Tool, ToolSummary } from '../catalog/types.js';

export type { Lookup };

export const ARTIFACT_FORMAT = 9;

export interface Manifest {
  format: number;
  /** Day the catalog was compiled (YYYY-MM-DD). */
  built?: string;
  tools: number;
  categories: number;
  problems: Problem[];
  /** The user cache's current delta (see delta-files.ts); absent in a base written by a full compile. */
  delta?: number;
  /** Tools are grouped in the shards of tools.pack by this many bits of a hash of their id (the user cache), instead of one tools/<id>.json each. */
  toolShards?: number;
}


/** Read access to a compiled catalog; implementations load lazily. */
export interface CatalogStore {
  manifest(): Manifest;
  /** Every name, for suggestions and completion. */
  lookup(): Lookup;
  /** The tool id a normalised name (id, display name or alias) stands for, reading only its shard. */
  findName(normalized: string): string | null;
  tool(id: string): Tool;
  /** True when a tool with exactly this id exists (cheaper than loading the lookup). */
  hasTool(id: string): boolean;
  /** Categories with their facets (sections left out: see guide). */
  categories(): Category[];
  /** A category's sections: what it is and how to choose within it. */
  guide(id: string): Section[];
  summaries(): ToolSummary[];
  searchIndex(): SearchIndex;
  nameIndex(): NameIndex;
}
