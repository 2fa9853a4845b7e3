/** Parses and validates a note's `events` list: dated, typed, sourced facts (relicensing, acquisitions, archival...). */
import { closest } from '../text/names.js';
import { EVENT_KINDS, type EventKind, type ToolEvent } from './types.js';

/** Reports a problem at a key path of the frontmatter (the schema checker's `report`). */
export type Report = (path: (string | number)[], message: string, hint: string, severity?: 'error' | 'warning') => void;

const EVENT_KEYS = ['date', 'kind', 'text', 'source'];
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Normalises an event date (YAML may hand over a number or a Date) and checks it is a real YYYY[-MM[-DD]]. */
export function normalizeEventDate(raw: unknown): string | null {
  let text: string;
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) text = raw.toISOString().slice(0, 10);
  else if (typeof raw === 'number' && Number.isInteger(raw)) text = String(raw);
  else if (typeof raw === 'string') text = raw.trim();
  else return null;
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1950 || year > 2100) return null;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > days) return null;
    }
  }
  return text;
}

/** The year of an event date. */
export function eventYear(date: string): number {
  return Number(date.slice(0, 4));
}

/** The source text of a scalar at a key path, when the caller can read it (YAML turns 2023-13-01 into a valid Date). */
export type RawText = (path: (string | number)[]) => string | null;

/**
 * Checks every event; bad ones are reported at their key and left out, good ones are returned in note order.
 * `rawText` lets a date that YAML read as a timestamp be checked as written.
 */
export function parseEvents(raw: unknown, report: Report, rawText: RawText = () => null): ToolEvent[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    report(['events'], '`events` must be a list of `{date, kind, text, source}` entries', 'write one `- date: 2023-08-10` entry per event, with `kind`, `text` and `source` indented under it');
    return [];
  }
  const out: ToolEvent[] = [];
  raw.forEach((item: unknown, i: number) => {
    const at = ['events', i];
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      report(at, `event ${i + 1} must be a mapping with date, kind, text and source`, 'write `- date: 2023-08-10` then `kind: relicensed`, `text: ...` and `source: https://...` under it');
      return;
    }
    const e = item as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(e)) {
      if (!EVENT_KEYS.includes(key)) report([...at, key], `unknown key \`${key}\` in event ${i + 1}`, `event keys are ${EVENT_KEYS.join(', ')}`, 'warning');
    }
    const written = e.date instanceof Date ? rawText([...at, 'date']) : null;
    const date = normalizeEventDate(written ?? e.date);
    if (e.date === undefined || e.date === null || e.date === '') {
      report(at, `event ${i + 1} has no \`date\``, 'add `date: YYYY`, `YYYY-MM` or `YYYY-MM-DD`');
      ok = false;
    } else if (date === null) {
      report([...at, 'date'], `event date ${JSON.stringify(written ?? (e.date instanceof Date ? e.date.toISOString().slice(0, 10) : e.date))} is not a valid YYYY, YYYY-MM or YYYY-MM-DD date`, 'write a real date such as `2023`, `2023-08` or `2023-08-10`');
      ok = false;
    }
    const kind = typeof e.kind === 'string' ? e.kind.trim() : '';
    if (kind === '') {
      report(at, `event ${i + 1} has no \`kind\``, `add \`kind:\` with one of ${EVENT_KINDS.join(', ')}`);
      ok = false;
    } else if (!(EVENT_KINDS as readonly string[]).includes(kind)) {
      const near = closest(kind, EVENT_KINDS, 1);
      report([...at, 'kind'], `unknown event kind \`${kind}\``, `${near.length ? `did you mean ${near[0]}? ` : ''}kinds are ${EVENT_KINDS.join(', ')}`);
      ok = false;
    }
    const text = typeof e.text === 'string' ? e.text.trim() : '';
    if (text === '') {
      report(at, `event ${i + 1} has no \`text\``, 'add `text:` with one sentence saying what happened (licences by SPDX id, e.g. BUSL-1.1)');
      ok = false;
    }
    const source = typeof e.source === 'string' ? e.source.trim() : '';
    if (source === '') {
      report(at, `event ${i + 1} has no \`source\``, 'add `source: https://...`, the page where the event can be checked');
      ok = false;
    } else if (!/^https?:\/\/\S+$/.test(source)) {
      report([...at, 'source'], `event source ${JSON.stringify(source)} is not an http(s) URL`, 'write `source: https://...`');
      ok = false;
    }
    if (ok) out.push({ date: date!, kind: kind as EventKind, text, source });
  });
  return out;
}
