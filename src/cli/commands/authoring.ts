/** `new` (a note skeleton that passes lint) and `open` (a tool's homepage). */
import * as path from 'node:path';
import { fileExists, writeTextFile } from '../../store/files.js';
import { ID_PATTERN } from '../../catalog/schema.js';
import type { Category } from '../../catalog/types.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { loadTool, resolveCategory } from '../resolve.js';

/** A note skeleton listing the category's facets; it passes lint as written. */
export function scaffold(id: string, category: Category, date: Date): string {
  const name = id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  const facetLines = category.facets.map((f) => {
    const hint = f.type === 'enum' ? `one of: ${(f.values ?? []).join(', ')}` : f.type === 'bool' ? 'true, false, partial or paid-only' : f.type === 'year' ? 'a year' : f.type === 'list' ? 'a list: [a, b]' : 'short text';
    return `  ${f.key}: unknown    # ${f.label}: ${hint}`;
  });
  return `---
id: ${id}
name: ${name}
category: ${category.id}
aliases: []
summary: ${name} in one sentence of up to 160 characters, saying what it is and what it does.
pickWhen: you need what ${name} does best (one line)
homepage: null
repo: null
license: unknown
language: []
firstRelease: unknown
maintainer: unknown
hosting: self-hosted
tags: []
status: active
replacedBy: []
verified: ${date.toISOString().slice(0, 7)}
facets:
${facetLines.join('\n')}
related:
  alternatives: []
  uses: []
  integrates: []
sources: []
---

## Overview
What ${name} is, who makes it, and where it fits.

## How it works
The architecture, the moving parts and the configuration format.

## Strengths

## Weaknesses

## When to use it

## When to look elsewhere
`;
}

export interface NewOptions {
  category?: string;
  dir?: string;
}

export async function newCommand(ctx: Context, id: string, opts: NewOptions): Promise<{ file: string }> {
  if (!ID_PATTERN.test(id)) throw new UsageError(`'${id}' is not a valid id`, { hint: 'use lower-case letters, digits and hyphens, like my-tool' });
  if (!opts.category) throw new UsageError('new needs --category', { hint: `for example: devops-kb new ${id} --category ci-cd ('devops-kb categories' lists them)` });
  const store = await ctx.store();
  const category = resolveCategory(store.categories(), opts.category);
  const dir = opts.dir ?? ctx.contentDirs[0];
  if (!dir) throw new UsageError('no content directory to write to', { hint: 'pass --dir DIR, or set DEVOPS_KB_PATH' });
  const file = path.join(dir, 'tools', `${id}.md`);
  if (fileExists(file)) throw new UsageError(`${file} already exists`, { hint: 'edit it, or choose another id' });
  writeTextFile(file, scaffold(id, category, new Date()), { exclusive: true });
  return { file };
}

export async function openCommand(ctx: Context, name: string): Promise<{ id: string; url: string; opened: boolean }> {
  const store = await ctx.store();
  const tool = loadTool(store, name);
  const url = tool.homepage ?? tool.repo;
  if (!url) throw new UsageError(`${tool.name} has no homepage in its note`);
  const opened = !ctx.json && Boolean(ctx.io.stdout.isTTY) && Boolean(ctx.io.openUrl?.(url));
  return { id: tool.id, url, opened };
}
