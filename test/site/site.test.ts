/**
 * The static site in a real browser (Chromium): every page type loads without console errors and passes
 * axe-core, search and compare agree with the CLI, permalinks restore views, keyboard and dark mode work,
 * team notes are inert, and no request leaves the site folder.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_SOURCE, buildSite, cli, cliSearches, fileUrl, launch, mainToolLinks, QUERIES, watchedPage } from './harness.js';

const PAGES = {
  home: 'index.html',
  tool: 'tools/ansible.html',
  retired: 'tools/docker-machine.html',
  category: 'categories/configuration-management.html',
  compare: 'compare.html?tools=chef,puppet',
  search: 'search.html?q=service+discovery',
};

let site: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  site = buildSite().dir;
  browser = await launch();
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
});

describe('static site: every page type', () => {
  it.each(Object.entries(PAGES))('%s page loads with no console error and no request outside the site folder', async (_kind, rel) => {
    const { page, errors, requests } = await watchedPage(context);
    await page.goto(fileUrl(site, rel));
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    // Search the page loaded: focusing the box loads the index too.
    await page.focus('#q');
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
    const root = `${fileUrl(site, '')}`;
    expect(requests.filter((u) => !u.startsWith(root))).toEqual([]);
    expect(await page.locator('main h1').count()).toBe(1);
    await page.close();
  });

  it.each(Object.entries(PAGES).flatMap(([k, rel]) => (['light', 'dark'] as const).map((scheme) => [k, scheme, rel] as const)))('%s page (%s): axe-core finds no serious or critical violation', async (_kind, scheme, rel) => {
    const ctx = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(fileUrl(site, rel));
    await page.waitForTimeout(400);
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    });
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it('shows the retired banner, the key facts and the relation graph with links on tool pages', async () => {
    const { page } = await watchedPage(context);
    await page.goto(fileUrl(site, PAGES.retired));
    await expect(page.locator('.banner.retired').innerText()).resolves.toMatch(/archived/i);
    await page.goto(fileUrl(site, PAGES.tool));
    await expect(page.locator('table.facts caption').first().innerText()).resolves.toBe('Key facts');
    expect(await page.locator('figure.graph svg a').count()).toBeGreaterThan(1);
    await page.close();
  });
});

describe('static site: search, filters, compare', () => {
  it('ranks the public evaluation queries in the same order as `devops-kb search`', async () => {
    // The CLI's answers first (the real binary, a few at a time), then the same queries typed into search.html.
    const want = await cliSearches(QUERIES.map((x) => x.q));
    const { page, errors } = await watchedPage(context);
    await page.goto(fileUrl(site, `search.html?q=${encodeURIComponent(QUERIES[0]!.q)}`));
    const differ: string[] = [];
    for (const [i, { q }] of QUERIES.entries()) {
      if (i > 0) {
        await page.fill('#q', q);
        await page.press('#q', 'Enter');
      }
      await page.waitForFunction((query) => document.getElementById('results')?.dataset.query === query, q.trim());
      const got = await mainToolLinks(page);
      if (JSON.stringify(got) !== JSON.stringify(want[i])) differ.push(`${q}: site ${got.join(',')} vs cli ${want[i]!.join(',')}`);
    }
    expect(differ).toEqual([]);
    expect(errors).toEqual([]);
    expect(QUERIES.length).toBeGreaterThan(20);
    // The address follows the query, so the last search is a permalink.
    expect(new URL(page.url()).searchParams.get('q')).toBe(QUERIES[QUERIES.length - 1]!.q);
    await page.close();
  }, 600_000);

  it('a category filter puts --where in the URL, matches the CLI, and the permalink restores the view', async () => {
    const { page } = await watchedPage(context);
    await page.goto(fileUrl(site, PAGES.category));
    const all = (await mainToolLinks(page)).length;
    await page.selectOption('#f-agent', 'agent=none');
    expect(new URL(page.url()).searchParams.getAll('where')).toEqual(['agent=none']);
    expect(page.url()).toContain('where=agent%3Dnone');
    const filtered = await mainToolLinks(page);
    const rows = await page.$$eval('#matrix tbody tr:not([hidden])', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id ?? ''));
    // The matrix rows are the first tool links inside <main>.
    expect(filtered.slice(0, rows.length)).toEqual(rows);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all);
    const listed = JSON.parse(cli(['list', '--category', 'configuration-management', '--where', 'agent=none', '--json']).stdout) as ({ id: string } | string)[];
    const ids = listed.map((t) => (typeof t === 'string' ? t : t.id));
    for (const id of ids) expect(filtered).toContain(id);
    const again = await context.newPage();
    await again.goto(page.url());
    expect(await mainToolLinks(again)).toEqual(filtered);
    expect(await again.inputValue('#f-agent')).toBe('agent=none');
    await expect(again.locator('#filter-status').innerText()).resolves.toMatch(/where agent=none/);
    // Sorting by a column reorders rows and says so.
    await again.click('#matrix thead th:nth-child(2) button');
    expect(await again.getAttribute('#matrix thead th:nth-child(2)', 'aria-sort')).toBe('ascending');
    await page.close();
    await again.close();
  });

  it('compare shows the CLI rows, order and ≠ marks; the Markdown is the CLI\'s; a permalink restores it', async () => {
    const cliRows = (JSON.parse(cli(['compare', 'chef', 'puppet', '--json']).stdout) as { rows: { label: string; same: boolean }[] }).rows;
    const { page } = await watchedPage(context);
    await page.goto(fileUrl(site, 'compare.html'));
    await page.selectOption('#t1', 'chef');
    await page.selectOption('#t2', 'puppet');
    await Promise.all([page.waitForURL(/tools=chef,puppet/), page.click('#compare-form button[type=submit]')]);
    await page.waitForSelector('table.compare');
    const rows = await page.$$eval('table.compare tbody tr', (trs) => trs.map((tr) => ({ label: tr.querySelector('th')!.textContent!.replace(/^≠ differs: /, ''), same: !tr.classList.contains('differs') })));
    expect(rows).toEqual(cliRows.map((r) => ({ label: r.label, same: r.same })));
    expect(await page.locator('table.compare tbody tr.differs th .ne').first().innerText()).toBe('≠');
    expect((await mainToolLinks(page)).slice(0, 2)).toEqual(['chef', 'puppet']);
    expect(await page.inputValue('#markdown')).toBe(cli(['compare', 'chef', 'puppet', '--format', 'markdown']).stdout);
    const again = await context.newPage();
    await again.goto(page.url());
    await again.waitForSelector('table.compare');
    expect(await again.locator('table.compare').innerText()).toBe(await page.locator('table.compare').innerText());
    expect(await again.inputValue('#t1')).toBe('chef');
    await page.close();
    await again.close();
  });
});

describe('static site: keyboard, dark mode, sub-paths', () => {
  it('`/` and Ctrl+K focus the search box; Enter searches', async () => {
    const { page } = await watchedPage(context);
    await page.goto(fileUrl(site, PAGES.home));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.locator('main a').first().focus();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('terrafrom');
    await Promise.all([page.waitForURL(/search\.html\?q=terrafrom/), page.keyboard.press('Enter')]);
    await page.waitForSelector('#results a');
    expect((await mainToolLinks(page))[0]).toBe('terraform');
    await page.close();
  });

  it('follows the system colour scheme and the toggle overrides it across pages', async () => {
    const ctx = await browser.newContext({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(fileUrl(site, PAGES.home));
    expect(await bg()).toBe('rgb(15, 18, 23)');
    expect(await page.getAttribute('.theme-toggle', 'aria-pressed')).toBe('true');
    await page.click('.theme-toggle');
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await page.goto(fileUrl(site, PAGES.category));
    expect(await bg()).toBe('rgb(255, 255, 255)');
    expect(await page.getAttribute('.theme-toggle', 'aria-pressed')).toBe('false');
    await ctx.close();
  });

  it('works under a sub-path of a web server and requests nothing outside it', async () => {
    const prefix = '/some/sub/path/';
    const server: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const rel = decodeURIComponent(url.pathname.slice(prefix.length));
      const file = path.join(site, rel);
      if (!url.pathname.startsWith(prefix) || !file.startsWith(site) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
        res.writeHead(404).end();
        return;
      }
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.css') ? 'text/css' : 'text/javascript';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}${prefix}`;
    const { page, errors, requests } = await watchedPage(context);
    for (const rel of Object.values(PAGES)) {
      await page.goto(base + rel);
      await page.waitForTimeout(300);
    }
    await page.waitForSelector('#results a');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
    await page.close();
    server.close();
  });
});
