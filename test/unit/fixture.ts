import * as path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { assembleCatalog } from '../../src/catalog/assemble.js';
import { parseCategoryNote, parseToolNote, type ParsedCategoryNote, type ParsedToolNote } from '../../src/catalog/note.js';
import type { Catalog } from '../../src/catalog/types.js';
import { FIXTURES } from '../helpers.js';

/** The small fixture catalog in test/fixtures/mini, parsed and assembled in memory. */
export function miniCatalog(): Catalog {
  const dir = path.join(FIXTURES, 'mini');
  const read = (sub: string) => readdirSync(path.join(dir, sub)).map((f) => [`${sub}/${f}`, readFileSync(path.join(dir, sub, f), 'utf8')] as const);
  const tools = read('tools').map(([f, t]) => parseToolNote(t, f).note as ParsedToolNote);
  const categories = read('categories').map(([f, t]) => parseCategoryNote(t, f).note as ParsedCategoryNote);
  const { catalog, problems } = assembleCatalog([{ name: 'mini', tools, categories }]);
  if (problems.length) throw new Error(`fixture problems: ${JSON.stringify(problems)}`);
  return catalog;
}
