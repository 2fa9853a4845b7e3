/** `lint`: checks user or shipped notes against the built-in catalog and reports positioned problems. */
import * as path from 'node:path';
import { assembleCatalog } from '../../catalog/assemble.js';
import { dirStore } from '../../store/dir-store.js';
import { isDirectory } from '../../store/files.js';
import { loadLayer } from '../../store/load-layer.js';
import type { Layer } from '../../catalog/assemble.js';
import { staleProblems } from '../../catalog/stale.js';
import type { Problem } from '../../catalog/types.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';

export interface LintResult {
  problems: Problem[];
  files: number;
  errors: number;
}

/** The shipped notes: content/ beside dist/, where the built-in catalog was compiled from. */
export function shippedContentDir(builtinDir: string): string {
  return path.resolve(builtinDir, '..', '..', 'content');
}

/**
 * Checks notes in the given directories (default: the user content directories, else the shipped notes)
 * against the built-in categories and tools, so references to built-in ids are valid.
 */
export interface LintOptions {
  /** Warn about notes verified more than this many months before `today`. */
  stale?: string;
  today?: Date;
}

/** Checks `--stale`: a whole number of months. */
export function parseStale(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,4}$/.test(value.trim())) throw new UsageError(`--stale must be a whole number of months, got '${value}'`, { hint: 'for example: devops-kb lint --stale 12' });
  return Number(value.trim());
}

export async function lintCommand(ctx: Context, dirs: string[], opts: LintOptions = {}): Promise<LintResult> {
  const stale = parseStale(opts.stale);
  const targets = dirs.length ? dirs : ctx.contentDirs.length ? ctx.contentDirs : [shippedContentDir(ctx.io.builtinDir)];
  // The shipped notes are a whole catalog: checked on their own, not against their compiled copy.
  const shipped = targets.length === 1 && path.resolve(targets[0]!) === path.resolve(shippedContentDir(ctx.io.builtinDir));
  const builtin = dirStore(ctx.io.builtinDir);
  const layers: Layer[] = shipped ? [] : [{
    name: 'built-in',
    builtin: true,
    tools: builtin.summaries().map((s) => ({ ...s, sections: [], wordCount: 0, positions: {} })),
    categories: builtin.categories(),
  }];
  const problems: Problem[] = [];
  let files = 0;
  for (const dir of targets) {
    // A directory that holds notes directly (tools/ missing) is linted as a tools directory.
    const root = isDirectory(path.join(dir, 'tools')) || isDirectory(path.join(dir, 'categories')) ? dir : null;
    if (!isDirectory(dir)) throw new UsageError(`no such directory: ${dir}`);
    if (!root) {
      ctx.warn(`warning: ${dir} has no tools/ or categories/ folder; nothing to lint there`);
      continue;
    }
    const { layer, problems: found, files: count } = await loadLayer(root);
    files += count;
    problems.push(...found);
    layers.push(layer);
  }
  const assembled = assembleCatalog(layers);
  const linted = new Set(layers.filter((l) => !l.builtin).flatMap((l) => [...l.tools, ...l.categories].map((n) => n.path)));
  problems.push(...assembled.problems.filter((p) => linted.has(p.file)));
  if (stale !== undefined) {
    const notes = layers.filter((l) => !l.builtin).flatMap((l) => l.tools).map((t) => ({ path: t.path, verified: t.verified, position: t.positions.verified }));
    problems.push(...staleProblems(notes, stale, opts.today ?? new Date()));
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, files, errors: problems.filter((p) => p.severity === 'error').length };
}
