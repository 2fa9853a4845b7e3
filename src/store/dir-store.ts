/**
 * The compiled artifacts on disk: writing a set of them (manifest last, unchanged files skipped) and a
 * lazy store that reads each file on first use and reports damaged files as CorruptArtifactError.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Category, Section, Tool, ToolSummary } from '../catalog/types.js';
import type { NameIndex } from '../search/index.js';
import { deserializeSearchIndex } from '../search/layout.js';
import { hashText, writeAtomic } from './files.js';
import { lookupShard } from './shards.js';
import { ARTIFACT_FORMAT, type CatalogStore, type Lookup, type Manifest } from './types.js';

/** Writes compiled artifacts into `outDir`, removing tool files that no longer exist. */
export function writeArtifacts(outDir: string, files: Map<string, string | Uint8Array>, previous?: Map<string, string>): number {
  fs.mkdirSync(path.join(outDir, 'tools'), { recursive: true });
  fs.mkdirSync(path.join(outDir, 'lookup'), { recursive: true });
  let written = 0;
  // The manifest goes last: its presence marks a complete set.
  const names = [...files.keys()].filter((n) => n !== 'manifest.json');
  for (const name of names) {
    const text = files.get(name)!;
    if (previous && previous.get(name) === hashText(text) && fs.existsSync(path.join(outDir, name))) continue;
    writeAtomic(path.join(outDir, name), text);
    written++;
  }
  for (const sub of ['tools', 'lookup']) {
    for (const name of fs.readdirSync(path.join(outDir, sub))) {
      if (!files.has(`${sub}/${name}`)) fs.rmSync(path.join(outDir, sub, name), { force: true });
    }
  }
  if (files.has('manifest.json')) writeAtomic(path.join(outDir, 'manifest.json'), files.get('manifest.json')!);
  return written + 1;
}

/** A compiled artifact could not be read: missing, truncated or not JSON. */
export class CorruptArtifactError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`cannot read ${file}: ${reason}`);
  }
}

function readJson<T>(file: string): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CorruptArtifactError(file, (err as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CorruptArtifactError(file, 'not valid JSON (truncated or damaged)');
  }
}

/** A store over a directory of compiled artifacts; each file is read on first use only. */
export function dirStore(dir: string): CatalogStore {
  const memo = new Map<string, unknown>();
  const load = <T>(name: string): T => {
    if (!memo.has(name)) memo.set(name, readJson<T>(path.join(dir, name)));
    return memo.get(name) as T;
  };
  return {
    manifest: () => {
      const m = load<Manifest>('manifest.json');
      if (m.format !== ARTIFACT_FORMAT) throw new CorruptArtifactError(path.join(dir, 'manifest.json'), `format ${m.format}, expected ${ARTIFACT_FORMAT}`);
      return m;
    },
    lookup: () => load<Lookup>('lookup.json'),
    findName: (name) => {
      const shard = `lookup/${lookupShard(name)}.json`;
      if (!memo.has(shard) && !fs.existsSync(path.join(dir, shard))) return null;
      return load<Record<string, string>>(shard)[name] ?? null;
    },
    tool: (id) => load<Tool>(`tools/${id}.json`),
    hasTool: (id) => /^[a-z0-9-]+$/.test(id) && fs.existsSync(path.join(dir, 'tools', `${id}.json`)),
    categories: () => load<Category[]>('categories.json'),
    guide: (id) => load<Record<string, Section[]>>('guides.json')[id] ?? [],
    summaries: () => load<ToolSummary[]>('summaries.json'),
    searchIndex: () => {
      if (!memo.has('search')) {
        try {
          const json = fs.readFileSync(path.join(dir, 'search.json'), 'utf8');
          const terms = fs.readFileSync(path.join(dir, 'terms.txt'), 'utf8');
          memo.set('search', deserializeSearchIndex(json, terms, fs.readFileSync(path.join(dir, 'search.bin'))));
        } catch (err) {
          throw new CorruptArtifactError(path.join(dir, 'search.json'), (err as Error).message);
        }
      }
      return memo.get('search') as ReturnType<CatalogStore['searchIndex']>;
    },
    nameIndex: () => load<NameIndex>('names.json'),
  };
}

