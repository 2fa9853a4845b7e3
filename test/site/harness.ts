/**
 * Browser-test harness: builds the site with the real CLI (built-in catalog, and with a hostile team note),
 * launches Debian's Chromium through playwright-core, and records console errors and requests per page.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../helpers.js';

export const BIN = path.join(ROOT, 'bin', 'devops-kb');

/** Chromium from the system (Debian's package); CHROMIUM_PATH overrides. Missing: a loud failure, not a skip. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium not found (tried ${candidates.join(', ')}): install it with 'apt-get install -y chromium' or set CHROMIUM_PATH`);
  return found;
}

export function cli(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Tool ids `devops-kb search WORDS --json --limit 10` prints for each query, running a few CLIs at a time. */
export async function cliSearches(queries: string[], parallel = 4): Promise<string[][]> {
  const out: string[][] = new Array(queries.length);
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const i = next++;
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, [BIN, 'search', ...queries[i]!.split(' '), '--json', '--limit', '10'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }, (err, so) => (err ? reject(err) : resolve(so)));
      });
      out[i] = (JSON.parse(stdout) as { id: string }[]).map((h) => h.id);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return out;
}

/** Builds a site into a fresh temporary folder and returns its path. */
export function buildSite(extra: string[] = []): { dir: string; output: string } {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devops-kb-site-')), 'out');
  const cache = mkdtempSync(path.join(tmpdir(), 'devops-kb-cache-'));
  const r = cli(['site', dir, ...extra], { XDG_CACHE_HOME: cache });
  if (r.code !== 0) throw new Error(`site failed (${r.code}): ${r.stderr}`);
  return { dir, output: r.stdout };
}

export const fileUrl = (dir: string, rel: string): string => pathToFileURL(path.join(dir, rel.split('?')[0]!)).href + (rel.includes('?') ? `?${rel.split('?')[1]}` : '');

export async function launch(): Promise<Browser> {
  const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return chromium.launch({ executablePath: chromiumPath(), args });
}

export interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
}

/** A page that records console errors, uncaught exceptions, failed loads and every request URL. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  return { page, errors, requests };
}

const require = createRequire(import.meta.url);
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Tool ids linked inside <main>, in document order, skipping hidden rows. */
export async function mainToolLinks(page: Page): Promise<string[]> {
  return page.$$eval('main a[href*="tools/"]', (as) =>
    as.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => /tools\/([^/]+)\.html/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''),
  );
}

export interface Query {
  kind: string;
  q: string;
  expect: string[];
}

export const QUERIES: Query[] = JSON.parse(readFileSync(path.join(ROOT, 'test', 'eval', 'queries.json'), 'utf8')).queries;
