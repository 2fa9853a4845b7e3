/** Renders a stack audit: coverage by category, overlaps, gaps with candidates, retired tools, licence risk, links. */
import type { StackReport } from '../catalog/stack.js';
import { clampWidth, heading, keyValues, type RenderOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { wrap } from './width.js';

const none = (opts: RenderOptions) => [opts.theme.dim('  none')];

export function renderStack(r: StackReport, opts: RenderOptions): string {
  const width = clampWidth(opts.width);
  const o = { ...opts, width };
  const t = opts.theme;
  const out: string[] = [];
  out.push(...wrap(`Stack of ${r.tools.length} tool${r.tools.length === 1 ? '' : 's'}: ${r.tools.join(', ')}`, width).map((l) => t.title(l)));

  out.push('', heading('By category', o));
  out.push(...keyValues(r.byCategory.map((c) => [c.name, [...c.primary, ...c.also.map((id) => `${id} (also)`)].join(', ')]), o));

  const catName = (id: string) => r.byCategory.find((c) => c.category === id)?.name ?? id;
  out.push('', heading('Overlaps', o));
  if (r.overlaps.length === 0) out.push(...none(o));
  for (const ov of r.overlaps) {
    const names = ov.tools.length === 2 ? ov.tools.join(' and ') : `${ov.tools.slice(0, -1).join(', ')} and ${ov.tools[ov.tools.length - 1]}`;
    out.push(...wrap(`${names} do the same job (${catName(ov.category)})`, width, '    ', '  • '));
    out.push(...wrap(`settle it with: ${ov.compare}`, width, '      ', '    ').map((l) => t.dim(l)));
  }

  out.push('', heading('Gaps', o));
  out.push(...wrap(`profile: ${r.profile.join(', ')}`, width, '  ', '  ').map((l) => t.dim(l)));
  if (r.gaps.length === 0) out.push(...none(o));
  out.push(...keyValues(r.gaps.map((g) => {
    const cands = g.candidates.map((c) => (c.links.length ? `${c.id} (with ${c.links.join(', ')})` : c.id)).join('; ');
    return [g.name, cands || 'no candidates in the catalog'];
  }), o));

  out.push('', heading('Retired or winding down', o));
  if (r.retired.length === 0) out.push(...none(o));
  out.push(...keyValues(r.retired.map((x) => [x.id, `${x.status}${x.since ? ` since ${x.since}` : ''}${x.replacedBy.length ? `; replaced by ${x.replacedBy.join(', ')}` : ''}`]), o));

  out.push('', heading('Licence risk', o));
  if (r.licenseRisk.length === 0) out.push(...none(o));
  out.push(...keyValues(r.licenseRisk.map((x) => {
    const shown = x.risks.filter((k) => k !== (x.license ?? '').toLowerCase());
    const kinds = shown.length ? ` (${shown.join(', ')})` : '';
    const change = x.change ? `; relicensed ${x.change.date}${x.change.recent ? ', within three years' : ''}: ${x.change.text}` : '';
    return [x.id, `${x.license ?? 'unknown'}${kinds}${change}`];
  }), o));

  out.push('', heading('Links', o));
  if (r.links.pairs.length === 0) out.push(...none(o));
  out.push(...r.links.pairs.map((p) => `  ${sanitize(p.from)} ${p.relation} ${sanitize(p.to)}`));
  if (r.links.isolated.length) out.push(...wrap(`not connected to the rest: ${r.links.isolated.join(', ')}`, width, '  ', '  ').map((l) => t.bad(l)));
  return out.join('\n') + '\n';
}
