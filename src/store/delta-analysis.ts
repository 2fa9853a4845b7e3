/**
 * What the delta's documents were analysed into, kept inside the delta file so the next update analyses
 * only the notes it changes: each changed tool's analysis, and each masked base document's terms as the
 * base indexed them (document frequencies then need none of the base's postings). Written in the same
 * file as the delta it describes, so the two cannot come from different updates.
 */
import type { DocTerms } from '../search/index.js';

export interface DeltaAnalysis {
  /** Tool id -> analysis, for the tools the delta holds. */
  docs: Record<string, DocTerms>;
  /** Masked base document (number) -> the distinct terms (and marks) it has in the base. */
  masked: Record<string, string[]>;
}

/** A delta's kept analysis from its JSON, or null when there is none or it does not read back. */
export function parseDeltaAnalysis(json: string): DeltaAnalysis | null {
  try {
    const a = JSON.parse(json) as DeltaAnalysis | null;
    return a && typeof a.docs === 'object' && typeof a.masked === 'object' ? a : null;
  } catch {
    return null;
  }
}

/** The distinct terms and marks of an analysed document. */
export function termsOf(d: DocTerms): string[] {
  return [...new Set([...d.terms, ...d.marks])];
}
