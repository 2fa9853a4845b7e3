/** Ranks a category's tools by how many needs (filters) they meet, miss or leave unknown. */
import { compareStrings } from '../text/names.js';
import { matches, type Filter } from './filter.js';
import { formatFacetValue } from './facets.js';
import { UNKNOWN, type FacetValue, type ToolSummary } from './types.js';

export interface Choice {
  id: string;
  name: string;
  score: number;
  met: string[];
  /** Needs met only in part (the note says `partial`). */
  partial: string[];
  missed: string[];
  unknown: string[];
  status: ToolSummary['status'];
  reason: string | null;
  /** The tool's own value for each need's key, as text ("opt-in"), so a miss says what the tool has. */
  values: Record<string, string>;
  /** Primary category of the tool (a tool may belong to the category through `also`). */
  category: string;
}

function valueText(tool: ToolSummary, key: string): string {
  const v = key in tool.facets ? tool.facets[key] : (tool as unknown as Record<string, unknown>)[key];
  if (v === undefined || v === null) return UNKNOWN;
  return formatFacetValue(v as FacetValue);
}

function isUnknown(tool: ToolSummary, key: string): boolean {
  const v = key in tool.facets ? tool.facets[key] : (tool as unknown as Record<string, unknown>)[key];
  return v === undefined || v === null || v === UNKNOWN || (Array.isArray(v) && v.length === 0);
}

/**
 * Ranks tools by how many needs they meet: a met need counts 1, a `partial` value 0.5.
 * Retired tools rank last whatever their score; ties keep the catalog's order by id.
 */
export function chooseTools(tools: ToolSummary[], needs: Filter[]): Choice[] {
  const choices = tools.map((t) => {
    const c: Choice = { id: t.id, name: t.name, score: 0, met: [], partial: [], missed: [], unknown: [], status: t.status, reason: t.pickWhen, values: {}, category: t.category };
    for (const need of needs) c.values[need.key] = valueText(t, need.key);
    for (const need of needs) {
      if (isUnknown(t, need.key)) c.unknown.push(need.key);
      else if (matches(t, need)) c.met.push(need.key);
      else if (need.op === '=' && t.facets[need.key] === 'partial') c.partial.push(need.key);
      else c.missed.push(need.key);
    }
    c.score = c.met.length + 0.5 * c.partial.length;
    return c;
  });
  const retired = (c: Choice) => (c.status === 'deprecated' || c.status === 'archived' ? 1 : 0);
  return choices.sort((a, b) => retired(a) - retired(b) || b.score - a.score || a.unknown.length - b.unknown.length || compareStrings(a.id, b.id));
}
