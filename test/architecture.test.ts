/**
 * The layering holds: each layer imports only the layers below it (see ARCHITECTURE.md), no source file
 * is over 350 lines, and each file opens with a comment saying its one job.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = path.join(ROOT, 'src');

/** Layer -> layers it must never import. Layers not listed as keys may import anything below cli. */
const FORBIDDEN: Record<string, string[]> = {
  text: ['catalog', 'search', 'store', 'render', 'site', 'cli'],
  catalog: ['search', 'store', 'render', 'site', 'cli'],
  search: ['store', 'render', 'site', 'cli'],
  render: ['store', 'site', 'cli'],
  store: ['render', 'site', 'cli'],
  site: ['cli'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.(ts|mjs|cjs)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** The first folder under src/ of a file, or '' for files directly in src/ (errors.ts). */
function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0]! : '';
}

/** Relative module specifiers of static imports, re-exports and dynamic imports. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

export function violations(files: { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of files) {
    const from = layerOf(file);
    for (const spec of importsOf(text)) {
      const to = layerOf(path.resolve(path.dirname(file), spec));
      if (FORBIDDEN[from]?.includes(to)) found.push(`${path.relative(ROOT, file)} (${from}) imports ${spec} (${to})`);
    }
  }
  return found;
}

const files = sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('architecture', () => {
  it('finds a forbidden import when there is one', () => {
    const fake = [
      { file: path.join(SRC, 'catalog', 'x.ts'), text: "import { a } from '../search/index.js';\nconst m = await import('../store/pipeline.js');" },
      { file: path.join(SRC, 'search', 'y.ts'), text: "export { b } from '../render/show.js';\nimport type { C } from '../catalog/types.js';" },
    ];
    expect(violations(fake)).toEqual([
      'src/catalog/x.ts (catalog) imports ../search/index.js (search)',
      'src/catalog/x.ts (catalog) imports ../store/pipeline.js (store)',
      'src/search/y.ts (search) imports ../render/show.js (render)',
    ]);
  });

  it('has no layer importing what it must not', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(violations(files)).toEqual([]);
  });

  it('keeps every source file at 350 lines or fewer', () => {
    const long = files.filter((f) => f.text.split('\n').length > 350).map((f) => path.relative(ROOT, f.file));
    expect(long).toEqual([]);
  });

  it('opens every TypeScript file with a comment saying its job', () => {
    const bare = files.filter((f) => f.file.endsWith('.ts') && !/^\s*(\/\*\*|\/\/|\/\*)/.test(f.text)).map((f) => path.relative(ROOT, f.file));
    expect(bare).toEqual([]);
  });
});
