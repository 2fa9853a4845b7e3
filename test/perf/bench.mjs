#!/usr/bin/env node
// Start-up benchmark: each command runs as its own process, interleaved with `node -e 0` (the floor),
// and we report median wall time and the ratio of medians. Usage: npm run bench [-- --runs 30 --notes 10000]
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
const NOTES = arg('notes', 10000);

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
function measure(label, commands, env) {
  const floor = [];
  const times = commands.map(() => []);
  for (let i = 0; i < 2; i++) commands.forEach((c) => time(process.execPath, [bin, ...c.args], env)); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    floor.push(time(process.execPath, ['-e', '0'], env));
    commands.forEach((c, k) => times[k].push(time(process.execPath, [bin, ...c.args], env)));
  }
  const f = median(floor);
  console.log(`\n${label}: node -e 0 median ${f.toFixed(1)} ms (${RUNS} runs each)`);
  console.log('| command | median ms | ratio to node -e 0 | goal | met |');
  console.log('|---|---|---|---|---|');
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

if (NOTES === 0) process.exit(0);
const tmp = mkdtempSync(path.join(tmpdir(), 'devops-kb-bench-'));
try {
  const notes = path.join(tmp, 'notes');
  generateNotes(notes, NOTES);
  const env = { ...baseEnv, DEVOPS_KB_PATH: notes, XDG_CACHE_HOME: path.join(tmp, 'cache') };
  const cold = time(process.execPath, [bin, 'show', 'gen-tool-1'], env);
  console.log(`\nWith ${NOTES} extra notes in DEVOPS_KB_PATH: one-time compile into the cache took ${(cold / 1000).toFixed(2)} s`);
  const file = path.join(notes, 'tools', 'gen-tool-42.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Synthetic', 'Edited synthetic'));
  const later = new Date(Date.now() + 2000);
  utimesSync(file, later, later);
  const rebuild = time(process.execPath, [bin, 'show', 'gen-tool-42'], env);
  console.log(`after editing one note, the next call re-parsed it and refreshed the cache in ${(rebuild / 1000).toFixed(2)} s`);
  const big = measure(`${NOTES} extra notes (warm cache)`, [
    { args: ['show', 'kubernetes'], goal: 1.5 },
    { args: ['show', `gen-tool-${Math.floor(NOTES / 2)}`], goal: 1.5 },
    { args: ['search', 'service', 'discovery'], goal: 5 },
  ], env);
  const all = [...shipped, ...big];
  console.log(all.every((r) => r.ratio <= r.goal) ? '\nall goals met' : '\nsome goals NOT met');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
