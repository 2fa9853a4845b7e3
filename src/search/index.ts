/** Builds the search index from a catalog: per-field terms and weights (BM25F), priors, and the name index for typo matching. */
import Fuse from 'fuse.js';
import type { Catalog, FacetDef, Tool } from '../catalog/types.js';
import { evidenceOfFacets, splitNegated } from './evidence.js';
import { bigrams } from './tokenize.js';

/** Field weights: a name or alias match must outrank a mention in the body. */
export const FIELD_WEIGHTS = {
  name: 10,
  aliases: 8,
  tags: 5,
  summary: 4,
  pickWhen: 2,
  facets: 2,
  category: 1.5,
  body: 1,
  /** Weaknesses and "When to look elsewhere": what a tool lacks is weak evidence that it fits. */
  caveats: 0.2,
} as const;
export type Field = keyof typeof FIELD_WEIGHTS;
/** BM25 length normalisation per field. */
export const B_NORM: Record<Field, number> = { name: 0.3, aliases: 0.3, tags: 0.5, summary: 0.6, pickWhen: 0.6, facets: 0.5, category: 0.3, body: 0.75, caveats: 0.75 };
/** Sections whose words describe what a tool does not do well. */
const CAVEAT_SECTIONS = new Set(['weaknesses', 'when to look elsewhere']);
/**
 * How negations count. In caveats ("No canary or blue/green primitives") the negated words are evidence
 * against the tool. Elsewhere a negation usually describes the situation the tool is for ("on bare metal
 * without a cloud load balancer"), so the words still count for it, and the negation only helps a query
 * that asks for the absence ("without sidecar").
 */
/** Fields that say what a tool is: a caveat never counts against a word they use. */
const CORE_FIELDS: Field[] = ['name', 'aliases', 'tags', 'summary', 'pickWhen', 'facets', 'category'];
const NEGATION: Partial<Record<Field, 'against' | 'describes'>> = { caveats: 'against', summary: 'describes', pickWhen: 'describes', body: 'describes' };
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
  /** Finds a term without the whole term table (a segment on disk, through its term directory); -1 when absent. */
  find?: (term: string) => number;
  /** Loads postings `from`..`to` (pair numbers) before they are read, when the segment reads them from disk on demand. */
  fill?: (from: number, to: number) => void;
  /** Field lengths of each document (doc-major, one per field), kept so a delta segment can correct the averages. */
  lens?: Float32Array;
  /** Terms of documents changed since this (base) index was built; their numbers follow the base's. */
  delta?: TermSegment;
}

/** The term part of an index: a sorted vocabulary and its postings. */
export type TermSegment = Pick<SearchIndex, 'termsText' | 'termStarts' | 'offsets' | 'postings' | 'fill' | 'find'>;

/** Names for typo-tolerant matching with fuse.js, loaded only when a query needs it. */
export interface NameIndex {
  docs: { id: string; name: string; aliases: string[] }[];
  fuse: { keys: unknown; records: unknown };
  /** Ids changed or deleted since the base name index was built (a delta drops them, then adds `added`). */
  removed?: string[];
  added?: { id: string; name: string; aliases: string[] }[];
}

export const STATUS_LETTER = { active: 'a', maintenance: 'm', deprecated: 'd', archived: 'x' } as const;

/** What the analysis reads of a tool: a helper thread is sent only these (not the rendered blocks). */
export type AnalysedFields = Pick<Tool, 'id' | 'name' | 'aliases' | 'tags' | 'summary' | 'pickWhen' | 'facets' | 'category' | 'categories'> & { sections: Pick<Tool['sections'][number], 'title' | 'markdown'>[] };

export function analysisInput(t: AnalysedFields): AnalysedFields {
  return { id: t.id, name: t.name, aliases: t.aliases, tags: t.tags, summary: t.summary, pickWhen: t.pickWhen, facets: t.facets, category: t.category, categories: t.categories, sections: t.sections.map((s) => ({ title: s.title, markdown: s.markdown })) };
}

export function fieldTexts(tool: AnalysedFields, categoryName: string, facetText = ''): Record<Field, string> {
  const body = (caveat: boolean) => tool.sections.filter((s) => CAVEAT_SECTIONS.has(s.title.toLowerCase()) === caveat).map((s) => `${s.title} . ${s.markdown}`).join(' . ');
  return {
    name: `${tool.name} ${tool.id.replace(/-/g, ' ')}`,
    aliases: tool.aliases.join(' . '),
    tags: tool.tags.join(' . '),
    summary: tool.summary,
    pickWhen: tool.pickWhen ?? '',
    facets: facetText,
    category: `${categoryName} ${tool.categories.join(' ').replace(/-/g, ' ')}`,
    body: body(false),
    caveats: body(true),
  };
}

/**
 * Terms of one field: unigrams plus bigrams within each phrase (separated by " . " or sentence ends).
 * In negatable fields, words in the scope of "no", "without", "lacks" ... are returned as `negated`.
 */
export function fieldTerms(text: string, negation?: 'against' | 'describes'): { terms: string[]; negated: string[] } {
  const terms: string[] = [];
  const negated: string[] = [];
  for (const phrase of text.split(/\s\.\s|[.;:!?]\s/)) {
    const split = splitNegated(phrase, negation !== undefined);
    // A describing field keeps every word (the negation only marks them): the phrase's words read once.
    const runs = negation === 'describes' ? (split.all.length ? [split.all] : []) : split.runs;
    for (const t of runs) terms.push(...t, ...bigrams(t));
    negated.push(...split.negated);
  }
  return { terms, negated };
}

export const FUSE_KEYS = [
  { name: 'id', weight: 2 },
  { name: 'name', weight: 2 },
  { name: 'aliases', weight: 1.5 },
];

/**
 * What one document contributes to the index before corpus statistics: term counts and lengths per field,
 * marks. Flat arrays rather than a map per field: 10,000 team notes made 90,000 maps to collect, and these
 * cross between threads and into JSON as they are.
 */
export interface DocTerms {
  /** Distinct terms of each field in FIELDS order: field j holds terms[fieldStart[j]] up to terms[fieldStart[j + 1] - 1]. */
  terms: string[];
  /** How often each term occurs in its field. */
  counts: number[];
  fieldStart: number[];
  len: Record<Field, number>;
  /** Marks ("!term", "¬term", "=value") and their capped counts. */
  marks: string[];
  markCounts: number[];
}

/** Corpus statistics BM25 needs: live documents, average field lengths, document frequency of a term. */
export interface CorpusStats {
  n: number;
  avg: Record<Field, number>;
  df(term: string): number;
}

export const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

/** Terms of each tool of a catalog (the category names and facet definitions come from the catalog). */
export function analyzeTools(catalog: Pick<Catalog, 'categories'> & { tools?: readonly AnalysedFields[] }, tools: readonly AnalysedFields[] = catalog.tools ?? []): DocTerms[] {
  const catName = new Map(catalog.categories.map((c) => [c.id, c.name]));
  const defsOf = new Map(catalog.categories.map((c) => [c.id, c.facets]));
  return tools.map((tool) => {
    const defs = new Map<string, FacetDef>();
    for (const c of tool.categories) for (const d of defsOf.get(c) ?? []) if (!defs.has(d.key)) defs.set(d.key, d);
    const facets = evidenceOfFacets(tool.facets, defs);
    const texts = fieldTexts(tool, catName.get(tool.category) ?? tool.category, facets.text);
    const doc: DocTerms = { terms: [], counts: [], fieldStart: [0], len: {} as Record<Field, number>, marks: [], markCounts: [] };
    // Evidence of absence ("!term", "¬term") and exact facet values ("=value") are counted apart from the fields.
    const marks = new Map<string, number>();
    const mark = (t: string) => marks.set(t, Math.min(3, (marks.get(t) ?? 0) + 1));
    for (const v of facets.values) mark(`=${v}`);
    const against: string[] = [];
    for (const f of FIELDS) {
      const { terms, negated } = fieldTerms(texts[f], NEGATION[f]);
      doc.len[f] = terms.length;
      const m = new Map<string, number>();
      for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
      for (const [t, n] of m) {
        doc.terms.push(t);
        doc.counts.push(n);
      }
      doc.fieldStart.push(doc.terms.length);
      // "!term": the note says the tool lacks it; "¬term": the note says it works without it.
      for (const t of negated) (NEGATION[f] === 'against' ? against.push(t) : mark(`¬${t}`));
    }
    // A caveat ("does not back up etcd") does not outweigh what the note's core fields claim.
    if (against.length || facets.absent.length) {
      const core = new Set<string>();
      FIELDS.forEach((f, j) => {
        if (CORE_FIELDS.includes(f)) for (let i = doc.fieldStart[j]!; i < doc.fieldStart[j + 1]!; i++) core.add(doc.terms[i]!);
      });
      for (const t of [...against, ...facets.absent]) if (!core.has(t)) mark(`!${t}`);
    }
    for (const [t, n] of marks) {
      doc.marks.push(t);
      doc.markCounts.push(n);
    }
    return doc;
  });
}

/** Statistics of a set of analysed documents on their own (a full build). */
export function statsOf(perDoc: DocTerms[], weighted: Map<string, TermPostings>): CorpusStats {
  const n = Math.max(1, perDoc.length);
  const avg = {} as Record<Field, number>;
  for (const f of FIELDS) avg[f] = Math.max(1, perDoc.reduce((s, d) => s + d.len[f], 0) / n);
  return { n, avg, df: (t) => weighted.get(t)?.docs.length ?? 0 };
}

/** A term's postings before saturation: documents in increasing order and their weights. */
export interface TermPostings {
  docs: number[];
  w: number[];
}

/** Field-weighted, length-normalised term frequencies (BM25F before saturation), doc numbers from `first`. */
export function weighTerms(perDoc: DocTerms[], avg: Record<Field, number>, first = 0): { weighted: Map<string, TermPostings>; outsideBody: Set<string> } {
  const weighted = new Map<string, TermPostings>();
  const outsideBody = new Set<string>();
  // Documents come in order, so a term's last entry is this document's when it already has one.
  const add = (term: string, doc: number, w: number, replace: boolean) => {
    let p = weighted.get(term);
    if (!p) weighted.set(term, (p = { docs: [], w: [] }));
    const last = p.docs.length - 1;
    if (last >= 0 && p.docs[last] === doc) p.w[last] = replace ? w : p.w[last]! + w;
    else {
      p.docs.push(doc);
      p.w.push(w);
    }
  };
  perDoc.forEach((d, k) => {
    const doc = first + k;
    FIELDS.forEach((f, j) => {
      const norm = 1 - B_NORM[f] + (B_NORM[f] * d.len[f]) / avg[f];
      for (let i = d.fieldStart[j]!; i < d.fieldStart[j + 1]!; i++) {
        const term = d.terms[i]!;
        add(term, doc, (FIELD_WEIGHTS[f] * d.counts[i]!) / norm, false);
        if (f !== 'body') outsideBody.add(term);
      }
    });
    d.marks.forEach((term, i) => {
      add(term, doc, d.markCounts[i]!, true);
      outsideBody.add(term);
    });
  });
  return { weighted, outsideBody };
}

/** Builds the search index from a catalog that is passed in (its tools already analysed, when given). */
export function buildSearchIndex(catalog: Catalog, analysed?: DocTerms[]): SearchIndex {
  const perDoc = analysed ?? analyzeTools(catalog);
  const provisional = statsOf(perDoc, new Map());
  const { weighted, outsideBody } = weighTerms(perDoc, provisional.avg);
  const index = finishIndex(catalog.tools, weighted, outsideBody, statsOf(perDoc, weighted));
  index.lens = lengthsOf(perDoc);
  return index;
}

/** Per-document field lengths, doc-major. */
export function lengthsOf(perDoc: DocTerms[]): Float32Array {
  const lens = new Float32Array(perDoc.length * FIELDS.length);
  perDoc.forEach((d, k) => FIELDS.forEach((f, j) => (lens[k * FIELDS.length + j] = d.len[f])));
  return lens;
}

/** Saturates and lays out weighted terms into an index segment, with the statistics given. */
export function finishIndex(tools: Tool[], weighted: Map<string, TermPostings>, outsideBody: Set<string>, stats: CorpusStats): SearchIndex {
  const { n } = stats;
  // A phrase seen in one body only adds little over its words and most of the index size: drop it.
  const terms = [...weighted.keys()].filter((t) => !t.includes('_') || outsideBody.has(t) || stats.df(t) > 1).sort();
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  for (const term of terms) total += weighted.get(term)!.docs.length;
  const postings = new Float32Array(2 * total);
  let at = 0;
  terms.forEach((term, i) => {
    const { docs, w } = weighted.get(term)!;
    // Marks ("!term", "=value") keep their plain counts: the query weighs them, not BM25.
    const mark = term[0] === '!' || term[0] === '=' || term[0] === '¬';
    const idf = idfOf(n, stats.df(term));
    for (let k = 0; k < docs.length; k++) {
      postings[at++] = docs[k]!;
      postings[at++] = saturate(w[k]!, idf, mark);
    }
    offsets[i + 1] = at / 2;
  });
  return layoutIndex(tools, terms, offsets, postings);
}

/** BM25 saturation of a weight with a term's idf; marks ("!term", "=value", "¬term") keep their plain counts. */
export function saturate(x: number, idf: number, mark: boolean): number {
  return mark ? x : (idf * x * (K1 + 1)) / (K1 + x);
}

/** A term's inverse document frequency among `n` documents. */
export const idfOf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** An index segment from its sorted terms and saturated postings, with the documents' ids, categories and priors. */
export function layoutIndex(tools: Pick<Tool, 'id' | 'status' | 'categories' | 'category' | 'wordCount'>[], terms: string[], offsets: Uint32Array, postings: Float32Array): SearchIndex {
  const catNames = [...new Set(tools.flatMap((t) => t.categories))];
  const catIndex = new Map(catNames.map((c, i) => [c, i]));
  const termStarts = new Uint32Array(terms.length + 1);
  let chars = 0;
  terms.forEach((t, i) => {
    termStarts[i] = chars;
    chars += t.length + 1;
  });
  termStarts[terms.length] = chars;
  return {
    ids: tools.map((t) => t.id),
    status: tools.map((t) => STATUS_LETTER[t.status]).join(''),
    catNames,
    catList: tools.map((t) => t.categories.map((c) => catIndex.get(c)).join('.')).join(','),
    primary: Uint16Array.from(tools.map((t) => catIndex.get(t.category) ?? 0)),
    prior: Float32Array.from(tools.map((t) => 1 + 0.08 * Math.max(-1, Math.min(1, (t.wordCount - 350) / 250)))),
    termsText: terms.join('\n'),
    termStarts,
    offsets,
    postings,
  };
}

export function buildNameIndex(catalog: Catalog): NameIndex {
  const docs = catalog.tools.map((t) => ({ id: t.id, name: t.name, aliases: t.aliases }));
  return { docs, fuse: Fuse.createIndex(FUSE_KEYS, docs).toJSON() as NameIndex['fuse'] };
}

