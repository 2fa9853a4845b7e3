/**
 * Vitest global setup: the tests that read dist/ (the binary, the built catalog) must never see a stale
 * build. `npm test` builds in `pretest`; `npx vitest run` or an IDE runner does not, so this setup rebuilds
 * whenever a file under src/, content/ or bin/ (or package.json) is newer than the last build, and fails
 * loudly if the build is still stale afterwards.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = ['src', 'content', 'bin', 'package.json'];

function newest(p: string): { file: string; mtimeMs: number } {
  const st = statSync(p);
  if (!st.isDirectory()) return { file: p, mtimeMs: st.mtimeMs };
  let best = { file: p, mtimeMs: 0 };
  for (const name of readdirSync(p)) {
    const n = newest(path.join(p, name));
    if (n.mtimeMs > best.mtimeMs) best = n;
  }
  return best;
}

/** The build's start time (esbuild writes main.cjs first), or -1 when there is no build. */
function builtAt(): number {
  try {
    // The catalog is written after the bundles: a build without it is unfinished.
    statSync(path.join(ROOT, 'dist', 'catalog', 'manifest.json'));
    return statSync(path.join(ROOT, 'dist', 'main.cjs')).mtimeMs;
  } catch {
    return -1;
  }
}

export function staleSource(): string | null {
  const built = builtAt();
  for (const s of SOURCES) {
    const n = newest(path.join(ROOT, s));
    if (n.mtimeMs > built) return path.relative(ROOT, n.file);
  }
  return null;
}

export default function setup(): void {
  const stale = staleSource();
  if (stale === null) return;
  process.stderr.write(`devops-kb tests: dist/ is older than ${stale}; rebuilding\n`);
  execFileSync(process.execPath, ['src/build/build.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const still = staleSource();
  if (still !== null) throw new Error(`dist/ is still older than ${still} after a build: the tests would read a stale build`);
}
