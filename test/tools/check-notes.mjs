#!/usr/bin/env node
// Checks notes against the depth rules while they are being written, without touching dist/:
// compiles content/ into a private temporary folder, then reports compile problems for the named
// notes and every depth rule the content test enforces (sections, words, facets, facts, sources).
// Usage: node test/tools/check-notes.mjs [id...]   (no ids: every roster id present in content/)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const out = mkdtempSync(path.join(tmpdir(), 'check-notes-'));
let log = '';
try {
  execFileSync(process.execPath, [path.join(root, 'dist/compile-content.cjs'), path.join(root, 'content'), out], { stdio: ['ignore', 'ignore', 'pipe'] });
} catch (e) {
  log = String(e.stderr ?? e);
}
const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
const categories = JSON.parse(readFileSync(path.join(out, 'categories.json'), 'utf8'));
const rosterRows = [path.join(root, 'test/roster.tsv')]
  .filter((f) => existsSync(f))
  .flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').slice(1))
  .map((l) => l.split('\t'))
  .map(([id, name, category, also, depth]) => ({ id, name, category, also: also ? also.split(',').map((s) => s.trim()).filter((s) => s && s !== '-') : [], depth }));
const roster = new Map(rosterRows.map((r) => [r.id, r]));
const wanted = process.argv.slice(2);
const ids = wanted.length ? wanted : rosterRows.map((r) => r.id).filter((id) => existsSync(path.join(root, 'content/tools', `${id}.md`)));

const problems = [];
// References to roster ids or categories that another batch has not written yet are pending, not errors.
const rosterCategories = new Set(rosterRows.map((r) => r.category));
let pending = 0;
for (const p of manifest.problems) {
  const hit = wanted.length === 0 || wanted.some((id) => p.file.endsWith(`/${id}.md`));
  if (!hit || p.severity !== 'error') continue;
  const ref = /^unknown (?:tool|category) `([^`]+)` in `(?:related\.\w+|also)`/.exec(p.message);
  if (ref && (roster.has(ref[1]) || rosterCategories.has(ref[1])) && !existsSync(path.join(root, 'content', roster.has(ref[1]) ? 'tools' : 'categories', `${ref[1]}.md`))) {
    pending++;
    continue;
  }
  problems.push(`${p.file}:${p.line}:${p.column}: ${p.message}`);
}
for (const id of ids) {
  const file = path.join(out, 'tools', `${id}.json`);
  if (!existsSync(file)) {
    problems.push(`${id}: not compiled (missing note or a fatal error above)`);
    continue;
  }
  const t = JSON.parse(readFileSync(file, 'utf8'));
  const r = roster.get(id);
  if (!r) {
    problems.push(`${id}: not in a roster (fine for an extra tool; add it to test/roster.tsv)`);
    continue;
  }
  if (t.name !== r.name) problems.push(`${id}: name ${JSON.stringify(t.name)}, roster says ${JSON.stringify(r.name)}`);
  if (t.category !== r.category) problems.push(`${id}: category ${t.category}, roster says ${r.category}`);
  const also = [...t.also].sort().join(',');
  if (also !== [...r.also].sort().join(',')) problems.push(`${id}: also [${also}], roster says [${r.also.join(',')}]`);
  const titles = t.sections.map((s) => s.title);
  const deep = r.depth === 'deep';
  const need = deep ? ['Overview', 'How it works', 'Strengths', 'Weaknesses', 'When to use it', 'When to look elsewhere'] : ['Overview', 'How it works', 'Strengths', 'Weaknesses'];
  for (const s of need) if (!titles.includes(s)) problems.push(`${id}: no section "${s}"`);
  const [lo, hi] = deep ? [400, 900] : [150, 400];
  if (t.wordCount < lo || t.wordCount > hi) problems.push(`${id}: ${t.wordCount} words (${r.depth}: ${lo}-${hi})`);
  const defs = categories.find((c) => c.id === t.category)?.facets ?? [];
  const unknown = defs.filter((d) => t.facets[d.key] === 'unknown').length;
  const filled = defs.filter((d) => d.key in t.facets && t.facets[d.key] !== 'unknown').length;
  if (deep && (filled + unknown < defs.length || unknown > 1)) problems.push(`${id}: facets ${filled}/${defs.length} filled, ${unknown} unknown (deep: all, at most one unknown)`);
  if (!deep && filled < 0.7 * defs.length) problems.push(`${id}: facets ${filled}/${defs.length} (full: at least 70%)`);
  if (!t.license || !t.language.length || t.firstRelease === null || !t.maintainer || !t.homepage) problems.push(`${id}: missing a key fact (license, language, firstRelease, maintainer, homepage)`);
  if (deep && t.repo === null && t.license !== 'proprietary') problems.push(`${id}: open source without repo`);
  if (t.sources.length < (deep ? 2 : 1)) problems.push(`${id}: ${t.sources.length} source(s)`);
  if (t.related.alternatives.length === 0) problems.push(`${id}: no alternatives`);
  if (t.summary.length > 160) problems.push(`${id}: summary ${t.summary.length} chars (max 160)`);
  if (!t.pickWhen) problems.push(`${id}: no pickWhen`);
  if ((t.status === 'deprecated' || t.status === 'archived') && t.statusSince === null) problems.push(`${id}: retired without statusSince`);
}
rmSync(out, { recursive: true, force: true });
if (log && problems.length === 0 && /error/.test(log)) process.stderr.write(log);
for (const p of problems) console.log(p);
console.log(`${ids.length} note(s) checked: ${problems.length} problem(s)` + (pending ? `; ${pending} reference(s) to roster ids not written yet (fine)` : ''));
process.exit(problems.length ? 1 : 0);
