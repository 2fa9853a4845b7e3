/** Timelines: events of one or more tools, filtered by year and kind, newest first; the last licence change of a tool. */
import { eventYear } from './events.js';
import { EVENT_KINDS, type EventKind, type ToolEvent, type ToolSummary } from './types.js';

/** One event with the tool it belongs to: the `timeline --json` shape. */
export interface TimelineEntry {
  id: string;
  date: string;
  kind: EventKind;
  text: string;
  source: string;
}

export interface TimelineFilter {
  /** Only these tools (ids); all when absent or empty. */
  ids?: string[];
  /** Only events in this year or later. */
  since?: number;
  /** Only events of these kinds; all when absent or empty. */
  kinds?: EventKind[];
}

/** Newest first. Dates of different precision compare as text, so `2025-03` sorts before `2025`; ties by id. */
export function compareEvents(a: { date: string; id?: string }, b: { date: string; id?: string }): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const x = a.id ?? '';
  const y = b.id ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Splits `--kind` values (repeated or comma-separated) into kinds; names it does not know come back in `unknown`. */
export function parseKinds(values: string[]): { kinds: EventKind[]; unknown: string[] } {
  const kinds: EventKind[] = [];
  const unknown: string[] = [];
  for (const part of values.flatMap((v) => v.split(','))) {
    const k = part.trim().toLowerCase();
    if (k === '') continue;
    if ((EVENT_KINDS as readonly string[]).includes(k)) {
      if (!kinds.includes(k as EventKind)) kinds.push(k as EventKind);
    } else unknown.push(part.trim());
  }
  return { kinds, unknown };
}

/** Every event of the chosen tools that passes the filter, newest first. */
export function buildTimeline(tools: Pick<ToolSummary, 'id' | 'events'>[], filter: TimelineFilter = {}): TimelineEntry[] {
  const only = filter.ids && filter.ids.length ? new Set(filter.ids) : null;
  const kinds = filter.kinds && filter.kinds.length ? new Set<EventKind>(filter.kinds) : null;
  const out: TimelineEntry[] = [];
  for (const tool of tools) {
    if (only && !only.has(tool.id)) continue;
    for (const e of tool.events ?? []) {
      if (filter.since !== undefined && eventYear(e.date) < filter.since) continue;
      if (kinds && !kinds.has(e.kind)) continue;
      out.push({ id: tool.id, date: e.date, kind: e.kind, text: e.text, source: e.source });
    }
  }
  return out.sort(compareEvents);
}

/** Groups a newest-first timeline by year, keeping the order. */
export function byYear(entries: TimelineEntry[]): { year: number; entries: TimelineEntry[] }[] {
  const groups: { year: number; entries: TimelineEntry[] }[] = [];
  for (const e of entries) {
    const year = eventYear(e.date);
    const last = groups[groups.length - 1];
    if (last && last.year === year) last.entries.push(e);
    else groups.push({ year, entries: [e] });
  }
  return groups;
}

/** The newest `relicensed` event of a tool, or null. */
export function lastLicenceChange(tool: Pick<ToolSummary, 'events'>): ToolEvent | null {
  const changes = (tool.events ?? []).filter((e) => e.kind === 'relicensed');
  return changes.sort((a, b) => compareEvents(a, b))[0] ?? null;
}

/** `date: text` of the newest relicensing, or an em dash when there is none. */
export function licenceChangeLabel(tool: Pick<ToolSummary, 'events'>): string {
  const e = lastLicenceChange(tool);
  return e ? `${e.date}: ${e.text}` : '—';
}
