// The 19 mutations of the test review (shared/reviews/test-review-2026-12.md), mapped to today's code, plus
// the extra ranking probes. Each is applied on its own, the tests that should notice are run, and the
// source is restored. Usage: node test/mutation/review-mutations.mjs [M01 M05 ...]
// Tests that read dist/ rebuild it first (test/support/fresh-build.ts), so a mutation reaches the binary too.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const U = 'test/unit';
export const MUTATIONS = [
  { id: 'M01', what: 'EXACT_NAME_BONUS = 0', file: 'src/search/query.ts', from: 'const EXACT_NAME_BONUS = 60;', to: 'const EXACT_NAME_BONUS = 0;', tests: [`${U}/ranking.test.ts`, 'test/search-names.test.ts'] },
  { id: 'M02', what: 'CATEGORY_BONUS = 0', file: 'src/search/query.ts', from: 'const CATEGORY_BONUS = 5;', to: 'const CATEGORY_BONUS = 0;', tests: [`${U}/ranking.test.ts`, 'test/search-names.test.ts'] },
  { id: 'M03', what: 'RETIRED_FACTOR = 1', file: 'src/search/query.ts', from: 'const RETIRED_FACTOR = 0.85;', to: 'const RETIRED_FACTOR = 1;', tests: [`${U}/ranking.test.ts`, `${U}/search.test.ts`] },
  { id: 'M04', what: 'side-by-side mark always blank', file: 'src/render/compare.ts', from: "const mark = row.same ? '  ' : t.diff('≠ ');", to: "const mark = '  ';", tests: [`${U}/render.test.ts`] },
  { id: 'M05', what: 'list values compared in order (no sort in facetKey)', file: 'src/catalog/facets.ts', from: '.map((v) => v.toLowerCase()).sort())', to: '.map((v) => v.toLowerCase()))', tests: [`${U}/catalog-rules.test.ts`, `${U}/render.test.ts`] },
  { id: 'M06', what: '--diff ignored', file: 'src/cli/commands/compare.ts', from: 'if (opts.diff) comparison.rows', to: 'if (false) comparison.rows', tests: ['test/program.test.ts', 'test/behaviour.test.ts', 'test/bin.test.ts'] },
  { id: 'M07', what: 'bidi isolates U+2066-U+2069 kept', file: 'src/render/sanitize.ts', from: /\\u2066-\\u2069/g, to: '', tests: [`${U}/sanitize.test.ts`, 'test/sanitize-commands.test.ts'] },
  { id: 'M08', what: 'search summary not sanitized', file: 'src/render/lists.ts', from: 'wrap(sanitize(r.summary)', to: 'wrap(r.summary', tests: ['test/sanitize-commands.test.ts'] },
  { id: 'M09', what: 'NotFoundError exits 2', file: 'src/errors.ts', from: 'super(message, ExitCode.notFound, details);', to: 'super(message, ExitCode.usage, details);', tests: ['test/program.test.ts', 'test/bin.test.ts'] },
  { id: 'M10', what: 'enum accepts any value', file: 'src/catalog/facets.ts', from: 'if (match !== undefined) return { ok: true, value: match };', to: 'return { ok: true, value: match ?? String(raw) };', tests: [`${U}/schema.test.ts`, `${U}/catalog-rules.test.ts`] },
  { id: 'M11', what: '"enum facet lists no values" check removed', file: 'src/catalog/schema.ts', from: "if (type === 'enum' && (!values || values.length === 0)) {", to: 'if (false) {', tests: [`${U}/schema.test.ts`, `${U}/catalog-rules.test.ts`] },
  { id: 'M12', what: 'fingerprint ignores mtime', file: 'src/store/user-cache.ts', from: 'let h2 = Math.imul(0x01000193, mtimeMs | 0) ^ Math.floor(mtimeMs * 1000) % 1000003;', to: 'let h2 = 0x01000193;', tests: [`${U}/user-cache.test.ts`, 'test/user-content.test.ts'] },
  { id: 'M13', what: 'quick path: named notes always untouched', file: 'src/store/user-cache.ts', from: 'return fs.statSync(path.join(dir, \'tools\', `${id}.md`)).mtimeMs < stamp.verifiedAt;', to: 'return true;', tests: [`${U}/user-cache.test.ts`, 'test/user-content.test.ts'] },
  { id: 'M14', what: '<= evaluated as <', file: 'src/catalog/filter.ts', from: "f.op === '<=' ? n <= w", to: "f.op === '<=' ? n < w", tests: [`${U}/filter.test.ts`, `${U}/catalog-rules.test.ts`] },
  { id: 'M15', what: '!= on lists: some element differs', file: 'src/catalog/filter.ts', from: "if (f.op === '!=') return !items.some((v) => matchOne(v, { ...f, op: '=' }));", to: "if (f.op === '!=') return items.some((v) => !matchOne(v, { ...f, op: '=' }));", tests: [`${U}/filter.test.ts`, `${U}/catalog-rules.test.ts`] },
  { id: 'M16', what: 'fast-path search keeps only the last word', file: 'src/cli/fast.ts', from: 'searchAction(p.positional, {}, pager)', to: 'searchAction(p.positional.slice(-1), {}, pager)', tests: ['test/bin.test.ts'] },
  { id: 'M17', what: 'search --category not passed to the ranking', file: 'src/cli/commands/search.ts', from: 'search(index, query, { categories, limit:', to: 'search(index, query, { limit:', tests: ['test/program.test.ts', 'test/behaviour.test.ts'] },
  { id: 'M18', what: '~ behaves as =', file: 'src/catalog/filter.ts', from: 'return text.includes(want);', to: 'return text === want;', tests: [`${U}/filter.test.ts`, `${U}/catalog-rules.test.ts`] },
  { id: 'M19', what: 'parsed notes never reused (full compile)', file: 'src/store/full-build.ts', from: 'if (!c || c.mtimeMs !== st.mtimeMs || c.size !== st.size || c.kind !== st.kind) jobs.push', to: 'if (true) jobs.push', tests: [`${U}/user-cache.test.ts`] },
  // Extra probes from the review and the newer precision rules.
  { id: 'X01', what: 'TOKEN_NAME_BONUS = 0', file: 'src/search/query.ts', from: 'const TOKEN_NAME_BONUS = 15;', to: 'const TOKEN_NAME_BONUS = 0;', tests: [`${U}/ranking.test.ts`] },
  { id: 'X02', what: 'FUSE_BONUS = 0', file: 'src/search/query.ts', from: 'const FUSE_BONUS = 30;', to: 'const FUSE_BONUS = 0;', tests: [`${U}/ranking.test.ts`] },
  { id: 'X03', what: 'ALTERNATIVE_BONUS = 0', file: 'src/search/query.ts', from: 'const ALTERNATIVE_BONUS = 12;', to: 'const ALTERNATIVE_BONUS = 0;', tests: [`${U}/ranking.test.ts`] },
  { id: 'X04', what: 'EXCLUDED_VALUE_FACTOR = 1', file: 'src/search/query.ts', from: 'const EXCLUDED_VALUE_FACTOR = 0.35;', to: 'const EXCLUDED_VALUE_FACTOR = 1;', tests: [`${U}/ranking.test.ts`] },
  { id: 'X05', what: 'ABSENCE_MATCH_BONUS = 0', file: 'src/search/query.ts', from: 'const ABSENCE_MATCH_BONUS = 0.4;', to: 'const ABSENCE_MATCH_BONUS = 0;', tests: [`${U}/ranking.test.ts`] },
  { id: 'X06', what: 'ABSENCE_PENALTY = 0', file: 'src/search/query.ts', from: 'const ABSENCE_PENALTY = 1.5;', to: 'const ABSENCE_PENALTY = 0;', tests: [`${U}/search-precision.test.ts`, `${U}/ranking.test.ts`] },
];

const only = process.argv.slice(2);
const results = [];
for (const m of MUTATIONS.filter((x) => only.length === 0 || only.includes(x.id))) {
  const original = readFileSync(m.file, 'utf8');
  const count = typeof m.from === 'string' ? original.split(m.from).length - 1 : (original.match(m.from) ?? []).length;
  if (count === 0) {
    results.push({ id: m.id, what: m.what, result: 'NOT APPLIED (pattern not found)' });
    continue;
  }
  writeFileSync(m.file, typeof m.from === 'string' ? original.replace(m.from, m.to) : original.replace(m.from, m.to));
  let r;
  try {
    r = spawnSync('npx', ['vitest', 'run', '--reporter=json', ...m.tests], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    writeFileSync(m.file, original);
  }
  let failed = [];
  try {
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    failed = report.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${f.name.replace(/.*\/test\//, 'test/')}: ${a.title}`));
    if (report.numFailedTestSuites && failed.length === 0) failed = ['a test file failed to load'];
  } catch {
    failed = r.status === 0 ? [] : [`vitest exited ${r.status}: ${r.stderr.slice(-300)}`];
  }
  results.push({ id: m.id, what: m.what, result: failed.length ? `caught by ${failed.length} test(s)` : 'SURVIVED', by: failed.slice(0, 3) });
  console.log(`${m.id} ${m.what}: ${results.at(-1).result}${failed.length ? `\n    ${failed.slice(0, 3).join('\n    ')}` : ''}`);
}
// Leave a build of the restored sources behind.
execFileSync(process.execPath, ['src/build/build.mjs'], { stdio: 'ignore' });
const caught = results.filter((r) => r.result.startsWith('caught')).length;
console.log(`\n${caught}/${results.length} caught`);
process.exitCode = caught === results.length ? 0 : 1;
