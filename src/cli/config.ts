/**
 * The user's config file: $XDG_CONFIG_HOME/devops-kb/config.toml (or config.yaml / config.yml), flat
 * keys only. Precedence everywhere: flags > environment > config file > defaults; for the pager, as in
 * git: --pager > DEVOPS_KB_PAGER > config `pager` > PAGER > `less -R`.
 */
import { UsageError } from '../errors.js';
import type { Io } from './io.js';

export interface Config {
  /** auto | always | never */
  color?: string;
  /** A pager command, or "" / false for none. */
  pager?: string | false;
  /** Content folders used when DEVOPS_KB_PATH is not set. */
  content?: string[];
  /** Default number of search results. */
  limit?: number;
  /** Where it was read from, for `paths` and error messages. */
  file?: string;
}

export const CONFIG_KEYS = ['color', 'pager', 'content', 'limit'] as const;

const builtin = <T>(name: string): T => (process.getBuiltinModule ? process.getBuiltinModule(name) : require(name)) as T;

/** Candidate config files, first existing one wins. */
export function configFiles(env: Io['env']): string[] {
  const home = env.HOME ?? '';
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : `${home}/.config`;
  return ['config.toml', 'config.yaml', 'config.yml'].map((f) => `${base}/devops-kb/${f}`);
}

/** Parses one scalar or flow list: "text", 'text', bare text, true/false, numbers, [a, "b"]. */
function parseValue(raw: string): string | number | boolean | string[] {
  const v = raw.trim();
  if (v.startsWith('[') && v.endsWith(']')) {
    return v
      .slice(1, -1)
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '')
      .map((x) => String(parseValue(x)));
  }
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return v.slice(1, -1);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+$/.test(v)) return Number(v);
  return v;
}

/** Reads `key = value` (TOML) or `key: value` (YAML) lines, `#` comments, and YAML block lists. */
export function parseConfig(text: string, file: string): Config {
  const out: Record<string, unknown> = {};
  let listKey: string | null = null;
  text.split('\n').forEach((line, i) => {
    const bare = line.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (bare.trim() === '') return;
    const item = /^\s*-\s+(.*)$/.exec(bare);
    if (item && listKey) {
      (out[listKey] as string[]).push(String(parseValue(item[1]!)));
      return;
    }
    const m = /^\s*([A-Za-z][\w-]*)\s*[=:]\s*(.*)$/.exec(bare);
    if (!m) throw new UsageError(`${file}:${i + 1}: cannot read '${line.trim()}'`, { hint: 'write key = value (TOML) or key: value (YAML)' });
    const [, key, value] = m as unknown as [string, string, string];
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`${file}:${i + 1}: unknown key '${key}'`, { hint: `keys: ${CONFIG_KEYS.join(', ')}` });
    }
    if (value.trim() === '') {
      out[key] = [];
      listKey = key;
      return;
    }
    listKey = null;
    out[key] = parseValue(value);
  });
  const c: Config = { file };
  if (out.color !== undefined) {
    if (!['auto', 'always', 'never'].includes(String(out.color))) throw new UsageError(`${file}: color must be auto, always or never`);
    c.color = String(out.color);
  }
  if (out.pager !== undefined) c.pager = out.pager === false || out.pager === '' ? false : String(out.pager);
  if (out.content !== undefined) c.content = Array.isArray(out.content) ? out.content.map(String) : [String(out.content)];
  if (out.limit !== undefined) {
    if (typeof out.limit !== 'number' || out.limit < 1) throw new UsageError(`${file}: limit must be a positive number`);
    c.limit = out.limit;
  }
  return c;
}

/** The config in effect: the first existing file, parsed; {} when there is none. */
export function loadConfig(env: Io['env']): Config {
  const fs = builtin<typeof import('node:fs')>('node:fs');
  const files = configFiles(env);
  // One stat of the folder on the hot path: most users have no config file at all.
  if (!fs.statSync(files[0]!.slice(0, files[0]!.lastIndexOf('/')), { throwIfNoEntry: false })) return {};
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const c = parseConfig(text, file);
    if (c.content) c.content = c.content.map((d) => (d.startsWith('~/') ? `${env.HOME ?? ''}${d.slice(1)}` : d));
    return c;
  }
  return {};
}

/** The pager command in effect, or null for none. */
export function pagerCommand(flag: string | undefined, env: Io['env'], config: Config): string | null {
  if (flag !== undefined) return flag.trim() === '' ? null : flag;
  const own = env.DEVOPS_KB_PAGER;
  if (own !== undefined) return own.trim() === '' ? null : own;
  if (config.pager !== undefined) return config.pager === false ? null : config.pager;
  if (env.PAGER && env.PAGER.trim() !== '') return env.PAGER;
  return 'less -R';
}
