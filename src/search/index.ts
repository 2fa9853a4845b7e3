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

export interface SearchDoc {
  id: string;
  name: string;
  category: string;
  categories: string[];
  summary: string;
  status: Tool['status'];
  aliases: string[];
}

/** The precompiled search index: BM25F scores per term and document, plus a fuse.js index of names. */
export interface SearchIndex {
  version: 1;
  docs: SearchDoc[];
  /** term -> flat [docIndex, score, docIndex, score, ...] */
  postings: Record<string, number[]>;
  fuse: { keys: unknown; records: unknown };
}

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
  perDoc.forEach((d, doc) => {
    for (const f of fields) {
      const norm = 1 - B[f] + (B[f] * d.len[f]) / avg[f];
      for (const [term, count] of d.tf[f]) {
        let m = weighted.get(term);
        if (!m) weighted.set(term, (m = new Map()));
        m.set(doc, (m.get(doc) ?? 0) + (FIELD_WEIGHTS[f] * count) / norm);
      }
    }
  });
  const postings: Record<string, number[]> = {};
  for (const [term, docs] of weighted) {
    const idf = Math.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5));
    const flat: number[] = [];
    for (const [doc, w] of docs) flat.push(doc, Math.round(((idf * w * (K1 + 1)) / (K1 + w)) * 1000) / 1000);
    postings[term] = flat;
  }
  const docs: SearchDoc[] = catalog.tools.map((t) => ({ id: t.id, name: t.name, category: t.category, categories: t.categories, summary: t.summary, status: t.status, aliases: t.aliases }));
  const fuse = Fuse.createIndex(FUSE_KEYS, docs).toJSON() as { keys: unknown; records: unknown };
  return { version: 1, docs, postings, fuse };
}
