/**
 * The term directory of a segment on disk: every EVERY-th term of the sorted term list with the byte where
 * it starts in terms.txt, kept in search.json. A reader finds a term by a binary search of the directory,
 * then of one run of EVERY terms read from terms.txt, and reads that term's two postings offsets: a query
 * over 10,000 team notes reads a few kilobytes of a 1.2 MB term list and its 1.2 MB of offsets.
 */

/** Terms per run: a run is a few hundred bytes, decoded whole when a lookup lands in it. */
export const DIRECTORY_EVERY = 64;

export interface TermDirectory {
  every: number;
  /** The first term of each run. */
  first: string[];
  /** Byte offset in terms.txt (UTF-8, terms joined by newlines) where each run starts. */
  at: number[];
}

/** The directory of a term list: `text` is terms joined by newlines, `bytes` its UTF-8 encoding. */
export function buildTermDirectory(text: string, bytes: Uint8Array, termCount: number, every = DIRECTORY_EVERY): TermDirectory {
  const first: string[] = [];
  const at: number[] = [];
  for (let term = 0, charAt = 0, byteAt = 0; term < termCount; term++) {
    const newline = text.indexOf('\n', charAt);
    const end = newline < 0 ? text.length : newline;
    if (term % every === 0) {
      first.push(text.slice(charAt, end));
      at.push(byteAt);
    }
    charAt = end + 1;
    const newlineByte = bytes.indexOf(10, byteAt);
    byteAt = newlineByte < 0 ? bytes.byteLength : newlineByte + 1;
  }
  return { every, first, at };
}

/** Where a reader finds a term's bytes: the term list on demand, and what to do when they are damaged. */
export interface TermBytes {
  bytes: Uint8Array;
  ensure(from: number, to: number): void;
  damaged(message: string): never;
}

const decoder = new TextDecoder();

/**
 * A lookup over a directory and the term list's bytes: the term's number in the sorted list, or -1. Runs
 * decoded once are kept. A run that does not hold the terms the directory promises is reported as damage.
 */
export function directoryLookup(dir: TermDirectory, terms: TermBytes, termCount: number): (term: string) => number {
  const runs = new Map<number, string[]>();
  const runOf = (j: number): string[] => {
    let run = runs.get(j);
    if (run) return run;
    const from = dir.at[j]!;
    const to = j + 1 < dir.at.length ? dir.at[j + 1]! - 1 : terms.bytes.byteLength;
    if (!(from <= to && to <= terms.bytes.byteLength)) terms.damaged('term directory points past the term list');
    terms.ensure(from, to);
    run = decoder.decode(terms.bytes.subarray(from, to)).split('\n');
    const expected = Math.min(dir.every, termCount - j * dir.every);
    if (run.length !== expected || run[0] !== dir.first[j]) terms.damaged(`run ${j} of the term list does not match its directory`);
    runs.set(j, run);
    return run;
  };
  return (term) => {
    // The last run whose first term is not after the term.
    let lo = 0;
    let hi = dir.first.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (dir.first[mid]! <= term) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (j < 0) return -1;
    const run = runOf(j);
    lo = 0;
    hi = run.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = run[mid]!;
      if (t === term) return j * dir.every + mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}
