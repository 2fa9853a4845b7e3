/** Parses and applies `--where` filters (=, !=, ~, year comparisons) over tool facts and facets. */
import { UsageError } from '../errors.js';
import { closest } from '../text/names.js';
import { BOOL_QUALIFIERS, type Category, type FacetValue, type ToolSummary } from './types.js';

export type FilterOp = '=' | '!=' | '~' | '>=' | '<=' | '>' | '<';

export interface Filter {
  key: string;
  op: FilterOp;
  value: string;
}

/** Fields every tool has, filterable whatever its category. */
export const COMMON_FILTER_KEYS = ['license', 'language', 'firstRelease', 'maintainer', 'hosting', 'status', 'category', 'tag', 'name', 'id'] as const;

const EXPR = /^\s*([A-Za-z][\w-]*)\s*(!=|>=|<=|=|~|>|<)\s*(.*?)\s*$/;

/** Values the common enum-like fields take. */
const COMMON_VALUES: Record<string, string[]> = {
  status: ['active', 'maintenance', 'deprecated', 'archived'],
  hosting: ['self-hosted', 'saas', 'both'],
};
const BOOL_VALUES = ['true', 'false', 'yes', 'no', ...BOOL_QUALIFIERS];

/** The values a key accepts for `=` and `!=`, when they are a closed set (enums, bools, status, hosting). */
function closedValues(key: string, categories: Category[]): string[] | null {
  if (COMMON_VALUES[key]) return COMMON_VALUES[key]!;
  const defs = categories.flatMap((c) => c.facets.filter((f) => f.key === key));
  if (defs.length === 0 || defs.some((d) => d.type !== 'enum' && d.type !== 'bool')) return null;
  return [...new Set(defs.flatMap((d) => (d.type === 'bool' ? BOOL_VALUES : d.values ?? [])))];
}

/**
 * Parses `KEY=VALUE` style expressions. Keys are common fields or facets of the categories in play, in any
 * case; values of closed sets (enums, bools, status, hosting) must be one of their values or `unknown`.
 */
export function parseFilters(exprs: string[], categories: Category[]): Filter[] {
  const facetKeys = new Set(categories.flatMap((c) => c.facets.map((f) => f.key)));
  const valid = [...COMMON_FILTER_KEYS, ...[...facetKeys].sort()];
  const byLower = new Map(valid.map((k) => [k.toLowerCase(), k]));
  return exprs.map((expr) => {
    const m = EXPR.exec(expr);
    if (!m) {
      throw new UsageError(`cannot read filter '${expr}'`, { hint: 'write KEY=VALUE, KEY!=VALUE, KEY~TEXT, or firstRelease>=2015' });
    }
    const [, typed, op, value] = m as unknown as [string, string, FilterOp, string];
    const key = byLower.get(typed.toLowerCase());
    if (key === undefined) {
      const near = closest(typed, valid, 3);
      throw new UsageError(`unknown filter key '${typed}'`, {
        hint: `${near.length ? `did you mean ${near.join(', ')}? ` : ''}common keys: ${COMMON_FILTER_KEYS.join(', ')}; a category's keys: devops-kb categories <category>`,
      });
    }
    if (value === '') throw new UsageError(`filter '${expr}' has an empty value`, { hint: `write ${key}${op}VALUE` });
    if (['>=', '<=', '>', '<'].includes(op) && !/^-?\d+(\.\d+)?$/.test(value)) {
      throw new UsageError(`'${op}' compares numbers, but '${value}' is not a number`, { hint: 'for example: firstRelease>=2015' });
    }
    const allowed = op === '=' || op === '!=' ? closedValues(key, categories) : null;
    if (allowed && value.toLowerCase() !== 'unknown' && !allowed.some((v) => v.toLowerCase() === value.toLowerCase())) {
      const near = closest(value, allowed, 3);
      throw new UsageError(`'${value}' is not a value of ${key}`, { hint: `${near.length ? `did you mean ${near.join(', ')}? ` : ''}${key} takes: ${allowed.join(', ')}` });
    }
    return { key, op, value };
  });
}

function valuesOf(tool: ToolSummary, key: string): FacetValue | null {
  switch (key) {
    case 'category':
      return tool.categories;
    case 'tag':
      return tool.tags;
    case 'language':
      return tool.language;
    case 'license':
    case 'firstRelease':
    case 'maintainer':
    case 'hosting':
    case 'status':
    case 'name':
    case 'id':
      return (tool[key] as FacetValue | null) ?? null;
    default:
      return tool.facets[key] ?? null;
  }
}

function asText(v: string | number | boolean): string {
  if (v === true) return 'true';
  if (v === false) return 'false';
  return String(v).toLowerCase();
}

const TRUTHY: Record<string, string> = { yes: 'true', no: 'false', true: 'true', false: 'false' };

function matchOne(v: string | number | boolean, f: Filter): boolean {
  const text = asText(v);
  const want = f.value.toLowerCase();
  switch (f.op) {
    case '=':
      return text === want || (typeof v === 'boolean' && TRUTHY[want] === text);
    case '~':
      return text.includes(want);
    default: {
      const n = typeof v === 'number' ? v : Number.parseFloat(text);
      if (!Number.isFinite(n)) return false;
      const w = Number.parseFloat(want);
      return f.op === '>=' ? n >= w : f.op === '<=' ? n <= w : f.op === '>' ? n > w : n < w;
    }
  }
}

/** True when the tool satisfies the filter; list values match when any element matches. */
export function matches(tool: ToolSummary, f: Filter): boolean {
  const raw = valuesOf(tool, f.key);
  const items = raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  if (f.op === '!=') return !items.some((v) => matchOne(v, { ...f, op: '=' }));
  return items.some((v) => matchOne(v, f));
}

export function applyFilters<T extends ToolSummary>(tools: T[], filters: Filter[]): T[] {
  return tools.filter((t) => filters.every((f) => matches(t, f)));
}
