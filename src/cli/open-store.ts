/** Opens the catalog a command reads: the built-in store, or the cached merge with user content. */
import { defaultCacheRoot, openUserCatalog } from '../store/user-cache.js';
import { dirStore } from '../store/dir-store.js';
import { isDirectory } from '../store/files.js';
import type { CatalogStore } from '../store/types.js';
import { brokenFileWarnings, type Context, type StoreOptions } from './context.js';

const warned = new WeakSet<Context>();

/** Opens the built-in catalog, or the cached merge of built-in and user content, and warns about broken notes. */
export async function openStore(ctx: Context, options: StoreOptions = {}): Promise<CatalogStore> {
  if (ctx.io.catalog && ctx.contentDirs.length === 0) return ctx.io.catalog;
  const dirs = ctx.contentDirs.filter((d) => {
    if (isDirectory(d)) return true;
    ctx.warn(`warning: content directory ${d} does not exist; skipped`);
    return false;
  });
  const store = dirs.length === 0 ? dirStore(ctx.io.builtinDir) : (await openUserCatalog(ctx.io.builtinDir, dirs, defaultCacheRoot(ctx.io.env), options.refresh ? undefined : options.quick)).store;
  if (!warned.has(ctx)) {
    warned.add(ctx);
    for (const line of brokenFileWarnings(store.manifest().problems)) ctx.warn(line);
  }
  return store;
}
