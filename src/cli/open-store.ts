/** Opens the catalog a command reads: the built-in store, or the cached merge with user content. */
import { compileInMemory, defaultCacheRoot, openUserCatalog } from '../store/user-cache.js';
import { dirStore } from '../store/dir-store.js';
import { fileExists, isDirectory } from '../store/files.js';
import type { CatalogStore } from '../store/types.js';
import { brokenFileWarnings, type Context, type StoreOptions } from './context.js';

const warned = new WeakSet<Context>();

/** Errors that mean the cache folder cannot be used, not that something is wrong with the notes. */
const UNUSABLE = new Set(['ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'EEXIST', 'ENOSPC', 'EISDIR']);

/** The cached merge of built-in and user notes; compiled in memory, with a warning, when the cache folder is unusable. */
async function userStore(ctx: Context, dirs: string[], options: StoreOptions): Promise<CatalogStore> {
  const cacheRoot = defaultCacheRoot(ctx.io.env);
  try {
    return (await openUserCatalog(ctx.io.builtinDir, dirs, cacheRoot, options.refresh ? undefined : options.quick)).store;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!code || !UNUSABLE.has(code)) throw err;
    const variable = ctx.io.env.XDG_CACHE_HOME ? 'XDG_CACHE_HOME' : 'HOME';
    ctx.warn(`warning: cannot use the cache at ${cacheRoot} (${code}; check ${variable}); reading your notes without a cache`);
    return compileInMemory(ctx.io.builtinDir, dirs);
  }
}

/** Opens the built-in catalog, or the cached merge of built-in and user content, and warns about broken notes. */
export async function openStore(ctx: Context, options: StoreOptions = {}): Promise<CatalogStore> {
  if (ctx.io.catalog && ctx.contentDirs.length === 0) return ctx.io.catalog;
  const dirs = ctx.contentDirs.filter((d) => {
    if (isDirectory(d)) return true;
    ctx.warn(`warning: content directory ${d} ${fileExists(d) ? 'is a file, not a directory' : 'does not exist'}; skipped`);
    return false;
  });
  const store = dirs.length === 0 ? dirStore(ctx.io.builtinDir) : await userStore(ctx, dirs, options);
  if (!warned.has(ctx)) {
    warned.add(ctx);
    for (const line of brokenFileWarnings(store.manifest().problems)) ctx.warn(line);
  }
  return store;
}
