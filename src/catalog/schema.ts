/** Validates tool and category frontmatter against the note format, with positions and hints for every problem. */
import { parseEvents } from './events.js';
import { locateKey } from './frontmatter.js';
import type { SplitNote } from './frontmatter.js';
import {
  FACET_TYPES, HOSTINGS, STATUSES,
  type Category, type FacetDef, type FacetType, type Hosting, type Problem, type Status, type Tool,
} from './types.js';

/** Positions of keys inside the frontmatter, kept so cross-note checks can point at the right line. */
export type Positions = Record<string, [number, number]>;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SUMMARY_MAX = 160;

export const TOOL_FIELDS = [
  'id', 'name', 'category', 'also', 'aliases', 'summary', 'pickWhen', 'homepage', 'repo', 'license', 'licenseNote',
  'language', 'firstRelease', 'maintainer', 'hosting', 'tags', 'status', 'statusSince', 'replacedBy', 'verified',
  'facets', 'related', 'sources', 'events',
] as const;
const RELATION_KEYS = ['alternatives', 'uses', 'integrates'] as const;
const CATEGORY_FIELDS = ['id', 'name', 'summary', 'facets'] as const;

/** Collects problems for one note, positioned by key path. */
class Checker {
  readonly problems: Problem[] = [];
  /** Set when the note cannot become an entry at all (no id, wrong id, no category...). */
  fatal = false;
  /** The frontmatter's lines, split once: every field of every note is located (10,000 team notes make it count). */
  private lines: string[] | undefined;
  constructor(readonly note: SplitNote, readonly file: string) {}

  at(path: (string | number)[]): [number, number] {
    const p = locateKey((this.lines ??= this.note.yaml.split('\n')), path, this.note.yamlStartLine);
    return [p.line, p.column];
  }

  /** The text written after `key:` on the line of a key path, unquoted, or null. */
  rawScalar(path: (string | number)[]): string | null {
    const [line] = this.at(path);
    const text = this.note.yaml.split('\n')[line - this.note.yamlStartLine] ?? '';
    const key = path[path.length - 1];
    const m = new RegExp(`^\\s*(?:- )?${String(key)}\\s*:\\s*(.*?)\\s*(?:#.*)?$`).exec(text);
    return m ? m[1]!.replace(/^(["'])(.*)\1$/, '$2') : null;
  }

  /** Reports a problem that makes the note unusable: it is skipped. */
  fail(path: (string | number)[], message: string, hint: string): void {
    this.fatal = true;
    this.report(path, message, hint);
  }

  report(path: (string | number)[], message: string, hint: string, severity: Problem['severity'] = 'error'): void {
    const [line, column] = this.at(path);
    this.problems.push({ file: this.file, line, column, severity, message, hint });
  }

  string(key: string, required: boolean): string | null {
    const v = this.note.data[key];
    if (v === undefined || v === null || v === '') {
      if (required) this.fail([], `missing required field \`${key}\``, `add \`${key}: ...\` to the frontmatter`);
      return null;
    }
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    this.report([key], `\`${key}\` must be a single line of text, not a ${Array.isArray(v) ? 'list' : 'mapping'}`, `write \`${key}: some text\``);
    return null;
  }

  list(key: string, source: Record<string, unknown> = this.note.data, path: (string | number)[] = [key]): string[] {
    const v = source[key];
    if (v === undefined || v === null) return [];
    const items = Array.isArray(v) ? v : [v];
    const out: string[] = [];
    items.forEach((item, i) => {
      if (typeof item === 'string' || typeof item === 'number') {
        if (String(item).trim() !== '') out.push(String(item).trim());
      } else {
        this.report([...path, i], `\`${path.join('.')}\` must be a list of strings`, `write \`${key}: [a, b]\` or one \`- item\` per line`);
      }
    });
    return out;
  }

  ids(key: string, source?: Record<string, unknown>, path?: (string | number)[]): string[] {
    const p = path ?? [key];
    return this.list(key, source, p).filter((id, i) => {
      if (ID_PATTERN.test(id)) return true;
      this.report([...p, i], `\`${id}\` in \`${p.join('.')}\` is not a valid id`, 'ids are lower-case kebab-case, like `docker-compose`');
      return false;
    });
  }

  year(key: string): number | 'unknown' | null {
    const v = this.note.data[key];
    if (v === undefined || v === null) return null;
    if (v === 'unknown') return 'unknown';
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1950 && v <= 2100) return v;
    this.report([key], `\`${key}\` must be a four-digit year or \`unknown\`, got ${JSON.stringify(v)}`, `write \`${key}: 2014\``);
    return null;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | null {
    const v = this.note.data[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.report([key], `\`${key}\` must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}`, `write \`${key}: ${allowed[0]}\``);
    return null;
  }

  url(key: string): string | null {
    const v = this.string(key, false);
    if (v === null) return null;
    if (/^https?:\/\/\S+$/.test(v)) return v;
    this.report([key], `\`${key}\` must be an http(s) URL, got ${JSON.stringify(v)}`, `write \`${key}: https://...\` or \`${key}: null\``);
    return null;
  }

  unknownFields(known: readonly string[]): void {
    for (const key of Object.keys(this.note.data)) {
      if (!known.includes(key)) {
        this.report([key], `unknown field \`${key}\``, `known fields: ${known.join(', ')}`, 'warning');
      }
    }
  }

  mapping(key: string): Record<string, unknown> {
    const v = this.note.data[key];
    if (v === undefined || v === null) return {};
    if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    this.report([key], `\`${key}\` must be a mapping of \`key: value\` lines`, `indent the entries under \`${key}:\``);
    return {};
  }
}

export type ParsedTool = Omit<Tool, 'sections' | 'wordCount' | 'path'> & { positions: Positions };

function checkId(c: Checker, fileId: string | undefined, id: string | null): void {
  if (id === null) return;
  if (!ID_PATTERN.test(id)) {
    c.fail(['id'], `id \`${id}\` is not kebab-case`, 'use lower-case letters, digits and single hyphens, like `docker-compose`');
  } else if (fileId !== undefined && id !== fileId) {
    c.fail(['id'], `id \`${id}\` differs from the file name \`${fileId}.md\``, `rename the file to \`${id}.md\` or set \`id: ${fileId}\``);
  }
}

/** Validates a tool note's frontmatter on its own (cross-note checks happen when the catalog is assembled). */
export function validateToolFrontmatter(note: SplitNote, file: string, fileId?: string): { tool: ParsedTool | null; problems: Problem[] } {
  const c = new Checker(note, file);
  c.unknownFields(TOOL_FIELDS);
  const id = c.string('id', true);
  const name = c.string('name', true);
  const category = c.string('category', true);
  const summary = c.string('summary', true);
  checkId(c, fileId, id);
  if (!id || !name || !category || !summary) c.fatal = true;
  if (summary !== null && summary.length > SUMMARY_MAX) {
    c.report(['summary'], `summary is ${summary.length} characters; the limit is ${SUMMARY_MAX}`, 'say what the tool is in one short sentence; details go in the body', 'warning');
  }
  if (category !== null && !ID_PATTERN.test(category)) {
    c.fail(['category'], `category \`${category}\` is not a valid category id`, 'use a category id such as `configuration-management` (`devops-kb categories` lists them)');
  }
  const status = c.oneOf<Status>('status', STATUSES) ?? 'active';
  const statusSince = c.year('statusSince');
  const replacedBy = c.list('replacedBy');
  if ((status === 'deprecated' || status === 'archived') && replacedBy.length === 0) {
    c.report(['status'], `${status === 'archived' ? 'an' : 'a'} ${status} tool should name its successor in \`replacedBy\``, 'add `replacedBy: [successor-id]` (or the successor\'s name when it is not in the catalog)', 'warning');
  }
  const facetsRaw = c.mapping('facets');
  const relatedRaw = c.mapping('related');
  for (const key of Object.keys(relatedRaw)) {
    if (!(RELATION_KEYS as readonly string[]).includes(key)) {
      c.report(['related', key], `unknown relation \`related.${key}\``, `relations are ${RELATION_KEYS.join(', ')}`, 'warning');
    }
  }
  const related = {
    alternatives: c.ids('alternatives', relatedRaw, ['related', 'alternatives']),
    uses: c.ids('uses', relatedRaw, ['related', 'uses']),
    integrates: c.ids('integrates', relatedRaw, ['related', 'integrates']),
  };
  const positions: Positions = {};
  for (const key of ['id', 'name', 'category', 'also', 'aliases', 'verified']) positions[key] = c.at([key]);
  c.list('aliases').forEach((_, i) => (positions[`aliases.${i}`] = c.at(['aliases', i])));
  c.list('also').forEach((_, i) => (positions[`also.${i}`] = c.at(['also', i])));
  for (const key of Object.keys(facetsRaw)) positions[`facets.${key}`] = c.at(['facets', key]);
  for (const rel of RELATION_KEYS) related[rel].forEach((_, i) => (positions[`related.${rel}.${i}`] = c.at(['related', rel, i])));

  const sources = c.list('sources').filter((s, i) => {
    if (/^https?:\/\/\S+$/.test(s)) return true;
    c.report(['sources', i], `source ${JSON.stringify(s)} is not an http(s) URL`, 'list the URLs where the facts were checked', 'warning');
    return false;
  });
  const firstRelease = c.year('firstRelease');
  const tool: ParsedTool = {
    id: id ?? '',
    name: name ?? '',
    category: category ?? '',
    also: c.ids('also'),
    categories: [],
    aliases: c.list('aliases'),
    summary: summary ?? '',
    pickWhen: c.string('pickWhen', false),
    homepage: c.url('homepage'),
    repo: c.url('repo'),
    license: c.string('license', false),
    licenseNote: c.string('licenseNote', false),
    language: c.list('language'),
    firstRelease,
    maintainer: c.string('maintainer', false),
    hosting: c.oneOf<Hosting>('hosting', HOSTINGS),
    tags: c.list('tags').map((t) => t.toLowerCase()),
    status,
    statusSince: statusSince === 'unknown' ? null : statusSince,
    replacedBy,
    verified: c.string('verified', false),
    facets: facetsRaw as Tool['facets'],
    related,
    sources,
    events: parseEvents(c.note.data.events, (path, message, hint, severity) => c.report(path, message, hint, severity), (path) => c.rawScalar(path)),
    positions,
  };
  tool.categories = [tool.category, ...tool.also.filter((a) => a !== tool.category)];
  return { tool: c.fatal ? null : tool, problems: c.problems };
}

export type ParsedCategory = Omit<Category, 'sections' | 'path'>;

/** Validates a category note's frontmatter, including its facet definitions. */
export function validateCategoryFrontmatter(note: SplitNote, file: string, fileId?: string): { category: ParsedCategory | null; problems: Problem[] } {
  const c = new Checker(note, file);
  c.unknownFields(CATEGORY_FIELDS);
  const id = c.string('id', true);
  const name = c.string('name', true);
  const summary = c.string('summary', true);
  checkId(c, fileId, id);
  if (!id || !name || !summary) c.fatal = true;
  const raw = note.data.facets;
  const facets: FacetDef[] = [];
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
    c.report(['facets'], '`facets` must be a list of facet definitions', 'write one `- key: ..., label: ..., type: ...` entry per facet');
  }
  const seen = new Set<string>();
  (Array.isArray(raw) ? raw : []).forEach((f: unknown, i: number) => {
    const at = ['facets', i];
    if (f === null || typeof f !== 'object' || Array.isArray(f)) {
      c.report(at, 'a facet must be a mapping with key, label and type', 'write `- { key: agent, label: Agent, type: bool }`');
      return;
    }
    const def = f as Record<string, unknown>;
    const key = typeof def.key === 'string' ? def.key : '';
    const type = def.type as FacetType;
    if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) {
      c.report(at, `facet key ${JSON.stringify(def.key ?? null)} must be camelCase`, 'use a key such as `configLanguage`');
      return;
    }
    if (seen.has(key)) {
      c.report(at, `facet \`${key}\` is defined twice`, 'keep one definition per key');
      return;
    }
    if (!FACET_TYPES.includes(type)) {
      c.report(at, `facet \`${key}\` has type ${JSON.stringify(def.type ?? null)}; expected one of ${FACET_TYPES.join(', ')}`, 'set `type: enum` (with `values`), `bool`, `year`, `text` or `list`');
      return;
    }
    const values = Array.isArray(def.values) ? def.values.map(String) : undefined;
    if (type === 'enum' && (!values || values.length === 0)) {
      c.report(at, `enum facet \`${key}\` lists no values`, 'add `values: [a, b, c]`');
      return;
    }
    seen.add(key);
    facets.push({
      key,
      label: typeof def.label === 'string' && def.label.trim() ? def.label.trim() : key,
      type,
      ...(type === 'enum' && values ? { values } : {}),
      ...(typeof def.question === 'string' ? { question: def.question } : {}),
    });
  });
  return { category: c.fatal ? null : { id: id ?? '', name: name ?? '', summary: summary ?? '', facets }, problems: c.problems };
}
