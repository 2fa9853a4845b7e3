/**
 * Delta segments: the documents changed since a base index was built, indexed on their own with the
 * corpus statistics of base plus delta, and the combined view a query reads (masked base documents have
 * no id, delta documents are numbered after the base's).
 *
 * Statistics tolerance: delta documents are scored with exact statistics of the live corpus (document
 * count, document frequencies, average field lengths, the base's masked documents taken out). Base
 * documents keep the scores of the last full build, so their idf and length norms drift by what the delta
 * changed; with the delta capped at 5% of the documents (200 notes at most) a base score stays within
 * DELTA_SCORE_TOLERANCE of a full rebuild's, and the test suite checks ranking against a full rebuild.
 */
import type { Catalog, Tool } from '../catalog/types.js';
import { analyzeTools, FIELDS, finishIndex, lengthsOf, weighTerms, type CorpusStats, type DocTerms, type Field, type SearchIndex, type TermSegment } from './index.js';
import { findTerm } from './layout.js';
export { overlay } from './overlay.js';

/** Largest relative difference between a score of a delta-updated index and one of a full rebuild. */
export const DELTA_SCORE_TOLERANCE = 0.15;

/** How many changed notes the delta may hold before it is merged into a new base. */
export function mergeThreshold(documents: number): number {
  return Math.max(1, Math.min(200, Math.floor(documents * 0.05)));
}

/**
 * Indexes `tools` (new or changed since `base` was built) as a delta segment. `masked` are base documents
 * replaced or deleted since; `baseLens` the base's field lengths (see SearchIndex.lens).
 */
export function buildDelta(
  base: SearchIndex,
  baseLens: Float32Array,
  catalog: Pick<Catalog, 'categories'>,
  tools: Tool[],
  masked: Set<number>,
  /** The tools' analysis and each masked document's base terms, when the caller kept them from earlier updates. */
  prepared?: { analysed: DocTerms[]; maskedTerms: Map<number, string[]> },
): SearchIndex {
  const nb = base.ids.length;
  const perDoc = prepared?.analysed ?? analyzeTools({ tools, categories: catalog.categories }, tools);
  // How many masked documents each term counts in the base (with their terms known, no postings are read).
  const maskedCount = new Map<string, number>();
  for (const terms of prepared?.maskedTerms.values() ?? []) for (const t of terms) maskedCount.set(t, (maskedCount.get(t) ?? 0) + 1);
  const n = Math.max(1, nb - masked.size + tools.length);
  const F = FIELDS.length;
  const avg = {} as Record<Field, number>;
  const isMasked = new Uint8Array(nb);
  for (const d of masked) if (d < nb) isMasked[d] = 1;
  const maskedDocs = [...masked].sort((a, b) => a - b);
  FIELDS.forEach((f, j) => {
    let sum = 0;
    for (let d = 0; d < nb; d++) if (!isMasked[d]) sum += baseLens[d * F + j] ?? 0;
    for (const d of perDoc) sum += d.len[f];
    avg[f] = Math.max(1, sum / n);
  });
  const { weighted, outsideBody } = weighTerms(perDoc, avg, nb);
  const known = new Map<string, number>();
  const stats: CorpusStats = {
    n,
    avg,
    df: (term) => {
      const seen = known.get(term);
      if (seen !== undefined) return seen;
      let live = 0;
      const i = findTerm(base, term);
      if (i >= 0 && prepared) live = base.offsets[i + 1]! - base.offsets[i]! - (maskedCount.get(term) ?? 0);
      else if (i >= 0) {
        const from = base.offsets[i]!;
        const to = base.offsets[i + 1]!;
        live = to - from;
        base.fill?.(from, to);
        // A term's postings are in document order: find each masked document by binary search.
        for (const d of maskedDocs) {
          let lo = from;
          let hi = to - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const doc = base.postings[2 * mid]!;
            if (doc === d) {
              live--;
              break;
            }
            if (doc < d) lo = mid + 1;
            else hi = mid - 1;
          }
        }
      }
      const df = live + (weighted.get(term)?.docs.length ?? 0);
      known.set(term, df);
      return df;
    },
  };
  const delta = finishIndex(tools, weighted, outsideBody, stats);
  delta.lens = lengthsOf(perDoc);
  return delta;
}

