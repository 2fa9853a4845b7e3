/** Checks facet values against their definitions and formats them for display and comparison. */
import { BOOL_QUALIFIERS, UNKNOWN, type FacetDef, type FacetValue } from './types.js';

export type FacetCheck = { ok: true; value: FacetValue } | { ok: false; message: string; hint: string };

const BOOL_WORDS: Record<string, boolean> = { yes: true, no: false, true: true, false: false };

/** True when a text opens or closes more brackets than it closes or opens. */
function unbalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (depth < 0) return true;
  }
  return depth !== 0;
}

/** Checks (and normalises) one facet value against its definition. */
export function checkFacetValue(def: FacetDef, raw: unknown): FacetCheck {
  if (raw === UNKNOWN) return { ok: true, value: UNKNOWN };
  switch (def.type) {
    case 'enum': {
      const allowed = def.values ?? [];
      const match = typeof raw === 'string' || typeof raw === 'boolean' ? allowed.find((v) => v.toLowerCase() === String(raw).toLowerCase()) : undefined;
      if (match !== undefined) return { ok: true, value: match };
      return { ok: false, message: `facet \`${def.key}\` must be one of ${allowed.join(', ')} (or unknown); got ${JSON.stringify(raw)}`, hint: `pick the closest value, or write \`${def.key}: unknown\`` };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (typeof raw === 'string') {
        const word = raw.toLowerCase();
        if (word in BOOL_WORDS) return { ok: true, value: BOOL_WORDS[word]! };
        if ((BOOL_QUALIFIERS as readonly string[]).includes(word)) return { ok: true, value: word };
      }
      return { ok: false, message: `facet \`${def.key}\` must be true, false, ${BOOL_QUALIFIERS.join(', ')} or unknown; got ${JSON.stringify(raw)}`, hint: `write \`${def.key}: true\`` };
    }
    case 'year': {
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1950 && raw <= 2100) return { ok: true, value: raw };
      return { ok: false, message: `facet \`${def.key}\` must be a four-digit year or unknown; got ${JSON.stringify(raw)}`, hint: `write \`${def.key}: 2015\`` };
    }
    case 'text': {
      if (typeof raw === 'string' && raw.trim() !== '') return { ok: true, value: raw.trim() };
      if (typeof raw === 'number' || typeof raw === 'boolean') return { ok: true, value: String(raw) };
      return { ok: false, message: `facet \`${def.key}\` must be a short text; got ${JSON.stringify(raw)}`, hint: `write \`${def.key}: some text\`` };
    }
    case 'list': {
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : null;
      if (items && items.every((i) => typeof i === 'string' || typeof i === 'number')) {
        const split = items.map(String).find(unbalanced);
        if (split !== undefined) {
          return { ok: false, message: `facet \`${def.key}\` has an item with an unbalanced bracket, ${JSON.stringify(split)}: YAML splits a list at every comma, brackets included`, hint: `write each value as its own item, e.g. \`[unix, aix, solaris]\` rather than \`[unix (aix, solaris)]\`` };
        }
        return { ok: true, value: items.map((i) => String(i).trim()).filter((i) => i !== '') };
      }
      return { ok: false, message: `facet \`${def.key}\` must be a list of short texts; got ${JSON.stringify(raw)}`, hint: `write \`${def.key}: [a, b]\`` };
    }
  }
}

/** Human text for a facet value, as a table cell shows it. */
export function formatFacetValue(value: FacetValue | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  return String(value);
}

/** Values are "the same" across tools when their normalised forms match (lists ignore order). */
export function facetKey(value: FacetValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return JSON.stringify([...value].map((v) => v.toLowerCase()).sort());
  return String(value).toLowerCase();
}
