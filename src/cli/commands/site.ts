/** `site OUT`: checks OUT (created, or an existing empty folder), opens the store and has src/site write the static site. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../errors.js';
import type { SiteResult } from '../../site/build.js';
import type { Context } from '../context.js';

export interface SiteOptions {
  graphs?: boolean;
}

/** What a site build reports: the same figures the site builder returns. */
export type SiteCommandResult = SiteResult;

export const SITE_EXAMPLE = 'devops-kb site public';

/** OUT must not exist (it is created) or be an empty folder; anything else is a usage error, exit 2. */
export function checkOutDir(out: string): string {
  const abs = path.resolve(out);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(abs);
  } catch {
    st = undefined;
  }
  if (st && !st.isDirectory()) throw new UsageError(`${out} exists and is not a folder`, { hint: `give a new or empty folder, for example: ${SITE_EXAMPLE}` });
  if (st && fs.readdirSync(abs).length > 0) throw new UsageError(`${out} is not empty; the site is written only into a new or empty folder`, { hint: 'remove it first or choose another folder' });
  return abs;
}

export async function siteCommand(ctx: Context, out: string | undefined, opts: SiteOptions): Promise<SiteCommandResult> {
  if (!out) throw new UsageError('site needs a folder to write into', { hint: `for example: ${SITE_EXAMPLE}` });
  const abs = checkOutDir(out);
  const store = await ctx.store({ refresh: true });
  const { buildSite } = await import('../../site/site-bundle.js');
  fs.mkdirSync(abs, { recursive: true });
  const assets = { dir: path.join(ctx.io.builtinDir, '..', 'site') };
  return buildSite(store, { out: abs, assets, teamDirs: ctx.contentDirs.map((d) => path.resolve(d)), graphs: opts.graphs });
}
