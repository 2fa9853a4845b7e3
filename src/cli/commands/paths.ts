/** `paths`: the files and folders in effect (built-in catalog, content folders, cache, config) and overrides. */
import * as path from 'node:path';
import { dirStore } from '../../store/dir-store.js';
import { isDirectory, listNoteFiles, shippedContentDir } from '../../store/files.js';
import { defaultCacheRoot } from '../../store/user-cache.js';
import { configFiles } from '../config.js';
import type { Context } from '../context.js';

export interface PathsResult {
  builtinCatalog: string;
  shippedNotes: string;
  contentDirs: { dir: string; from: 'DEVOPS_KB_PATH' | 'config' | '--content'; exists: boolean; notes: number }[];
  cache: string;
  config: { file: string | null; searched: string[] };
  /** User notes that replace a built-in note of the same id. */
  overrides: { id: string; file: string }[];
}

export async function pathsCommand(ctx: Context, flagDirs: string[]): Promise<PathsResult> {
  const env = ctx.io.env;
  const from = (dir: string): PathsResult['contentDirs'][number]['from'] =>
    flagDirs.includes(dir) ? '--content' : env.DEVOPS_KB_PATH !== undefined ? 'DEVOPS_KB_PATH' : 'config';
  const builtin = dirStore(ctx.io.builtinDir);
  const overrides: PathsResult['overrides'] = [];
  const contentDirs = ctx.contentDirs.map((dir) => {
    const exists = isDirectory(dir);
    const notes = exists ? listNoteFiles(dir) : [];
    for (const n of notes) {
      const id = path.basename(n.file, '.md');
      if (n.kind === 'tool' && builtin.hasTool(id)) overrides.push({ id, file: n.file });
    }
    return { dir: path.resolve(dir), from: from(dir), exists, notes: notes.length };
  });
  return {
    builtinCatalog: path.resolve(ctx.io.builtinDir),
    shippedNotes: shippedContentDir(ctx.io.builtinDir),
    contentDirs,
    cache: defaultCacheRoot(env),
    config: { file: ctx.config.file ?? null, searched: configFiles(env) },
    overrides,
  };
}

export function renderPaths(p: PathsResult): string {
  const lines = [
    `built-in catalog  ${p.builtinCatalog}`,
    `shipped notes     ${p.shippedNotes}`,
    `config file       ${p.config.file ?? `none (looked for ${p.config.searched[0]})`}`,
    `cache             ${p.cache}`,
    `content folders   ${p.contentDirs.length ? '' : 'none (set DEVOPS_KB_PATH, content in the config file, or --content)'}`.trimEnd(),
    ...p.contentDirs.map((d) => `  ${d.dir}  (${d.from}; ${d.exists ? `${d.notes} notes` : 'missing'})`),
  ];
  if (p.overrides.length) lines.push('overrides', ...p.overrides.map((o) => `  ${o.id}  replaced by ${o.file}`));
  return `${lines.join('\n')}\n`;
}
