/** Assembles parsed notes from ordered layers (built-in, then user folders) into one catalog: overrides, duplicates, category checks, typed facets and known relations. */
import { checkFacetValue } from './facets.js';
import type { ParsedCategoryNote, ParsedToolNote } from './note.js';
import type { Positions } from './schema.js';
import type { Catalog, Category, FacetDef, Problem, Tool } from './types.js';
import { closest, compareStrings } from '../text/names.js';
import { nameProblems } from './names-check.js';

/** One content directory's parsed notes. Later layers override earlier ones by id. */
export interface Layer {
  name: string;
  /** The shipped catalog: user layers may override its ids without complaint. */
  builtin?: boolean;
  tools: ParsedToolNote[];
  categories: ParsedCategoryNote[];
}

export interface AssembleResult {
  catalog: Catalog;
  problems: Problem[];
}

function at(file: string, positions: Positions, key: string, message: string, hint: string, severity: Problem['severity'] = 'error'): Problem {
  const [line, column] = positions[key] ?? [2, 1];
  return { file, line, column, severity, message, hint };
}

function mergeById<T extends { id: string; path: string }>(layers: { notes: T[]; builtin: boolean }[], kind: string, problems: Problem[]): Map<string, T> {
  const merged = new Map<string, T>();
  const fromUser = new Map<string, T>();
  for (const { notes, builtin } of layers) {
    const inLayer = new Map<string, T>();
    for (const note of notes) {
      const first = inLayer.get(note.id);
      if (first) {
        problems.push({ file: note.path, line: 2, column: 1, severity: 'error', skipped: true, message: `duplicate ${kind} id \`${note.id}\` (also in ${first.path})`, hint: 'give each note a unique id; this copy is skipped' });
        continue;
      }
      const earlier = fromUser.get(note.id);
      if (!builtin && earlier) {
        problems.push({ file: note.path, line: 2, column: 1, severity: 'error', message: `duplicate ${kind} id \`${note.id}\` (also in ${earlier.path}); this later one wins`, hint: 'keep one note per id across your content directories (overriding a built-in note is fine)' });
      }
      inLayer.set(note.id, note);
      if (!builtin) fromUser.set(note.id, note);
      merged.set(note.id, note); // a later directory overrides an earlier one on purpose
    }
  }
  return merged;
}

/**
 * Cross-note checks and overrides: categories exist, facets match their definitions, relations point at real ids.
 * `knownToolIds` are tools outside these layers that relations may name (an incremental update assembles only
 * the notes that changed).
 */
export function assembleCatalog(layers: Layer[], knownToolIds?: Set<string>): AssembleResult {
  const problems: Problem[] = [];
  const categoryMap = mergeById(layers.map((l) => ({ notes: l.categories, builtin: Boolean(l.builtin) })), 'category', problems);
  const toolMap = mergeById(layers.map((l) => ({ notes: l.tools, builtin: Boolean(l.builtin) })), 'tool', problems);
  const categories: Category[] = [...categoryMap.values()].map((c) => ({ id: c.id, name: c.name, summary: c.summary, facets: c.facets, sections: c.sections, path: c.path }));
  const categoryIds = [...categoryMap.keys()];
  const toolIds = new Set([...(knownToolIds ?? []), ...toolMap.keys()]);
  const tools: Tool[] = [];

  for (const note of toolMap.values()) {
    const { positions, ...rest } = note;
    const file = note.path;
    if (!categoryMap.has(note.category)) {
      const near = closest(note.category, categoryIds, 3);
      problems.push({ ...at(file, positions, 'category', `unknown category \`${note.category}\``, near.length ? `did you mean ${near.join(', ')}? (\`devops-kb categories\` lists them)` : 'use an id from `devops-kb categories`, or add a category note'), skipped: true });
      continue;
    }
    const also = note.also.filter((id, i) => {
      if (categoryMap.has(id)) return true;
      problems.push(at(file, positions, `also.${i}`, `unknown category \`${id}\` in \`also\``, 'use an id from `devops-kb categories`'));
      return false;
    });
    const defs = new Map<string, FacetDef>();
    for (const cid of [note.category, ...also]) {
      for (const def of categoryMap.get(cid)?.facets ?? []) if (!defs.has(def.key)) defs.set(def.key, def);
    }
    const facets: Tool['facets'] = {};
    for (const [key, raw] of Object.entries(note.facets)) {
      const def = defs.get(key);
      if (!def) {
        const near = closest(key, [...defs.keys()], 3);
        problems.push(at(file, positions, `facets.${key}`, `facet \`${key}\` is not defined by ${[note.category, ...also].join(' or ')}`, near.length ? `did you mean ${near.join(', ')}?` : `defined facets: ${[...defs.keys()].join(', ')}`));
        continue;
      }
      const checked = checkFacetValue(def, raw);
      if (checked.ok) facets[key] = checked.value;
      else problems.push(at(file, positions, `facets.${key}`, checked.message, checked.hint));
    }
    const related: Tool['related'] = { alternatives: [], uses: [], integrates: [] };
    for (const rel of ['alternatives', 'uses', 'integrates'] as const) {
      note.related[rel].forEach((id, i) => {
        if (id === note.id) {
          problems.push(at(file, positions, `related.${rel}.${i}`, `\`related.${rel}\` names the note itself`, 'remove it', 'warning'));
        } else if (!toolIds.has(id)) {
          const near = closest(id, [...toolIds], 3);
          problems.push(at(file, positions, `related.${rel}.${i}`, `unknown tool \`${id}\` in \`related.${rel}\``, near.length ? `did you mean ${near.join(', ')}?` : 'use ids from `devops-kb list`'));
        } else if (!related[rel].includes(id)) {
          related[rel].push(id);
        }
      });
    }
    tools.push({ ...rest, also, categories: [note.category, ...also], facets, related });
  }
  problems.push(...nameProblems([...toolMap.values()], layers.filter((l) => l.builtin).flatMap((l) => l.tools)));
  // Ids are [a-z0-9-], where code-unit order is the locale's: no ICU collator to start (5 ms per edit of a team note).
  tools.sort((a, b) => compareStrings(a.id, b.id));
  categories.sort((a, b) => compareStrings(a.id, b.id));
  return { catalog: { tools, categories }, problems };
}
