import Fuse from 'fuse.js';
import { FUSE_KEYS, type SearchDoc, type SearchIndex } from './index.js';
import { editDistance, normalizeName } from './suggest.js';
import { bigrams, stem, words } from './tokenize.js';

export interface SearchOptions {
  /** Only tools whose primary or secondary category is one of these. */
  categories?: string[];
  limit?: number;
}

export interface SearchHit {
  id: string;
  name: string;
  category: string;
  summary: string;
  status: SearchDoc['status'];
  score: number;
  /** Query terms (after typo correction) that matched this tool. */
  terms: string[];
}

const EXACT_NAME_BONUS = 60;
const TOKEN_NAME_BONUS = 15;
const FUSE_BONUS = 30;
const FUSE_THRESHOLD = 0.34;
const RETIRED_FACTOR = 0.85;

function addPostings(scores: Float64Array, list: number[] | undefined, factor: number, matched?: Uint16Array): void {
  if (!list) return;
  for (let i = 0; i < list.length; i += 2) {
    const doc = list[i]!;
    scores[doc]! += list[i + 1]! * factor;
    if (matched) matched[doc]!++;
  }
}

/** Vocabulary terms within a small edit distance of an unknown query word ("terrafrom" -> "terraform"). */
function correct(word: string, vocab: string[]): string[] {
  if (word.length < 4) return [];
  const cap = word.length >= 8 ? 2 : 1;
  let best = cap + 1;
  let out: string[] = [];
  for (const term of vocab) {
    if (Math.abs(term.length - word.length) > cap || (term[0] !== word[0] && term[1] !== word[1])) continue;
    const d = editDistance(word, term, cap);
    if (d > cap) continue;
    if (d < best) {
      best = d;
      out = [term];
    } else if (d === best) out.push(term);
  }
  return out.slice(0, 3);
}

/** Ranks tools for a query: BM25F over all fields, phrase bigrams, name/alias boosts and typo tolerance. */
export function runSearch(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const q = query.trim().slice(0, 500);
  const raw = words(q).slice(0, 32);
  const tokens = raw.map(stem);
  const docs = index.docs;
  const scores = new Float64Array(docs.length);
  const matched = new Uint16Array(docs.length);
  const used: string[] = [];
  let vocab: string[] | null = null;

  const seen = new Set<string>();
  raw.forEach((word, i) => {
    const token = tokens[i]!;
    if (seen.has(token)) return;
    seen.add(token);
    const list = index.postings[token];
    if (list) {
      addPostings(scores, list, 1, matched);
      used.push(token);
      return;
    }
    vocab ??= Object.keys(index.postings).filter((t) => !t.includes('_'));
    // Correct the word as typed and as stemmed: "agentles" is one edit from "agentless".
    const fixes = new Set([...correct(word, vocab), ...correct(token, vocab)]);
    for (const fix of [...fixes].slice(0, 3)) {
      addPostings(scores, index.postings[fix], 0.7, matched);
      used.push(fix);
    }
  });
  for (const pair of new Set(bigrams(tokens))) addPostings(scores, index.postings[pair], 1);

  const distinct = new Set(tokens).size;
  if (distinct > 1) {
    // Soft AND: tools matching every word of a multi-word query go first.
    for (let d = 0; d < docs.length; d++) {
      const cover = Math.min(1, matched[d]! / distinct);
      scores[d]! *= 0.35 + 0.65 * cover * cover;
    }
  }

  const whole = normalizeName(q);
  const tokenSet = new Set(q.toLowerCase().split(/\s+/).map(normalizeName));
  docs.forEach((doc, d) => {
    const names = [doc.id, normalizeName(doc.name), ...doc.aliases.map(normalizeName)];
    if (names.includes(whole)) scores[d]! += EXACT_NAME_BONUS;
    else if (tokenSet.size > 1 && names.some((n) => tokenSet.has(n))) scores[d]! += TOKEN_NAME_BONUS;
  });

  if (q.length >= 3 && tokens.length <= 2) {
    const fuse = new Fuse(docs, { keys: FUSE_KEYS, includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true }, Fuse.parseIndex(index.fuse as Parameters<typeof Fuse.parseIndex>[0]));
    const cap = Math.max(1, Math.min(3, Math.floor(whole.length / 4)));
    for (const r of fuse.search(q, { limit: 5 })) {
      const s = r.score ?? 1;
      // fuse.js scores loose character overlaps too; keep only near-misspellings of a name.
      const doc = docs[r.refIndex]!;
      const near = [doc.id, normalizeName(doc.name), ...doc.aliases.map(normalizeName)].some((n) => editDistance(whole, n, cap) <= cap);
      if (near && s < FUSE_THRESHOLD) scores[r.refIndex]! += ((FUSE_THRESHOLD - s) / FUSE_THRESHOLD) * FUSE_BONUS;
    }
  }

  const allowed = options.categories?.length ? new Set(options.categories) : null;
  const hits: SearchHit[] = [];
  docs.forEach((doc, d) => {
    let score = scores[d]!;
    if (score <= 0) return;
    if (allowed && !doc.categories.some((c) => allowed.has(c))) return;
    if (doc.status === 'deprecated' || doc.status === 'archived') score *= RETIRED_FACTOR;
    hits.push({ id: doc.id, name: doc.name, category: doc.category, summary: doc.summary, status: doc.status, score, terms: used });
  });
  hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const top = hits[0]?.score ?? 0;
  return hits
    .filter((h) => h.score >= top * 0.08)
    .slice(0, options.limit ?? 10)
    .map((h) => ({ ...h, score: Math.round(h.score * 1000) / 1000 }));
}
