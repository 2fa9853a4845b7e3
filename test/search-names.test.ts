/**
 * Search finds what a user names: every tool id and display name in the built catalog ranks that tool
 * first, and every category's name ranks a tool of that category first. In-process over the built
 * catalog (io.catalog), so 900 queries take seconds.
 */
import { describe, expect, it } from 'vitest';
import { dirStore } from '../src/store/dir-store.js';
import { BUILTIN, json, run } from './helpers.js';

const catalog = dirStore(BUILTIN);
const top = async (q: string, extra: string[] = []) => json<{ id: string; category: string }[]>(await run(['search', ...q.split(' '), '--json', ...extra], { io: { catalog } }))[0];

describe('names find themselves', () => {
  it('ranks every tool first for its id and for its display name', async () => {
    const misses: string[] = [];
    const tools = catalog.summaries();
    expect(tools.length).toBeGreaterThanOrEqual(400);
    for (const t of tools) {
      for (const q of new Set([t.id, t.name])) {
        const hit = await top(q);
        if (hit?.id !== t.id) misses.push(`${q} -> ${hit?.id ?? 'nothing'} (want ${t.id})`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('ranks a tool of the category first for every category name', async () => {
    const misses: string[] = [];
    const categories = catalog.categories();
    expect(categories.length).toBeGreaterThanOrEqual(40);
    for (const c of categories) {
      const hit = await top(c.name);
      const tool = hit ? catalog.tool(hit.id) : null;
      if (!tool?.categories.includes(c.id)) misses.push(`${c.name} -> ${hit?.id ?? 'nothing'} (${tool?.categories.join(', ')})`);
    }
    expect(misses).toEqual([]);
  });
});
