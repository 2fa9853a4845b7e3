/** `new` (a note skeleton that passes lint) and `open` (a tool's homepage). */
import * as path from 'node:path';
import { fileExists, readBytes, shippedContentDir, writeTextFile } from '../../store/files.js';
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
  /** Write even when the id or name belongs to a built-in note (it will be replaced or shadowed). */
  force?: boolean;
}

/** Text the skeleton ships with: a note still holding it has not been written yet (lint warns). */
export const SKELETON_MARKERS = ['in one sentence of up to 160 characters, saying what it is and what it does', 'What ', ' is, who makes it, and where it fits.'];

export async function newCommand(ctx: Context, id: string, opts: NewOptions): Promise<{ file: string }> {
  if (!ID_PATTERN.test(id)) throw new UsageError(`'${id}' is not a valid id`, { hint: 'use lower-case letters, digits and hyphens, like my-tool' });
  if (!opts.category) throw new UsageError('new needs --category', { hint: `for example: devops-kb new ${id} --category ci-cd ('devops-kb categories' lists them)` });
  const store = await ctx.store();
  const category = resolveCategory(store.categories(), opts.category);
  // A user note with a built-in id replaces that note; one named like a built-in alias takes the name over.
  const taken = store.hasTool(id) ? id : store.findName(id);
  if (taken && !opts.force) {
    throw new UsageError(taken === id ? `'${id}' is a built-in note; a note with this id replaces it entirely` : `'${id}' is a name of the built-in '${taken}'; 'show ${id}' would show your note instead`, {
      hint: taken === id ? `to change it, start from its text: devops-kb edit ${id} (or pass --force)` : 'pick another id, or pass --force',
    });
  }
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

export interface EditResult {
  id: string;
  file: string;
  /** The built-in note was copied into the first content folder first. */
  copied: boolean;
  edited: boolean;
}

/**
 * Opens a tool's note in $VISUAL/$EDITOR. A user note is edited in place; a built-in one is first copied
 * into the first content folder (as cheat -e does), where it then overrides the built-in note.
 */
export async function editCommand(ctx: Context, name: string): Promise<EditResult> {
  const store = await ctx.store();
  const tool = loadTool(store, name);
  const own = [...ctx.contentDirs].reverse().map((d) => path.join(d, 'tools', `${tool.id}.md`)).find((f) => fileExists(f));
  let file = own;
  let copied = false;
  if (!file) {
    const dir = ctx.contentDirs[0];
    if (!dir) throw new UsageError(`${tool.id} is a built-in note and there is no content folder to copy it into`, { hint: 'set DEVOPS_KB_PATH (or content in the config file, or --content DIR), then run edit again' });
    const shipped = path.resolve(shippedContentDir(ctx.io.builtinDir), 'tools', `${tool.id}.md`);
    if (!fileExists(shipped)) throw new UsageError(`the shipped note of ${tool.id} is not installed`, { hint: `expected ${shipped}` });
    file = path.join(dir, 'tools', `${tool.id}.md`);
    writeTextFile(file, new TextDecoder().decode(readBytes(shipped)), { exclusive: true });
    copied = true;
  }
  const editor = ctx.io.env.VISUAL || ctx.io.env.EDITOR || 'vi';
  const edited = !ctx.json && Boolean(ctx.io.edit?.(editor, file));
  return { id: tool.id, file, copied, edited };
}
