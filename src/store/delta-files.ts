/**
 * The delta overlay on disk: what changed since the base artifacts were written by the last full compile.
 * One file, `delta-<seq>.bin`, holds the changed summaries, lookup names and masked base documents, and
 * the delta search segment (one file, not three: creating a file costs about a millisecond on a VM's ext4).
 * The manifest names the current seq, and is written last, so a reader sees a whole base plus a whole
 * delta or the previous pair.
 */
import type { ToolSummary } from '../catalog/types.js';
import { compareStrings } from '../text/names.js';
import { parseDeltaAnalysis, type DeltaAnalysis } from './delta-analysis.js';
import { frame, unframe } from './framing.js';
import type { NameIndex, SearchIndex } from '../search/index.js';
import { overlay } from '../search/overlay.js';
import { deserializeSearchIndex, serializeSearchIndex } from '../search/layout.js';

export interface DeltaOverlay {
  seq: number;
  /** Ids whose tool changed or was added since the base (their summaries follow). */
  summaries: Record<string, ToolSummary>;
  /** Ids of the base that no longer exist. */
  removed: string[];
  /** Names whose owner changed since the base: normalised name -> id, or null when the name is gone. */
  lookup: Record<string, string | null>;
  /** Base documents (by number) that a changed or removed tool replaces. */
  masked: number[];
  /** The delta search segment's meta (its terms and postings are in the .txt and .bin files). */
  search: string;
}

export const deltaFile = (seq: number) => `delta-${seq}.bin`;

/** A delta as it is read: the overlay, and its search segment (decoded and checked on first use). */
export interface Delta {
  overlay: DeltaOverlay;
  segment(): SearchIndex;
  /** What the next update may reuse of this delta's analysis, or null. */
  analysis(): DeltaAnalysis | null;
}

/*
 * Layout, framed (framing.ts, aligned to 4): overlay (JSON, with the segment's meta) | the segment's terms |
 * the kept analysis (JSON, `null` when there is none; read only by the next update) | the segment's binary file.
 */
export function serializeDelta(d: Omit<DeltaOverlay, 'search'>, segment: SearchIndex, analysis: DeltaAnalysis | null): Uint8Array {
  const s = serializeSearchIndex(segment);
  return frame([Buffer.from(JSON.stringify({ ...d, search: s.json })), Buffer.from(s.terms), Buffer.from(JSON.stringify(analysis)), s.bin], 4);
}

/** Reads a delta file; throws when it is truncated or not a delta (the segment's checksums are checked when it is first used). */
export function readDelta(bytes: Buffer): Delta {
  const [json, terms, analysis, bin] = unframe(bytes, 4, 4);
  const overlay = JSON.parse(json!.toString('utf8')) as DeltaOverlay;
  if (typeof overlay.seq !== 'number' || typeof overlay.search !== 'string') throw new Error('not a delta file');
  let segment: SearchIndex | undefined;
  return {
    overlay,
    segment: () => (segment ??= deserializeSearchIndex(overlay.search, terms!.toString('utf8'), bin!)),
    analysis: () => parseDeltaAnalysis(analysis!.toString('utf8')),
  };
}

/** Base summaries with the delta applied, sorted by id as a full compile sorts them. */
export function applySummaries(base: ToolSummary[], d: DeltaOverlay): ToolSummary[] {
  const gone = new Set([...d.removed, ...Object.keys(d.summaries)]);
  const out = base.filter((s) => !gone.has(s.id)).concat(Object.values(d.summaries));
  return out.sort((a, b) => compareStrings(a.id, b.id));
}

export function applyLookup(base: Record<string, string>, d: DeltaOverlay): Record<string, string> {
  const names = { ...base };
  for (const [name, id] of Object.entries(d.lookup)) {
    if (id === null) delete names[name];
    else names[name] = id;
  }
  return names;
}

/** Base search index with the delta segment merged in: masked base documents never match. */
export function applySearch(base: SearchIndex, d: DeltaOverlay, segment: SearchIndex): SearchIndex {
  return overlay(base, segment, d.masked);
}

export function applyNames(base: NameIndex, d: DeltaOverlay): NameIndex {
  return {
    ...base,
    removed: [...d.removed, ...Object.keys(d.summaries)],
    added: Object.values(d.summaries).map((s) => ({ id: s.id, name: s.name, aliases: s.aliases })),
  };
}
