/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped for speed. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Code-unit order: unlike localeCompare it never starts ICU's collator, which costs milliseconds at start-up. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Normal form for names: lower case, separators folded to `-`. */
export function normalizeName(s: string): string {
  return s.toLowerCase().trim().replace(/[\s_/.]+/g, '-').replace(/-+/g, '-');
}

/**
 * Up to `limit` candidates close to `input`, for "did you mean" on tools, categories, facets and commands.
 * Names that start with the input come first (shortest first: "aws" -> aws-cdk, "k8" -> k8s), then
 * small edit distances scaled to length. Inputs of three characters or fewer only get prefix matches
 * and single edits that keep the first letter, so "s3" suggests nothing rather than zipkin.
 */
export function closest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const q = normalizeName(input);
  if (q === '') return [];
  const short = q.length <= 3;
  const cap = Math.max(1, Math.min(3, Math.floor(q.length / 3)));
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c)) continue;
    seen.add(c);
    const n = normalizeName(c);
    if (q.length >= 2 && n.startsWith(q) && n !== q) {
      scored.push({ c, d: -1 + n.length / 1000 });
      continue;
    }
    const d = editDistance(q, n, cap);
    if (d > cap) continue;
    if (short && (d > 1 || n[0] !== q[0])) continue;
    scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.length - y.c.length || compareStrings(x.c, y.c));
  return scored.slice(0, limit).map((s) => s.c);
}
