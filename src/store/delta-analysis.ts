/**
 * What the delta's documents were analysed into, kept beside the delta (`delta-<seq>.terms.json`) so the
 * next update analyses only the notes it changes: each changed tool's analysis, and each masked base
 * document's terms as the base indexed them (document frequencies then need none of the base's postings).
 * Read only by the incremental path; when it is missing or damaged the update analyses everything again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocTerms } from '../search/index.js';

export interface DeltaAnalysis {
  /** Tool id -> analysis, for the tools the delta holds. */
  docs: Record<string, DocTerms>;
  /** Masked base document (number) -> the distinct terms (and marks) it has in the base. */
  masked: Record<string, string[]>;
}

export const deltaAnalysisFile = (seq: number) => `delta-${seq}.terms.json`;

export function readDeltaAnalysis(catalogDir: string, seq: number): DeltaAnalysis | null {
  try {
    const a = JSON.parse(fs.readFileSync(path.join(catalogDir, deltaAnalysisFile(seq)), 'utf8')) as DeltaAnalysis;
    return a && typeof a.docs === 'object' && typeof a.masked === 'object' ? a : null;
  } catch {
    return null;
  }
}

/** A plain write: no manifest names it, and the next update checks it reads back whole. */
export function writeDeltaAnalysis(catalogDir: string, seq: number, analysis: DeltaAnalysis): void {
  fs.writeFileSync(path.join(catalogDir, deltaAnalysisFile(seq)), JSON.stringify(analysis));
}

/** The distinct terms and marks of an analysed document. */
export function termsOf(d: DocTerms): string[] {
  return [...new Set([...d.terms, ...d.marks])];
}
