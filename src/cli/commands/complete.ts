/**
 * `__complete WORDS...`: the candidates for the last word of a command line, one "value<TAB>description"
 * per line, or a directive (":dirs", ":files") that the shell script turns into its own path completion.
 * The completion scripts call it on every TAB, so user notes and facets are always current.
 */
import type { CatalogStore } from '../../store/types.js';
import type { Context } from '../context.js';

export interface Candidate {
  value: string;
  description: string;
}

/** What completion needs to know of the program: commands, their flags, and the global flags. */
export interface CommandSpec {
  name: string;
  description: string;
  flags: { names: string[]; takesValue: boolean; description: string }[];
}

export type Completion = Candidate[] | ':dirs' | ':files';

const TOOL_COMMANDS = new Set(['show', 'compare', 'related', 'graph', 'open', 'edit', 'stack', 'timeline']);
const FORMATS: Record<string, string[]> = { compare: ['table', 'markdown', 'json'], graph: ['text', 'mermaid', 'dot'], list: ['text', 'tsv'] };
const SECTIONS = ['overview', 'how it works', 'strengths', 'weaknesses', 'when to use it', 'when to look elsewhere'];

function starting(cands: Candidate[], cur: string): Candidate[] {
  const c = cur.toLowerCase();
  return cands.filter((x) => x.value.toLowerCase().startsWith(c));
}

/** Tool ids first ("kubernetes  Kubernetes (orchestration)"), then aliases when few ids match. */
function tools(store: CatalogStore, cur: string): Candidate[] {
  const sums = store.summaries();
  const ids = starting(sums.map((t) => ({ value: t.id, description: `${t.name} (${t.category})` })), cur);
  if (ids.length >= 10 || cur === '') return ids;
  const aliases = sums.flatMap((t) => t.aliases.filter((a) => !/\s/.test(a)).map((a) => ({ value: a, description: `alias of ${t.id}` })));
  return [...ids, ...starting(aliases, cur).filter((a) => !ids.some((i) => i.value === a.value))];
}

function categories(store: CatalogStore, cur: string): Candidate[] {
  return starting(store.categories().map((c) => ({ value: c.id, description: c.name })), cur);
}

/** `KEY=` for facet keys, then `KEY=VALUE` for enum and bool values once a key is typed. */
function needs(store: CatalogStore, category: string | undefined, cur: string): Candidate[] {
  const cats = store.categories().filter((c) => category === undefined || c.id === category);
  const eq = cur.indexOf('=');
  if (eq < 0) {
    const keys = new Map<string, string>();
    for (const c of cats) for (const f of c.facets) if (!keys.has(f.key)) keys.set(f.key, f.label);
    for (const k of ['license', 'language', 'firstRelease', 'maintainer', 'hosting', 'status']) if (!keys.has(k)) keys.set(k, 'common fact');
    return starting([...keys].map(([k, label]) => ({ value: `${k}=`, description: label })), cur);
  }
  const key = cur.slice(0, eq);
  const values = new Set<string>();
  for (const c of cats) {
    for (const f of c.facets.filter((x) => x.key === key)) {
      for (const v of f.type === 'enum' ? f.values ?? [] : f.type === 'bool' ? ['true', 'false', 'partial', 'paid-only'] : []) values.add(v);
    }
  }
  if (key === 'status') ['active', 'maintenance', 'deprecated', 'archived'].forEach((v) => values.add(v));
  if (key === 'hosting') ['self-hosted', 'saas', 'both'].forEach((v) => values.add(v));
  return starting([...values].map((v) => ({ value: `${key}=${v}`, description: key })), cur);
}

/**
 * Candidates for the last of `words` (the words after the program name; the last may be empty).
 * `spec` describes the program; `topics` are the help topics.
 */
export async function completeCommand(ctx: Context, words: string[], spec: { commands: CommandSpec[]; global: CommandSpec['flags'] }, topics: string[]): Promise<Completion> {
  const cur = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const prev = before[before.length - 1] ?? '';
  const cmdName = before.find((w) => !w.startsWith('-'));
  const cmd = spec.commands.find((c) => c.name === cmdName);
  const flags = [...(cmd?.flags ?? []), ...spec.global];
  const flag = flags.find((f) => f.names.includes(prev));
  const store = () => ctx.store();
  if (flag?.takesValue) {
    if (['--content', '--dir'].includes(prev)) return ':dirs';
    if (['--category', '-c'].includes(prev)) return categories(await store(), cur);
    if (prev === '--color') return starting(['auto', 'always', 'never'].map((v) => ({ value: v, description: 'colour' })), cur);
    if (['--format', '-f'].includes(prev)) return starting((FORMATS[cmdName ?? ''] ?? []).map((v) => ({ value: v, description: 'format' })), cur);
    if (['--section', '-s'].includes(prev)) return starting(SECTIONS.map((v) => ({ value: v, description: 'section' })), cur);
    if (['--need', '--where', '-w'].includes(prev)) {
      const positional = before.filter((w, i) => !w.startsWith('-') && !flags.find((f) => f.takesValue && f.names.includes(before[i - 1] ?? '')));
      const cat = cmdName === 'choose' ? positional[1] : before[before.indexOf('--category') + 1] ?? (before.includes('-c') ? before[before.indexOf('-c') + 1] : undefined);
      return needs(await store(), cat, cur);
    }
    return [];
  }
  if (cur.startsWith('-')) return starting(flags.flatMap((f) => f.names.filter((n) => n.startsWith('--')).map((n) => ({ value: n, description: f.description }))), cur);
  if (!cmd) {
    if (cmdName === 'help') return starting([...topics.map((t) => ({ value: t, description: 'help topic' })), ...spec.commands.map((c) => ({ value: c.name, description: c.description }))], cur);
    return starting(spec.commands.map((c) => ({ value: c.name, description: c.description })), cur);
  }
  if (cmdName === 'lint') return ':files';
  if (cmdName === 'completion') return starting(['bash', 'zsh', 'fish'].map((v) => ({ value: v, description: 'shell' })), cur);
  if (cmdName === 'choose' || cmdName === 'categories') return categories(await store(), cur);
  if (cmdName === 'new') return [];
  if (TOOL_COMMANDS.has(cmdName!)) return tools(await store(), cur);
  return [];
}

/** The lines `__complete` prints: a directive alone, or value<TAB>description (descriptions on one line). */
export function completionLines(c: Completion): string {
  if (typeof c === 'string') return `${c}\n`;
  return c.map((x) => `${x.value}\t${x.description.replace(/[\t\n]/g, ' ')}\n`).join('');
}
