/** Staleness: notes whose `verified` date (YYYY-MM or YYYY-MM-DD) is older than a number of months before today. */
import type { Problem } from './types.js';

export interface Verifiable {
  path: string;
  verified: string | null;
  /** Where `verified` sits in the note, when known. */
  position?: [number, number];
}

/** Whole months between a `verified` value and today, counted by calendar month; null when it is not a date. */
export function monthsSince(verified: string, today: Date): number | null {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(verified.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return today.getUTCFullYear() * 12 + today.getUTCMonth() - (Number(m[1]) * 12 + month - 1);
}

/** One warning per note verified more than `months` months ago, or never. */
export function staleProblems(notes: Verifiable[], months: number, today: Date): Problem[] {
  const out: Problem[] = [];
  for (const n of notes) {
    const [line, column] = n.position ?? [2, 1];
    const at = { file: n.path, line, column, severity: 'warning' as const };
    if (!n.verified) {
      out.push({ ...at, message: 'the note has no `verified` date', hint: 'check the facts and add `verified: YYYY-MM`' });
      continue;
    }
    const age = monthsSince(n.verified, today);
    if (age === null) {
      out.push({ ...at, message: `\`verified: ${n.verified}\` is not a YYYY-MM date`, hint: 'write `verified: 2026-11`' });
    } else if (age > months) {
      out.push({ ...at, message: `facts last verified ${n.verified}, ${age} months ago (limit ${months})`, hint: 're-check the facts against the sources, then update `verified`' });
    }
  }
  return out;
}
