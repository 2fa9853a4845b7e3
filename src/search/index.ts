/** Builds the search index from a catalog: per-field terms and weights (BM25F), priors, and the name index for typo matching. */
import Fuse from 'fuse.js';
import { formatFacetValue } from '../catalog/facets.js';
import type { Catalog, Tool } from '../catalog/types.js';
import { bigrams, tokenize } from './tokenize.js';

/** Field weights: a name or alias match must outrank a mention in the body. */
export const FIELD_WEIGHTS = {
  name: 10,
  aliases: 8,
  tags: 5,
  summary: 4,
  pickWhen: 2,
  facets: 1.5,
  category: 1.5,
  body: 1,
} as const;
type Field = keyof typeof FIELD_WEIGHTS;
const B: Record<Field, number> = { name: 0.3, aliases: 0.3, tags: 0.5, summary: 0.6, pickWhen: 0.6, facets: 0.5, category: 0.3, body: 0.75 };
const K1 = 1.2;

/**
 * The compiled search index, laid out to load without parsing: typed arrays over one binary file, terms as
 * one string. Accessors live in layout.ts.
 */
export interface SearchIndex {
  /** Tool id of each document. */
  ids: string[];
  /** One status letter per document: a(ctive), m(aintenance), d(eprecated), x (archived). */
  status: string;
  catNames: string[];
  /** Category indices of each document, primary first, as "3.5,1,...": parsed only to filter by category. */
  catList: string;
  /** Primary category index of each document. */
  primary: Uint16Array;
  /** Per-document prior: fuller notes describe the tools people mean more often (about 0.92 to 1.08). */
  prior: Float32Array;
  /** Sorted terms (unigrams and `a_b` bigrams) joined by newlines; term i spans termStarts[i]..termStarts[i+1]-1. */
  termsText: string;
  termStarts: Uint32Array;
  /** Term i's postings are pairs [doc, score] from offsets[i] to offsets[i + 1]. */
  offsets: Uint32Array;
  postings: Float32Array;
}

/** Names for typo-tolerant matching with fuse.js, loaded only when a query needs it. */
export interface NameIndex {
  docs: { id: string; name: string; aliases: string[] }[];
  fuse: { keys: unknown; records: unknown };
}

export const STATUS_LETTER = { active: 'a', maintenance: 'm', deprecated: 'd', archived: 'x' } as const;

export function fieldTexts(tool: Tool, categoryName: string): Record<Field, string> {
  return {
    name: `${tool.name} ${tool.id.replace(/-/g, ' ')}`,
    aliases: tool.aliases.join(' . '),
    tags: tool.tags.join(' . '),
    summary: tool.summary,
    pickWhen: tool.pickWhen ?? '',
    facets: Object.values(tool.facets).map((v) => formatFacetValue(v)).join(' . '),
    category: `${categoryName} ${tool.categories.join(' ').replace(/-/g, ' ')}`,
    body: tool.sections.map((s) => `${s.title} . ${s.markdown}`).join(' . '),
  };
}

/** Terms of one field: unigrams plus bigrams within each phrase (separated by " . "). */
export function fieldTerms(text: string): string[] {
  const terms: string[] = [];
  for (const phrase of text.split(/\s\.\s|[.;:!?]\s/)) {
    const t = tokenize(phrase);
    terms.push(...t, ...bigrams(t));
  }
  return terms;
}

export const FUSE_KEYS = [
  { name: 'id', weight: 2 },
  { name: 'name', weight: 2 },
  { name: 'aliases', weight: 1.5 },
];

/** Builds the search index from a catalog that is passed in. */
export function buildSearchIndex(catalog: Catalog): SearchIndex {
  const catName = new Map(catalog.categories.map((c) => [c.id, c.name]));
  const fields = Object.keys(FIELD_WEIGHTS) as Field[];
  const perDoc = catalog.tools.map((tool) => {
    const texts = fieldTexts(tool, catName.get(tool.category) ?? tool.category);
    const tf = {} as Record<Field, Map<string, number>>;
    const len = {} as Record<Field, number>;
    for (const f of fields) {
      const terms = fieldTerms(texts[f]);
      len[f] = terms.length;
      const m = new Map<string, number>();
      for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
      tf[f] = m;
    }
    return { tf, len };
  });
  const n = Math.max(1, perDoc.length);
  const avg = {} as Record<Field, number>;
  for (const f of fields) avg[f] = Math.max(1, perDoc.reduce((s, d) => s + d.len[f], 0) / n);

  // BM25F: combine normalised term frequencies across fields, then saturate once per document.
  const weighted = new Map<string, Map<number, number>>();
  const outsideBody = new Set<string>();
  perDoc.forEach((d, doc) => {
    for (const f of fields) {
      const norm = 1 - B[f] + (B[f] * d.len[f]) / avg[f];
      for (const [term, count] of d.tf[f]) {
        let m = weighted.get(term);
        if (!m) weighted.set(term, (m = new Map()));
        m.set(doc, (m.get(doc) ?? 0) + (FIELD_WEIGHTS[f] * count) / norm);
        if (f !== 'body') outsideBody.add(term);
      }
    }
  });
  // A phrase seen in one body only adds little over its words and most of the index size: drop it.
  const terms = [...weighted.keys()].filter((t) => !t.includes('_') || outsideBody.has(t) || weighted.get(t)!.size > 1).sort();
  const offsets = new Uint32Array(terms.length + 1);
  const flat: number[] = [];
  terms.forEach((term, i) => {
    const docs = weighted.get(term)!;
    const idf = Math.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5));
    for (const [doc, w] of docs) flat.push(doc, (idf * w * (K1 + 1)) / (K1 + w));
    offsets[i + 1] = flat.length / 2;
  });
  const catNames = [...new Set(catalog.tools.flatMap((t) => t.categories))];
  const catIndex = new Map(catNames.map((c, i) => [c, i]));
  const termStarts = new Uint32Array(terms.length + 1);
  let at = 0;
  terms.forEach((t, i) => {
    termStarts[i] = at;
    at += t.length + 1;
  });
  termStarts[terms.length] = at;
  return {
    ids: catalog.tools.map((t) => t.id),
    status: catalog.tools.map((t) => STATUS_LETTER[t.status]).join(''),
    catNames,
    catList: catalog.tools.map((t) => t.categories.map((c) => catIndex.get(c)).join('.')).join(','),
    primary: Uint16Array.from(catalog.tools.map((t) => catIndex.get(t.category) ?? 0)),
    prior: Float32Array.from(catalog.tools.map((t) => 1 + 0.08 * Math.max(-1, Math.min(1, (t.wordCount - 350) / 250)))),
    termsText: terms.join('\n'),
    termStarts,
    offsets,
    postings: Float32Array.from(flat),
  };
}

export function buildNameIndex(catalog: Catalog): NameIndex {
  const docs = catalog.tools.map((t) => ({ id: t.id, name: t.name, aliases: t.aliases }));
  return { docs, fuse: Fuse.createIndex(FUSE_KEYS, docs).toJSON() as NameIndex['fuse'] };
}

