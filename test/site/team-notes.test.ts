/** A team note with scripts, event handlers and javascript: links renders inert in the site, and is badged. */
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { buildSite, fileUrl, launch, watchedPage } from './harness.js';

let site: string;
let browser: Browser;

beforeAll(async () => {
  site = buildSite(['--content', path.join(FIXTURES, 'site-team'), '--content', path.join(FIXTURES, 'user')]).dir;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('static site with hostile team notes', () => {
  it.each(['tools/evil-note.html', 'categories/containers.html', 'tools/docker.html', 'search.html?q=evil+team+note', 'compare.html?tools=evil-note,docker', 'index.html'])('%s: nothing from the note runs', async (rel) => {
    const ctx = await browser.newContext();
    const { page, errors, requests } = await watchedPage(ctx);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(fileUrl(site, rel));
    await page.waitForTimeout(400);
    // Hover and click every element inside <main> that a note could have produced (http links would only navigate away).
    for (const handle of await page.$$('main .note a:not([href^="http"]), main .note div, main .note img, main .sources a:not([href^="http"])')) {
      await handle.hover({ force: true }).catch(() => undefined);
      await handle.evaluate((e) => (e as HTMLElement).click());
    }
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors.filter((e) => !/Content Security Policy|ERR_FILE_NOT_FOUND|net::ERR/.test(e))).toEqual([]);
    const unsafe = await page.evaluate(() => {
      const found: string[] = [];
      for (const e of document.querySelectorAll('main *')) {
        for (const a of e.getAttributeNames()) if (a.toLowerCase().startsWith('on')) found.push(`${e.tagName} ${a}`);
        const href = e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? e.getAttribute('src') ?? '';
        if (/^\s*(javascript|data|vbscript):/i.test(href)) found.push(`${e.tagName} ${href}`);
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName)) found.push(e.tagName);
      }
      return found;
    });
    expect(unsafe).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(fileUrl(site, '')))).toEqual([]);
    await ctx.close();
  });

  it('badges team notes, shows their text escaped, and includes them in search', async () => {
    const ctx = await browser.newContext();
    const { page } = await watchedPage(ctx);
    await page.goto(fileUrl(site, 'tools/evil-note.html'));
    await expect(page.locator('h1 .badge.team').innerText()).resolves.toBe('team note');
    await expect(page.locator('h1').innerText()).resolves.toContain("<script>window.__pwned='name'</script>");
    await page.goto(fileUrl(site, 'tools/docker.html'));
    await expect(page.locator('h1').innerText()).resolves.toContain('Docker (team notes)');
    await page.goto(fileUrl(site, 'tools/ansible.html'));
    expect(await page.locator('h1 .badge.team').count()).toBe(0);
    await page.goto(fileUrl(site, 'search.html?q=evil+team+note'));
    await page.waitForSelector('#results a');
    await expect(page.locator('#results a').first().getAttribute('href')).resolves.toBe('tools/evil-note.html');
    await ctx.close();
  });
});
