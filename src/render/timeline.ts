/** Renders timelines: events grouped by year (newest first), and the short Timeline block of `show`. */
import { byYear, type TimelineEntry } from '../catalog/timeline.js';
import type { ToolEvent } from '../catalog/types.js';
import { clampWidth, keyValues, type RenderOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { padEnd, stringWidth, wrap } from './width.js';

/** `timeline`: one heading per year, then `date  id  kind  text` lines with the text wrapped under itself. */
export function renderTimeline(entries: TimelineEntry[], opts: RenderOptions): string {
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const dateW = Math.max(...entries.map((e) => e.date.length), 4);
  const idW = Math.min(Math.max(...entries.map((e) => stringWidth(e.id)), 2), 24);
  const kindW = Math.max(...entries.map((e) => e.kind.length), 4);
  const out: string[] = [];
  for (const group of byYear(entries)) {
    if (out.length) out.push('');
    out.push(t.heading(String(group.year)));
    for (const e of group.entries) {
      const lead = `  ${padEnd(e.date, dateW)}  ${padEnd(sanitize(e.id), idW)}  ${padEnd(e.kind, kindW)}  `;
      const room = width - stringWidth(lead);
      if (room < 40) {
        // Too narrow for a text column: the text goes under the date, wrapped to the full width.
        const pad = ' '.repeat(dateW + 4);
        out.push(t.label(lead.trimEnd()), ...wrap(sanitize(e.text), width, pad, pad));
        continue;
      }
      const lines = wrap(sanitize(e.text), room);
      lines.forEach((l, i) => out.push(i === 0 ? `${t.label(lead)}${l}`.trimEnd() : `${' '.repeat(stringWidth(lead))}${l}`.trimEnd()));
    }
  }
  return out.join('\n') + '\n';
}

/** The few lines `show` prints under "Timeline": newest first, `date kind` as the label. */
export function timelineRows(events: ToolEvent[], opts: RenderOptions): string[] {
  const sorted = [...events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return keyValues(sorted.map((e) => [`${e.date} ${e.kind}`, e.text]), opts);
}
