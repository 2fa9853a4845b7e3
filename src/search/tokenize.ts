/** Tokenizer for search: words, a light stemmer and bigrams. */
const STOPWORDS = new Set(
  'a an and are as at be but by for from has have how i in into is it its of on or that the their then there these this to was what when where which who why will with you your vs versus can do does tool tools'.split(' '),
);

/** A light English stemmer: folds plurals and -ing/-ed so "containers" finds "container". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('sses')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  return w;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cased word tokens without stopwords, before stemming. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  // ASCII text (most notes) is scanned by hand: the Unicode path below gives the same words, several times slower.
  if (!NON_ASCII.test(lower)) return asciiWords(lower);
  const out: string[] = [];
  // NFKD then dropping combining marks folds accents: "Überwachung" matches "uberwachung".
  for (const m of lower.normalize('NFKD').replace(/\p{M}/gu, '').matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!STOPWORDS.has(m[0])) out.push(m[0]);
  }
  return out;
}

/** Runs of [a-z0-9] in lower-cased ASCII text, stopwords left out. */
function asciiWords(lower: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (wordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const w = lower.slice(start, i);
      if (!STOPWORDS.has(w)) out.push(w);
      start = -1;
    }
  }
  return out;
}

/** Lower-cased, stemmed word tokens without stopwords. */
export function tokenize(text: string): string[] {
  return words(text).map(stem);
}

/** Adjacent token pairs, so phrases ("service discovery") outrank scattered words. */
export function bigrams(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) out.push(`${tokens[i - 1]}_${tokens[i]}`);
  return out;
}
