/** `lint`: checks user or shipped notes against the built-in catalog and reports positioned problems. */
import * as path from 'node:path';
import { assembleCatalog } from '../../catalog/assemble.js';
import { dirStore } from '../../store/dir-store.js';
import { SKELETON_MARKERS } from './authoring.js';
import { fileExists, hasMarkdownFiles, isDirectory, shippedContentDir } from '../../store/files.js';
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

export { shippedContentDir };

/** Where a lint argument points: a content folder, or single notes inside one. */
interface Target {
  root: string;
  /** Only these files are reported (a note given by path); null means every note of the root. */
  only: Set<string> | null;
}

function fileTarget(arg: string): Target {
  const file = path.resolve(arg);
  const parent = path.dirname(file);
  if (!['tools', 'categories'].includes(path.basename(parent))) {
    throw new UsageError(`${arg} is not inside a tools/ or categories/ folder`, { hint: 'notes live in DIR/tools/<id>.md and DIR/categories/<id>.md' });
  }
  return { root: path.dirname(parent), only: new Set([file]) };
}

/** A lint argument as a target: a note file, a content folder, or a tools/ or categories/ folder itself. */
function toTarget(arg: string): Target {
  if (fileExists(arg) && !isDirectory(arg)) {
    if (!arg.endsWith('.md')) throw new UsageError(`${arg} is not a note (a .md file)`);
    return fileTarget(arg);
  }
  if (!isDirectory(arg)) throw new UsageError(`no such file or directory: ${arg}`);
  if (isDirectory(path.join(arg, 'tools')) || isDirectory(path.join(arg, 'categories'))) return { root: arg, only: null };
  // `lint notes/tools`: the folder of notes itself; lint its parent, reporting these notes.
  if (['tools', 'categories'].includes(path.basename(path.resolve(arg)))) return { root: path.dirname(path.resolve(arg)), only: null };
  const loose = hasMarkdownFiles(arg);
  throw new UsageError(`${arg} has no tools/ or categories/ folder`, {
    hint: loose ? `it holds .md files directly: notes go in ${path.join(arg, 'tools')}/ (tools) and ${path.join(arg, 'categories')}/ (categories)` : 'give a content folder (with tools/ or categories/) or note files',
  });
}

/**
 * Checks notes in the given folders or files (default: the user content folders, else the shipped notes)
 * against the built-in categories and tools, so references to built-in ids are valid. Checking nothing is
 * a usage error, so a wrong path in a pre-commit hook does not pass silently.
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

export async function lintCommand(ctx: Context, args: string[], opts: LintOptions = {}): Promise<LintResult> {
  const stale = parseStale(opts.stale);
  const targets = (args.length ? args : ctx.contentDirs.length ? ctx.contentDirs : [shippedContentDir(ctx.io.builtinDir)]).map(toTarget);
  // The shipped notes are a whole catalog: checked on their own, not against their compiled copy.
  const shipped = targets.length === 1 && path.resolve(targets[0]!.root) === path.resolve(shippedContentDir(ctx.io.builtinDir));
  const builtin = dirStore(ctx.io.builtinDir);
  const layers: Layer[] = shipped ? [] : [{
    name: 'built-in',
    builtin: true,
    tools: builtin.summaries().map((s) => ({ ...s, sections: [], wordCount: 0, positions: {} })),
    categories: builtin.categories(),
  }];
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const target of targets) {
    const { layer, problems: found } = await loadLayer(target.root);
    layers.push(layer);
    const mine = (file: string) => target.only === null || target.only.has(path.resolve(file));
    problems.push(...found.filter((p) => mine(p.file)));
    for (const n of [...layer.tools, ...layer.categories]) if (mine(n.path)) reported.add(n.path);
    for (const p of found) if (mine(p.file)) reported.add(p.file);
  }
  if (reported.size === 0) throw new UsageError(`nothing to lint in ${args.length ? args.join(', ') : 'the content folders'}`, { hint: 'notes are DIR/tools/<id>.md and DIR/categories/<id>.md' });
  const assembled = assembleCatalog(layers);
  problems.push(...assembled.problems.filter((p) => reported.has(p.file)));
  for (const layer of layers.filter((l) => !l.builtin && !shipped)) {
    for (const t of layer.tools) {
      if (!reported.has(t.path)) continue;
      if (t.summary.includes(SKELETON_MARKERS[0]!) || t.sections.some((x) => x.markdown.includes(SKELETON_MARKERS[2]!))) {
        problems.push({ file: t.path, line: t.positions.summary?.[0] ?? 2, column: 1, severity: 'warning', message: 'still holds the skeleton text of `devops-kb new`', hint: 'write the summary and sections in your own words' });
      }
    }
  }
  if (stale !== undefined) {
    const notes = layers.filter((l) => !l.builtin).flatMap((l) => l.tools).filter((t) => reported.has(t.path)).map((t) => ({ path: t.path, verified: t.verified, position: t.positions.verified }));
    problems.push(...staleProblems(notes, stale, opts.today ?? new Date()));
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, files: reported.size, errors: problems.filter((p) => p.severity === 'error').length };
}
