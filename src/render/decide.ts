/** Renders the decide commands' results: a tool's relations and the ranked choices of `choose`. */
import type { Choice } from '../catalog/choose.js';
import type { Relations } from '../catalog/relations.js';
import { clampWidth, keyValues, type RenderOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { wrap } from './width.js';

export function renderRelations(r: Relations, name: string, opts: RenderOptions): string {
  const title = name.toLowerCase().replace(/\s+/g, '-') === r.id ? r.id : `${name} (${r.id})`;
  const out = [opts.theme.title(wrap(`${sanitize(title)}: relations`, clampWidth(opts.width))[0] ?? '')];
  out.push(
    ...keyValues(
      [
        ['Alternatives', r.alternatives.join(', ')],
        ['Alternative to', r.alternativeTo.filter((x) => !r.alternatives.includes(x)).join(', ')],
        ['Uses', r.uses.join(', ')],
        ['Used by', r.usedBy.join(', ')],
        ['Integrates with', r.integrates.join(', ')],
        ['Same category', r.peers.join(', ')],
      ],
      opts,
    ),
  );
  return out.join('\n') + '\n';
}

/** The ranked shortlist: score, what each tool meets, misses or leaves unsaid, and why to pick it. */
export function renderChoices(choices: Choice[], needCount: number, opts: RenderOptions, labels: Record<string, string> = {}): string {
  const shown = (keys: string[], c: Choice) => keys.map((k) => `${sanitize(labels[k] ?? k)}: ${sanitize(c.values[k] ?? '?')}`).join('; ');
  const width = clampWidth(opts.width);
  const t = opts.theme;
  const out: string[] = [];
  choices.forEach((c, i) => {
    const retired = c.status === 'deprecated' || c.status === 'archived';
    const head = `${i + 1}. ${sanitize(c.name)} (${c.id}) — ${c.score}/${needCount}${retired ? ` — ${c.status.toUpperCase()}, do not start new work on it` : ''}`;
    out.push(...wrap(head, width).map((l) => (retired ? t.bad(l) : t.title(l))));
    const parts: [string, string][] = [
      ['meets', shown(c.met, c)],
      ['partly', shown(c.partial, c)],
      ['misses', shown(c.missed, c)],
      ['not said', c.unknown.map((k) => sanitize(labels[k] ?? k)).join(', ')],
      ['pick it when', c.reason ?? ''],
    ];
    out.push(...keyValues(parts, { ...opts, width }, '   '));
  });
  return out.join('\n') + '\n';
}
