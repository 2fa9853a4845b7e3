/**
 * What the hot commands do once their arguments are known: run the command, render, emit.
 * Shared by the commander program and the fast path, so both behave the same.
 */
import { CorruptArtifactError } from '../store/dir-store.js';
import { defaultCacheRoot, dropCache } from '../store/user-cache.js';
import { comparisonMarkdown, renderComparison } from '../render/compare.js';
import { renderSearch } from '../render/lists.js';
import { sanitize } from '../render/sanitize.js';
import { renderSection, renderTool } from '../render/show.js';
import { compareCommand, type CompareOptions } from './commands/compare.js';
import { searchCommand, searchViews, type SearchOptions } from './commands/search.js';
import { checkSection, noteFile, rawNote, showCommand, showJson, type ShowOptions } from './commands/show.js';
import { createContext, type Context, type GlobalOptions } from './context.js';
import type { Io } from './io.js';
import { emitJson, emitText } from './output.js';
import { openStore } from './open-store.js';

export type Action = (ctx: Context) => Promise<void>;

/** Runs an action with a fresh context; a damaged user-content cache is rebuilt once, never served. */
export async function runAction(io: Io, opts: GlobalOptions, action: Action): Promise<void> {
  const ctx = await createContext(io, opts, openStore);
  try {
    await action(ctx);
  } catch (err) {
    if (!(err instanceof CorruptArtifactError) || ctx.contentDirs.length === 0) throw err;
    ctx.warn(`warning: ${err.message}; rebuilding the cache`);
    dropCache(defaultCacheRoot(io.env), ctx.contentDirs);
    await action(await createContext(io, opts, openStore));
  }
}

export const showAction = (name: string | string[], pager: boolean, opts: ShowOptions = {}): Action => async (ctx) => {
  const { tool, categories } = await showCommand(ctx, name);
  if (opts.section !== undefined) checkSection(tool, opts.section);
  if (opts.raw) {
    const text = rawNote(ctx, tool);
    // Raw Markdown for editors and pipes; at a terminal, control sequences are still stripped.
    if (ctx.json) emitJson(ctx, { id: tool.id, file: noteFile(ctx, tool), markdown: text });
    else ctx.io.stdout.write(ctx.io.stdout.isTTY ? sanitizeKeepingLines(text) : text);
    return;
  }
  if (ctx.json) {
    // The note's file as an absolute path, for built-in and user notes alike.
    const full: Record<string, unknown> = { ...showJson(tool), path: noteFile(ctx, tool) };
    emitJson(ctx, opts.section !== undefined ? (full.sections as { title: string }[]).find((s) => s.title.toLowerCase() === opts.section!.trim().toLowerCase()) : full);
  } else if (opts.section !== undefined) emitText(ctx, renderSection(tool, opts.section, ctx.render)!, pager);
  else emitText(ctx, renderTool(tool, categories, ctx.render, opts.brief), pager);
};

/** Strips terminal controls but keeps line breaks and tabs. */
function sanitizeKeepingLines(text: string): string {
  return text.split('\n').map((l) => sanitize(l.replace(/\t/g, '    '))).join('\n');
}

export const searchAction = (words: string[], opts: SearchOptions, pager: boolean): Action => async (ctx) => {
  const result = await searchCommand(ctx, words, opts);
  if (ctx.json) emitJson(ctx, result.hits);
  else if (result.hits.length === 0) ctx.warn(`no tool matches '${sanitize(result.query)}'. Try fewer or different words, or 'devops-kb categories' to browse.`);
  else emitText(ctx, renderSearch(await searchViews(ctx, result), ctx.render, result.total), pager);
};

export const compareAction = (names: string[], opts: CompareOptions, pager: boolean): Action => async (ctx) => {
  const { comparison, categories } = await compareCommand(ctx, names, opts);
  const used = comparison.categories.map((id) => categories.find((c) => c.id === id)?.name ?? id);
  if (ctx.json || opts.format === 'json') emitJson(ctx, comparison);
  else if (opts.format === 'markdown') ctx.io.stdout.write(comparisonMarkdown(comparison, used));
  else emitText(ctx, renderComparison(comparison, used, ctx.render), pager);
};
