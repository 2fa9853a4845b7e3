/**
 * The delta overlay on disk: what changed since the base artifacts were written by the last full compile.
 * `delta-<seq>.json` holds the changed summaries, lookup names, fuzzy-name entries and the masked base
 * documents; `delta-<seq>.txt` and `delta-<seq>.bin` the delta search segment. The manifest names the
 * current seq, and is written last, so a reader sees a whole base plus a whole delta or the previous pair.
 */
import type { ToolSummary } from '../catalog/types.js';
import { compareStrings } from '../text/names.js';
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

export const deltaFiles = (seq: number) => ({ json: `delta-${seq}.json`, terms: `delta-${seq}.txt`, bin: `delta-${seq}.bin` });

/** The files of a delta: name -> contents. */
export function serializeDelta(d: Omit<DeltaOverlay, 'search'>, segment: SearchIndex): Map<string, string | Uint8Array> {
  const s = serializeSearchIndex(segment);
  const names = deltaFiles(d.seq);
  return new Map<string, string | Uint8Array>([
    [names.json, JSON.stringify({ ...d, search: s.json })],
    [names.terms, s.terms],
    [names.bin, s.bin],
  ]);
}

/** The delta's search segment; throws on a damaged or truncated segment. */
export function deltaSegment(d: DeltaOverlay, terms: string, bin: Uint8Array): SearchIndex {
  return deserializeSearchIndex(d.search, terms, bin);
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
