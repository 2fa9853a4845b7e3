/** `stack`: audits the tools a team runs (named, or read from a stack file) against the catalog. */
import * as fs from 'node:fs';
import { auditStack, DEFAULT_PROFILE, type StackReport } from '../../catalog/stack.js';
import { parseStackFile } from '../../catalog/stack-file.js';
import { UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { resolveCategory, resolveToolId } from '../resolve.js';

export interface StackOptions {
  file?: string;
  /** The date licence changes are measured from (defaults to now). */
  today?: Date;
}

function readStackFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read stack file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { hint: 'give a file with one tool per line, or YAML: a list or {tools: [...], profile: [...]}' });
  }
}

export async function stackCommand(ctx: Context, names: string[], opts: StackOptions): Promise<StackReport> {
  const fromFile = opts.file ? parseStackFile(readStackFile(opts.file), opts.file) : { tools: [], profile: null };
  const all = [...names, ...fromFile.tools];
  if (all.length === 0) {
    throw new UsageError(opts.file ? `no tools in ${opts.file}` : 'stack needs the tools you run, or --file FILE', { hint: 'for example: devops-kb stack argo-cd flux vault prometheus loki' });
  }
  const full = await ctx.store();
  const ids = all.map((n) => resolveToolId(full, n));
  const categories = full.categories();
  const profile = fromFile.profile ? [...new Set(fromFile.profile.map((c) => resolveCategory(categories, c).id))] : DEFAULT_PROFILE;
  return auditStack(ids, full.summaries(), categories, profile, opts.today ?? new Date());
}
