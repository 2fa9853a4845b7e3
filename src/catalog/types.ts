/** The typed catalog: what notes become once parsed and validated. */

export const FACET_TYPES = ['enum', 'bool', 'year', 'text', 'list'] as const;
export type FacetType = (typeof FACET_TYPES)[number];

export const STATUSES = ['active', 'maintenance', 'deprecated', 'archived'] as const;
export type Status = (typeof STATUSES)[number];

export const HOSTINGS = ['self-hosted', 'saas', 'both'] as const;
export type Hosting = (typeof HOSTINGS)[number];

/** Values a `bool` facet may take besides true and false: the truth is often qualified. */
export const BOOL_QUALIFIERS = ['partial', 'paid-only'] as const;
export const UNKNOWN = 'unknown';

export type FacetValue = string | number | boolean | string[];

export interface FacetDef {
  key: string;
  label: string;
  type: FacetType;
  /** Allowed values of an enum facet. */
  values?: string[];
  /** The question `choose` asks for this facet. */
  question?: string;
}

/** A body block, pre-digested at build time so rendering needs no Markdown parser. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string; depth: number }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'code'; text: string; lang?: string }
  | { kind: 'quote'; text: string }
  /** A GFM pipe table: the header row first. */
  | { kind: 'table'; rows: string[][] };

export interface Section {
  title: string;
  markdown: string;
  blocks: Block[];
}

export interface Related {
  alternatives: string[];
  uses: string[];
  integrates: string[];
}

/** Kinds of dated events a note may record (licence, owner, foundation and lifecycle changes). */
export const EVENT_KINDS = [
  'created', 'released', 'relicensed', 'acquired', 'renamed', 'forked', 'donated', 'graduated', 'archived', 'deprecated',
  'retired', 'security-incident',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One dated fact about a tool's history; `date` is YYYY, YYYY-MM or YYYY-MM-DD. */
export interface ToolEvent {
  date: string;
  kind: EventKind;
  text: string;
  source: string;
}

export interface Tool {
  id: string;
  name: string;
  category: string;
  also: string[];
  /** Primary category first, then `also`. */
  categories: string[];
  aliases: string[];
  summary: string;
  pickWhen: string | null;
  homepage: string | null;
  repo: string | null;
  license: string | null;
  licenseNote: string | null;
  language: string[];
  firstRelease: number | 'unknown' | null;
  maintainer: string | null;
  hosting: Hosting | null;
  tags: string[];
  status: Status;
  statusSince: number | null;
  replacedBy: string[];
  verified: string | null;
  facets: Record<string, FacetValue>;
  related: Related;
  sources: string[];
  /** Dated events, oldest first as written in the note. */
  events: ToolEvent[];
  sections: Section[];
  wordCount: number;
  /** Where the note came from, relative to its content root when built in. */
  path: string;
}

/** A tool without its body: what list, filters and relations need. */
export type ToolSummary = Omit<Tool, 'sections'>;

export interface Category {
  id: string;
  name: string;
  summary: string;
  facets: FacetDef[];
  sections: Section[];
  path: string;
}

export type Severity = 'error' | 'warning';

/** One problem found in a note, positioned at the offending key or value. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  hint?: string;
  /** True when the problem made the note unusable, so it was left out of the catalog. */
  skipped?: boolean;
}

export interface Catalog {
  tools: Tool[];
  categories: Category[];
}

/** A tool without its body sections. */
export function toSummary(tool: Tool): ToolSummary {
  const { sections: _sections, ...rest } = tool;
  return rest;
}
