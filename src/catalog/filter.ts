/** Parses and applies `--where` filters (=, !=, ~, year comparisons) over tool facts and facets. */
import { UsageError } from '../errors.js';
import type { Category, FacetValue, ToolSummary } from './types.js';

export type FilterOp = '=' | '!=' | '~' | '>=' | '<=' | '>' | '<';

export interface Filter {
  key: string;
  op: FilterOp;
  value: string;
}

/** Fields every tool has, filterable whatever its category. */
export const COMMON_FILTER_KEYS = ['license', 'language', 'firstRelease', 'maintainer', 'hosting', 'status', 'category', 'tag', 'name', 'id'] as const;

const EXPR = /^\s*([A-Za-z][\w-]*)\s*(!=|>=|<=|=|~|>|<)\s*(.*?)\s*$/;

/** Parses `KEY=VALUE` style expressions; keys must be common fields or facets of the categories in play. */
export function parseFilters(exprs: string[], categories: Category[]): Filter[] {
  const facetKeys = new Set(categories.flatMap((c) => c.facets.map((f) => f.key)));
  const valid = [...COMMON_FILTER_KEYS, ...[...facetKeys].sort()];
  return exprs.map((expr) => {
    const m = EXPR.exec(expr);
    if (!m) {
      throw new UsageError(`cannot read filter '${expr}'`, { hint: 'write KEY=VALUE, KEY!=VALUE, KEY~TEXT, or firstRelease>=2015' });
    }
    const [, key, op, value] = m as unknown as [string, string, FilterOp, string];
    if (!valid.includes(key)) {
      throw new UsageError(`unknown filter key '${key}'`, { hint: `valid keys here: ${valid.join(', ')}` });
    }
    if (['>=', '<=', '>', '<'].includes(op) && !/^-?\d+(\.\d+)?$/.test(value)) {
      throw new UsageError(`'${op}' compares numbers, but '${value}' is not a number`, { hint: 'for example: firstRelease>=2015' });
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
