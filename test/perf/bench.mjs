#!/usr/bin/env node
// Start-up benchmark: each command runs as its own process, interleaved with `node -e 0` (the floor),
// and we report median wall time and the ratio of medians. With team notes (1,000 and 10,000 generated ones):
// the cold compile, warm show and search, and the first search after editing one note.
// Usage: npm run bench [-- --runs 25 --notes 1000,10000 --cold-runs 3]; --notes 0 measures the shipped catalog only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, utimesSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'devops-kb');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('runs', 25);
const NOTES = process.argv.includes('--notes') ? String(process.argv[process.argv.indexOf('--notes') + 1]).split(',').filter(Boolean).map(Number).filter((x) => x > 0) : [1000, 10000];
const COLD_RUNS = arg('cold-runs', 3);

function time(cmd, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Interleaves the floor with each command so machine noise hits both alike. */
function measure(label, commands, env, continued = false) {
  const floor = [];
  const times = commands.map(() => []);
  for (let i = 0; i < 2; i++) commands.forEach((c) => time(process.execPath, [bin, ...c.args], env)); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    floor.push(time(process.execPath, ['-e', '0'], env));
    commands.forEach((c, k) => times[k].push(time(process.execPath, [bin, ...c.args], env)));
  }
  const f = median(floor);
  if (!continued) {
    console.log(`\n${label}: node -e 0 median ${f.toFixed(1)} ms (${RUNS} runs each)`);
    console.log('| command | median ms | ratio to node -e 0 | goal | met |');
    console.log('|---|---|---|---|---|');
  }
  const rows = commands.map((c, k) => {
    const m = median(times[k]);
    const ratio = m / f;
    console.log(`| \`devops-kb ${c.args.join(' ')}\` | ${m.toFixed(1)} | ${ratio.toFixed(2)}x | <= ${c.goal}x | ${ratio <= c.goal ? 'yes' : 'NO'} |`);
    return { ...c, ms: m, ratio };
  });
  return rows;
}

function generateNotes(dir, n) {
  mkdirSync(path.join(dir, 'tools'), { recursive: true });
  const cats = ['monitoring', 'ci-cd', 'orchestration', 'service-discovery', 'logging', 'containers'];
  const words = 'agent cluster pipeline metrics queue proxy deploy rollout cache ledger shard replica gateway tracing canary registry bucket schema policy secret'.split(' ');
  for (let i = 0; i < n; i++) {
    const w = (k) => words[(i * 7 + k * 13) % words.length];
    const id = `gen-tool-${i}`;
    const body = Array.from({ length: 6 }, (_, s) => `Generated note ${i} about ${w(s)} and ${w(s + 1)} handling for team ${i % 97}.`).join(' ');
    writeFileSync(
      path.join(dir, 'tools', `${id}.md`),
      `---\nid: ${id}\nname: Generated Tool ${i}\ncategory: ${cats[i % cats.length]}\naliases: [gt${i}]\nsummary: Synthetic ${w(0)} tool number ${i} for the ${w(2)} benchmark.\ntags: [${w(3)}, ${w(4)}]\nlicense: MIT\nlanguage: [Go]\nfirstRelease: ${2000 + (i % 25)}\n---\n\n## Overview\n${body}\n\n## How it works\n${body}\n`,
    );
  }
}

console.log(`devops-kb benchmark — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, ${new Date().toISOString().slice(0, 10)}`);
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp' };
const shipped = measure('Shipped catalog', [
  { args: ['show', 'kubernetes'], goal: 1.35 },
  { args: ['search', 'service', 'discovery'], goal: 1.6 },
  { args: ['compare', 'chef', 'puppet'], goal: 1.5 },
], baseEnv);

if (NOTES.length === 0) process.exit(0);

/**
 * Times `run` and the floor alternately, `runs` times each; `before` runs untimed ahead of each timed run.
 * `floors` floor samples per run keep the floor's median steady when the runs are few (the cold compile).
 */
function interleaved(runs, run, before, floors = 1) {
  const floor = [];
  const times = [];
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < floors; k++) floor.push(time(process.execPath, ['-e', '0'], baseEnv));
    before?.(i);
    times.push(run(i));
  }
  return { floor: median(floor), ms: median(times) };
}

function row(label, m, goal) {
  const ratio = m.ms / m.floor;
  console.log(`| ${label} | ${m.ms.toFixed(1)} | ${ratio.toFixed(2)}x | <= ${goal}x | ${ratio <= goal ? 'yes' : 'NO'} |`);
  return { ratio, goal };
}

/** Changes one note's summary; even runs keep its size (a one-letter swap), odd runs grow it. */
function editNote(dir, k, run) {
  const file = path.join(dir, 'tools', `gen-tool-${k}.md`);
  const text = readFileSync(file, 'utf8');
  const next = run % 2 === 0 ? text.replace(/Synthetic|Synthetiq/, (w) => (w === 'Synthetic' ? 'Synthetiq' : 'Synthetic')) : text.replace('Synthetic', 'Edited synthetic');
  writeFileSync(file, next);
  const later = new Date(Date.now() + 2000 + run);
  utimesSync(file, later, later);
}

const GOALS = {
  1000: { show: 1.5, search: 2, edit: 3, cold: 30 },
  10000: { show: 1.5, search: 2.5, edit: 5, cold: 120 },
};
const results = [...shipped];
const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-bench-'));
try {
  for (const n of NOTES) {
    const goal = GOALS[n] ?? GOALS[10000];
    const notes = path.join(tmp, `notes-${n}`);
    generateNotes(notes, n);
    const envOf = (cache) => ({ ...baseEnv, DEVOPS_KB_PATH: notes, XDG_CACHE_HOME: path.join(tmp, cache) });
    const search = ['search', 'service', 'discovery'];
    console.log(`\n${n} team notes in DEVOPS_KB_PATH (generated, documented format)`);
    console.log('| command | median ms | ratio to node -e 0 | goal | met |');
    console.log('|---|---|---|---|---|');
    // Cold: an empty cache each time, so the whole compile is timed.
    const cold = interleaved(COLD_RUNS, (i) => time(process.execPath, [bin, ...search], envOf(`cold-${n}-${i}`)), undefined, 7);
    for (let i = 0; i < COLD_RUNS; i++) rmSync(path.join(tmp, `cold-${n}-${i}`), { recursive: true, force: true });
    results.push(row(`cold compile (first \`search service discovery\`)`, cold, goal.cold));
    const env = envOf(`warm-${n}`);
    time(process.execPath, [bin, ...search], env);
    const warm = measure(`${n} team notes, warm cache`, [
      { args: ['show', 'kubernetes'], goal: goal.show },
      { args: ['show', `gen-tool-${Math.floor(n / 2)}`], goal: goal.show },
      { args: search, goal: goal.search },
    ], env, true);
    results.push(...warm);
    // One edit, then the first search: a different note each run, so the delta grows as a team's would.
    const edited = interleaved(RUNS, () => time(process.execPath, [bin, ...search], env), (i) => editNote(notes, (i * 37) % n, i));
    results.push(row('first `search service discovery` after editing one note', edited, goal.edit));
  }
  console.log(results.every((r) => r.ratio <= r.goal) ? '\nall goals met' : '\nsome goals NOT met');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
