/** Runs a query against the search index: scoring, phrase and name boosts, category and alternative intents, typo correction. */
import type { NameIndex, SearchIndex } from './index.js';
import { categoriesOf, findTerm, hasTerm, segmentsOf, termAt, termCount } from './layout.js';
import { compareStrings, editDistance, normalizeName } from '../text/names.js';
import { facetValueTerm, NEGATORS } from './evidence.js';
import { bigrams, stem, words } from './tokenize.js';

export interface SearchOptions {
  /** Only tools whose primary or secondary category is one of these. */
  categories?: string[];
  limit?: number;
}

/** How queries meet tool names: exact lookups always, fuzzy matching (fuse.js) when a word is unknown. */
export interface NameMatcher {
  exact(name: string): string | null;
  /** Tool ids whose name or alias resembles the query, with fuse.js scores (0 = perfect). */
  fuzzy?(query: string): { id: string; score: number }[];
  /** A tool's alternatives, for queries such as "docker alternative". */
  alternatives?(id: string): string[];
}

/** Words that ask for substitutes of the tool named beside them. */
const ALTERNATIVE_INTENT = new Set(['alternative', 'alternatives', 'replacement', 'replacements', 'instead', 'replace', 'like', 'similar', 'competitor', 'competitors']);
const ALTERNATIVE_BONUS = 12;

export interface SearchHit {
  id: string;
  status: 'active' | 'maintenance' | 'deprecated' | 'archived';
  score: number;
  /** Query terms (after typo correction) that matched. */
  terms: string[];
  /** Far below the best hit: shown after a "weaker matches" separator. */
  weak: boolean;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** Hits above the relevance floor before the limit cut them: "showing N of total". */
  total: number;
}

const EXACT_NAME_BONUS = 60;
const TOKEN_NAME_BONUS = 15;
/** Added when the query names a tool's primary category ("service mesh", "serverless"), scaled by coverage. */
const CATEGORY_BONUS = 5;
const FUSE_BONUS = 30;
const FUSE_THRESHOLD = 0.34;
const RETIRED_FACTOR = 0.85;
/** Weight of a matched bigram relative to a matched word. */
const PHRASE_FACTOR = 1.5;
/** Weight of a pair of query words found adjacent in another order or position. */
const LOOSE_PHRASE_FACTOR = 0.5;
/** Hits under this share of the best score are weak matches. */
const WEAK_SHARE = 0.4;
/** Hits under this share of the best score are not shown at all. */
const FLOOR_SHARE = 0.08;
/**
 * "The note says it lacks this": a score is divided by (1 + ABSENCE_PENALTY * units / query words), so one
 * aside ("browsers cannot call it directly") weighs less in a long query than in a one-word one.
 */
const ABSENCE_PENALTY = 1.5;
/** A query saying "without X" against a tool whose facet value is exactly X. */
const EXCLUDED_VALUE_FACTOR = 0.35;
/** A query saying "without X" for a tool documented as working without X: score times (1 + this per mention, two at most). */
const ABSENCE_MATCH_BONUS = 0.4;
/** Query words after "no", "without", "not" that the query excludes. */
const QUERY_NEGATION_SCOPE = 2;
const STATUS = { a: 'active', m: 'maintenance', d: 'deprecated', x: 'archived' } as const;

/** Adds a term's postings from every segment (base, then delta); masked base documents are dropped at the end. */
function addPostings(index: SearchIndex, term: string, scores: Float64Array, factor: number, matched?: Uint16Array): boolean {
  let found = false;
  for (const segment of segmentsOf(index)) {
    const i = findTerm(segment, term);
    if (i < 0) continue;
    found = true;
    const { offsets, postings } = segment;
    segment.fill?.(offsets[i]!, offsets[i + 1]!);
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
      const doc = postings[2 * p]!;
      scores[doc]! += postings[2 * p + 1]! * factor;
      if (matched) matched[doc]!++;
    }
  }
  return found;
}

/**
 * The `limit` documents that rank first by score, then id (code-unit order), of more than `limit`: those
 * above the limit-th best score, then the first ids of those tied at it.
 */
function firstByScore(docs: number[], scores: Float64Array, ids: string[], limit: number): number[] {
  const bound = Float64Array.from(docs, (d) => scores[d]!).sort()[docs.length - limit]!;
  const above = docs.filter((d) => scores[d]! > bound);
  const tied = docs.filter((d) => scores[d] === bound);
  const first = new Set(tied.map((d) => ids[d]!).sort().slice(0, limit - above.length));
  return above.concat(tied.filter((d) => first.has(ids[d]!)));
}

/**
 * The lift of each category (by index) for a query: words of the query that name a category lift its
 * tools ("serverless functions" names all of serverless), by how much of the category's name they say.
 */
function categoryLift(catNames: string[], queryTokens: Set<string>): Float64Array {
  const lift = new Float64Array(catNames.length);
  if (queryTokens.size === 0) return lift;
  catNames.forEach((cat, i) => {
    const catTokens = new Set(cat.split('-').map(stem));
    const c = [...queryTokens].filter((t) => catTokens.has(t)).length / catTokens.size;
    lift[i] = CATEGORY_BONUS * c * c;
  });
  return lift;
}

/** Vocabulary words within a small edit distance of an unknown query word ("terrafrom" -> "terraform"). */
function correct(word: string, index: SearchIndex): string[] {
  // Four letters are too few: one edit reaches too many unrelated words ("wplk").
  if (word.length < 5) return [];
  const cap = word.length >= 8 ? 2 : 1;
  let best = cap + 1;
  let out: string[] = [];
  for (const segment of segmentsOf(index)) for (let i = 0; i < termCount(segment); i++) {
    const term = termAt(segment, i);
    if (out.includes(term)) continue;
    if (term.includes('_') || Math.abs(term.length - word.length) > cap || (term[0] !== word[0] && term[1] !== word[1])) continue;
    const d = editDistance(word, term, cap);
    if (d > cap) continue;
    if (d < best) {
      best = d;
      out = [term];
    } else if (d === best) out.push(term);
  }
  return out.slice(0, 3);
}

/** True when some query word is not in the index: a misspelling that fuzzy name matching may fix. */
export function hasUnknownWord(index: SearchIndex, query: string): boolean {
  return words(query).some((w) => !hasTerm(index, stem(w)));
}

/** Query words with the ones a negation excludes ("service mesh without sidecar") set apart. */
function splitQuery(q: string): { raw: string[]; excluded: string[] } {
  const raw: string[] = [];
  const excluded: string[] = [];
  let scope = 0;
  for (const w of words(q).slice(0, 32)) {
    if (NEGATORS.has(w)) scope = QUERY_NEGATION_SCOPE;
    else if (scope > 0) {
      scope--;
      excluded.push(w);
    } else raw.push(w);
  }
  return { raw, excluded };
}

/** Postings of a term as a doc -> weight map (for the sparse marks "!term" and "=value"). */
function marks(index: SearchIndex, term: string, into: Float64Array, factor = 1): void {
  addPostings(index, term, into, factor);
}

/** Ranks tools for a query: BM25F over all fields, phrase bigrams, name/alias boosts and typo tolerance. */
export function runSearch(index: SearchIndex, query: string, options: SearchOptions = {}, names?: NameMatcher): SearchHit[] {
  return search(index, query, options, names).hits;
}

/**
 * Ranks tools for a query and says how many passed the relevance floor. Words the index does not know
 * and cannot correct are noise: they neither match nor stop a tool's name from matching. A query with no
 * meaningful word finds nothing.
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}, names?: NameMatcher): SearchOutcome {
  const q = query.trim().slice(0, 500);
  const { raw, excluded } = splitQuery(q);
  const tokens = raw.map(stem);
  const n = index.ids.length;
  const scores = new Float64Array(n);
  const matched = new Uint16Array(n);
  const used: string[] = [];
  const meaningful: string[] = [];
  const seen = new Set<string>();
  raw.forEach((word, i) => {
    const token = tokens[i]!;
    if (seen.has(token)) return;
    seen.add(token);
    if (addPostings(index, token, scores, 1, matched)) {
      used.push(token);
      meaningful.push(word);
      return;
    }
    // Correct the word as typed and as stemmed: "agentles" is one edit from "agentless".
    const fixes = new Set([...correct(word, index), ...correct(token, index)]);
    for (const fix of [...fixes].slice(0, 3)) {
      addPostings(index, fix, scores, 0.7, matched);
      used.push(fix);
    }
    if (fixes.size) meaningful.push(word);
  });
  const kept = tokens.filter((_, i) => meaningful.includes(raw[i]!));
  // A phrase ("package manager") is stronger evidence than its words apart.
  for (const pair of new Set(bigrams(kept))) addPostings(index, pair, scores, PHRASE_FACTOR);
  // The same words in another order or one word apart ("package manager for kubernetes" answers
  // "kubernetes package manager") count for less.
  const inOrder = new Set(bigrams(kept));
  if (kept.length <= 6) {
    for (let i = 0; i < kept.length; i++) {
      for (let j = 0; j < kept.length; j++) {
        const pair = `${kept[i]}_${kept[j]}`;
        if (i !== j && kept[i] !== kept[j] && !inOrder.has(pair)) addPostings(index, pair, scores, LOOSE_PHRASE_FACTOR);
      }
    }
  }

  // One pass over the documents: the soft AND (tools matching every word of a multi-word query go first),
  // the category lift, the prior. Only documents with a score or a category lift go on (`live`): over
  // 10,000 team notes the passes after this one visit the few hundred a query touches.
  const distinct = new Set(kept).size;
  const queryTokens = new Set(kept);
  const lift = categoryLift(index.catNames, queryTokens);
  const live: number[] = [];
  const isLive = new Uint8Array(n);
  const { primary, prior } = index;
  for (let d = 0; d < n; d++) {
    const bonus = lift[primary[d]!] ?? 0;
    if (scores[d] === 0 && bonus === 0) continue;
    let score = scores[d]!;
    if (distinct > 1) {
      const cover = Math.min(1, matched[d]! / distinct);
      score *= 0.35 + 0.65 * cover * cover;
    }
    scores[d] = (score + bonus) * (prior[d] ?? 1);
    live.push(d);
    isLive[d] = 1;
  }

  // Evidence of absence: a note saying "no canary" is evidence against a query for canaries, and for a
  // query "without sidecar" a tool whose facet value is exactly "sidecar" is the wrong answer.
  const absence = new Float64Array(n);
  for (const t of queryTokens) marks(index, `!${t}`, absence);
  const unwanted = new Float64Array(n);
  const lacking = new Float64Array(n);
  for (const w of excluded) {
    marks(index, `=${facetValueTerm(w)}`, unwanted);
    if (stem(w) !== w) marks(index, `=${facetValueTerm(stem(w))}`, unwanted);
    marks(index, `!${stem(w)}`, lacking);
    marks(index, `¬${stem(w)}`, lacking);
  }
  for (const d of live) {
    if (absence[d]! > 0) scores[d]! /= 1 + (ABSENCE_PENALTY * absence[d]!) / queryTokens.size;
    if (unwanted[d]! > 0) scores[d]! *= EXCLUDED_VALUE_FACTOR;
    if (lacking[d]! > 0) scores[d]! *= 1 + ABSENCE_MATCH_BONUS * Math.min(2, lacking[d]!);
  }

  let named = false;
  if (names) {
    // "without docker": the tool named by an excluded word is the one answer that surely does not fit.
    for (const w of excluded) {
      const id = names.exact(w);
      const d = id === null ? -1 : index.ids.indexOf(id);
      if (d >= 0) scores[d]! *= EXCLUDED_VALUE_FACTOR;
    }
    const bonus = (id: string | null, amount: number) => {
      const d = id === null ? -1 : index.ids.indexOf(id);
      if (d >= 0) {
        scores[d]! += amount;
        named = true;
        if (!isLive[d]) {
          isLive[d] = 1;
          live.push(d);
        }
      }
    };
    // The whole query, or its meaningful words, naming one tool: "kubernetes", "kubernetes the", "k8s xyz".
    const phrase = meaningful.join(' ');
    const whole = names.exact(q) ?? (phrase ? names.exact(phrase) : null);
    bonus(whole, EXACT_NAME_BONUS);
    if (!whole && meaningful.length > 1) {
      // Words that are tool names count when they make up at least half the query ("terraform pulumi"),
      // not when one qualifies a concept ("kubernetes package manager").
      const parts = [...new Set(meaningful)];
      const namedIds = parts.map((p) => names.exact(p)).filter((id): id is string => id !== null);
      const wantsAlternatives = parts.some((p) => ALTERNATIVE_INTENT.has(p));
      if (wantsAlternatives && names.alternatives) {
        for (const id of namedIds) for (const alt of names.alternatives(id)) bonus(alt, ALTERNATIVE_BONUS);
      } else if (namedIds.length * 2 > parts.length) {
        for (const id of namedIds) bonus(id, TOKEN_NAME_BONUS);
      }
    }
    if (!whole && names.fuzzy && q.length >= 3 && raw.length <= 2) {
      for (const r of names.fuzzy(raw.join(' ') || q)) {
        if (r.score < FUSE_THRESHOLD) bonus(r.id, ((FUSE_THRESHOLD - r.score) / FUSE_THRESHOLD) * FUSE_BONUS);
      }
    }
  }
  // Nonsense finds nothing: no word the index knows or could correct, and no tool name.
  if (used.length === 0 && !named) return { hits: [], total: 0 };

  const allowed = options.categories?.length ? new Set(options.categories) : null;
  // Final scores first (retired tools weigh less), then hits only for documents near the best: over 10,000
  // team notes a common word matches thousands, and sorting them all would cost more than the query.
  let top = 0;
  for (const d of live) {
    // A masked document (changed or deleted since the base segment was built) has no id: never a hit.
    if (scores[d]! <= 0 || index.ids[d] === '' || (allowed && !categoriesOf(index, d).some((c) => allowed.has(c)))) {
      scores[d] = 0;
      continue;
    }
    const status = STATUS[index.status[d] as keyof typeof STATUS] ?? 'active';
    if (status === 'deprecated' || status === 'archived') scores[d]! *= RETIRED_FACTOR;
    if (scores[d]! > top) top = scores[d]!;
  }
  // Every document near the best counts towards the total; only the first `limit` become hits. The
  // limit-th best score bounds them, and among documents tied at it the first ids in order go in: a
  // common word over 10,000 team notes builds and sorts ten hits, not thousands.
  const limit = options.limit ?? 10;
  const near: number[] = [];
  for (const d of live) if (scores[d]! > 0 && scores[d]! >= top * FLOOR_SHARE) near.push(d);
  const chosen = near.length > limit ? firstByScore(near, scores, index.ids, limit) : near;
  const hits: SearchHit[] = chosen.map((d) => ({ id: index.ids[d]!, status: STATUS[index.status[d] as keyof typeof STATUS] ?? 'active', score: scores[d]!, terms: used, weak: false }));
  hits.sort((a, b) => b.score - a.score || compareStrings(a.id, b.id));
  return {
    total: near.length,
    hits: hits.slice(0, limit).map((h) => ({ ...h, weak: h.score < top * WEAK_SHARE, score: Math.round(h.score * 1000) / 1000 })),
  };
}

/**
 * Fuzzy name matching over a name index with a fuse.js constructor passed in (so fuse.js loads only
 * when needed). fuse.js also scores loose character overlaps; only near-misspellings of a name count.
 */
export function fuseMatcher(FuseCtor: typeof import('fuse.js').default, names: NameIndex): (q: string) => { id: string; score: number }[] {
  const fuse = new FuseCtor(names.docs, { keys: ['id', 'name', 'aliases'], includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true }, FuseCtor.parseIndex(names.fuse as Parameters<typeof FuseCtor.parseIndex>[0]));
  // A delta of changed notes: their old entries leave the base index, their new ones join it.
  if (names.removed?.length) {
    const gone = new Set(names.removed);
    fuse.remove((doc) => gone.has(doc.id));
  }
  for (const doc of names.added ?? []) fuse.add(doc);
  return (q) => {
    const normal = normalizeName(q);
    const cap = Math.max(1, Math.min(3, Math.floor(normal.length / 4)));
    return fuse
      .search(q, { limit: 5 })
      .filter((r) => [r.item.id, normalizeName(r.item.name), ...r.item.aliases.map(normalizeName)].some((x) => editDistance(normal, x, cap) <= cap))
      .map((r) => ({ id: r.item.id, score: r.score ?? 1 }));
  };
}
