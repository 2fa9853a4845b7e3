/**
 * What counts as evidence for a tool, and what counts against it: words in the scope of a negation
 * ("no canary", "without sidecars", "lacks RBAC") and facets whose value says "none" are evidence of
 * absence; other facets contribute their label and value, and their exact value for precise matching.
 */
import { formatFacetValue } from '../catalog/facets.js';
import type { FacetDef, FacetValue } from '../catalog/types.js';
import { stem, words } from './tokenize.js';

/** Words that put the next few content words in a negation's scope. */
export const NEGATORS = new Set(['no', 'not', 'without', 'lack', 'lacks', 'lacking', 'never', 'cannot', 'nor', 'doesn', 'isn', 'aren', 'don', 'won', 'nothing']);
/** How many content words (stop words aside) a negation covers. */
const SCOPE = 3;
/** Facet values that say the tool does not have the thing the facet asks about. */
const ABSENT_VALUES = new Set(['none', 'no', 'false', 'n/a', 'not-applicable', 'not-supported', 'unsupported']);

/**
 * Splits a phrase into runs of stemmed tokens that are asserted, and the tokens that are negated.
 * Clause punctuation (commas, brackets, dashes) ends a negation's scope. Without `negatable`,
 * every token is asserted.
 */
export function splitNegated(phrase: string, negatable: boolean): { runs: string[][]; negated: string[]; all: string[] } {
  const runs: string[][] = [];
  const negated: string[] = [];
  /** Every word's stem in order, negators and negated words included: the phrase as one run. */
  const all: string[] = [];
  const clauses = negatable ? phrase.split(/[,;()[\]]|\s[-–—]\s|\bbut\b/) : [phrase];
  for (const clause of clauses) {
    let run: string[] = [];
    let scope = 0;
    for (const w of words(clause)) {
      if (negatable && NEGATORS.has(w)) {
        all.push(stem(w));
        if (run.length) runs.push(run);
        run = [];
        scope = SCOPE;
        continue;
      }
      if (scope > 0) {
        scope--;
        const s = stem(w);
        negated.push(s);
        all.push(s);
        continue;
      }
      const s = stem(w);
      run.push(s);
      all.push(s);
    }
    if (run.length) runs.push(run);
  }
  return { runs, negated, all };
}

function isAbsent(value: FacetValue): boolean {
  if (value === false) return true;
  if (typeof value === 'string') return ABSENT_VALUES.has(value.toLowerCase());
  if (Array.isArray(value)) return value.length === 0 || value.every((v) => ABSENT_VALUES.has(v.toLowerCase()));
  return false;
}

/** Normal form of an exact facet value: lower case, spaces folded to `-`. */
export function facetValueTerm(value: string): string {
  return value.toLowerCase().trim().replace(/\s+/g, '-');
}

/**
 * A tool's facets as search evidence: `text` (label and value of each present facet, as phrases),
 * `absent` (stemmed label words of facets whose value is "none", "no" or false) and `values` (exact
 * values, so "without sidecar" can tell a sidecar-only mesh from a sidecar-or-ambient one).
 */
export function evidenceOfFacets(facets: Record<string, FacetValue>, defs: Map<string, FacetDef>): { text: string; absent: string[]; values: string[] } {
  const phrases: string[] = [];
  const absent: string[] = [];
  const values: string[] = [];
  for (const [key, value] of Object.entries(facets)) {
    if (value === 'unknown') continue;
    const label = defs.get(key)?.label ?? key;
    if (isAbsent(value)) {
      absent.push(...words(label).map(stem));
      continue;
    }
    phrases.push(value === true ? label : `${label} ${formatFacetValue(value)}`);
    const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    for (const item of items) values.push(facetValueTerm(item));
  }
  return { text: phrases.join(' . '), absent, values };
}
