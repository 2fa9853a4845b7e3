/** `timeline`: events of the named tools (or all), filtered by --since and --kind, newest first. */
import { buildTimeline, parseKinds, type TimelineEntry } from '../../catalog/timeline.js';
import { EVENT_KINDS } from '../../catalog/types.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { resolveTools } from '../resolve.js';

export interface TimelineOptions {
  since?: string;
  kind?: string[];
}

/** Checks `--since`: a four-digit year. */
export function parseSince(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError(`--since must be a four-digit year, got '${value}'`, { hint: 'for example: devops-kb timeline --since 2024' });
  return Number(value.trim());
}

export async function timelineCommand(ctx: Context, names: string[], opts: TimelineOptions): Promise<TimelineEntry[]> {
  const since = parseSince(opts.since);
  const { kinds, unknown } = parseKinds(opts.kind ?? []);
  if (unknown.length) {
    throw new UsageError(`unknown event kind${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}`, { hint: `kinds are ${EVENT_KINDS.join(', ')}` });
  }
  const { store, ids } = names.length ? await resolveTools(ctx, names) : { store: await ctx.store(), ids: [] as string[] };
  const tools = ids.length ? ids.map((id) => store.tool(id)) : store.summaries();
  return buildTimeline(tools, { ids, since, kinds });
}
