#!/usr/bin/env node
// Search evaluation: runs every query of a set through the built CLI (`search --json`) and prints
// MRR (reciprocal rank of the first relevant id) and hit@3, overall and per kind, and the same for the best
// answer of each query. No extra flags: the queries take the binary's fast path, as a user's do.
// Usage: npm run eval:search [-- path/to/queries.json]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', '..', 'bin', 'devops-kb');
const file = process.argv[2] ?? path.join(here, 'queries.json');
const { queries } = JSON.parse(readFileSync(file, 'utf8'));

const rows = queries.map(({ kind, q, best, expect }) => {
  const r = spawnSync(process.execPath, [bin, 'search', ...q.split(' '), '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`search ${q} exited ${r.status}: ${r.stderr}`);
  const ids = JSON.parse(r.stdout).map((h) => h.id);
  const rank = ids.findIndex((id) => expect.includes(id)) + 1;
  return { kind, q, rank, bestRank: ids.indexOf(best ?? expect[0]) + 1, top: ids.slice(0, 3) };
});

const summarize = (list) => ({
  n: list.length,
  mrr: list.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / list.length,
  hit3: list.filter((r) => r.rank >= 1 && r.rank <= 3).length / list.length,
  bestMrr: list.reduce((s, r) => s + (r.bestRank ? 1 / r.bestRank : 0), 0) / list.length,
  best1: list.filter((r) => r.bestRank === 1).length / list.length,
});
for (const r of rows.filter((x) => x.rank !== 1)) console.log(`rank ${r.rank || '-'}  ${r.kind.padEnd(7)} "${r.q}" -> ${r.top.join(', ')}`);
console.log('\n| set | queries | MRR | hit@3 | MRR (best) | hit@1 (best) |\n|---|---|---|---|---|---|');
for (const kind of ['concept', 'alias', 'typo']) {
  const s = summarize(rows.filter((r) => r.kind === kind));
  console.log(`| ${kind} | ${s.n} | ${s.mrr.toFixed(3)} | ${s.hit3.toFixed(3)} | ${s.bestMrr.toFixed(3)} | ${s.best1.toFixed(3)} |`);
}
const all = summarize(rows);
console.log(`| all | ${all.n} | ${all.mrr.toFixed(3)} | ${all.hit3.toFixed(3)} | ${all.bestMrr.toFixed(3)} | ${all.best1.toFixed(3)} |`);
const ok = all.mrr >= 0.95 && all.hit3 >= 0.97;
console.log(ok ? '\ntargets met (MRR >= 0.95, hit@3 >= 0.97)' : '\ntargets NOT met (MRR >= 0.95, hit@3 >= 0.97)');
process.exitCode = ok ? 0 : 1;
