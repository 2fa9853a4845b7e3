/** The per-invocation context: global options, colour and width decisions, warnings and broken-note reports. */
import { UsageError } from '../errors.js';
import type { CatalogStore } from '../store/types.js';
import type { Problem } from '../catalog/types.js';
import { loadTheme, type Theme } from '../render/theme.js';
import type { RenderOptions } from '../render/layout.js';
import { loadConfig, pagerCommand, type Config } from './config.js';
import type { Io } from './io.js';

export interface GlobalOptions {
  json?: boolean;
  /** auto | always | never; false from --no-color. */
  color?: string | boolean;
  /** false from --no-pager; a command from --pager CMD. */
  pager?: boolean | string;
  content?: string[];
  debug?: boolean;
}

export interface StoreOptions {
  quick?: string[];
  refresh?: boolean;
}

export interface Context {
  io: Io;
  json: boolean;
  theme: Theme;
  width: number;
  render: RenderOptions;
  /** Content directories beyond the built-in catalog, in override order. */
  contentDirs: string[];
  /**
   * Opens the catalog (built-in plus user content) once; later calls reuse it. `quick` names the tools a
   * command prints (their notes are checked, not every note); `refresh` forces a check of every note.
   */
  store(options?: StoreOptions): Promise<CatalogStore>;
  warn(message: string): void;
  /** The config file in effect ({} when none). */
  config: Config;
  /** The pager command to use at a terminal, or null for none. */
  pager: string | null;
}

/**
 * Colour: --color/--no-color, then NO_COLOR and FORCE_COLOR, then the config file, then auto (a terminal
 * that is not TERM=dumb).
 */
export function useColor(mode: string | boolean | undefined, env: Io['env'], isTTY: boolean, configured?: string): boolean {
  if (mode === 'always') return true;
  if (mode === 'never' || mode === false) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (configured === 'always') return true;
  if (configured === 'never') return false;
  return isTTY && env.TERM !== 'dumb';
}

export function terminalWidth(env: Io['env'], stdout: Io['stdout'], stderr?: Io['stderr']): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  if (stdout.isTTY && stdout.columns && stdout.columns > 0) return stdout.columns;
  // Piped from a terminal session: the terminal still shows the result, so fit it.
  const viaStderr = !stdout.isTTY ? stderr?.columns?.() : undefined;
  if (viaStderr && viaStderr > 0) return viaStderr;
  return 80;
}

/** One line per broken file (one left out of the catalog), as the contract asks; lint reports the rest. */
export function brokenFileWarnings(problems: Problem[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of problems) {
    if (!p.skipped || seen.has(p.file)) continue;
    seen.add(p.file);
    out.push(`warning: ${p.file}:${p.line}: ${p.message}`);
  }
  return out;
}

export async function createContext(io: Io, opts: GlobalOptions, openStore: (ctx: Context, options: StoreOptions) => Promise<CatalogStore>): Promise<Context> {
  if (typeof opts.color === 'string' && !['auto', 'always', 'never'].includes(opts.color)) {
    throw new UsageError(`--color must be auto, always or never; got ${opts.color}`);
  }
  const config = loadConfig(io.env);
  const theme = await loadTheme(useColor(opts.color, io.env, Boolean(io.stdout.isTTY), config.color));
  const width = terminalWidth(io.env, io.stdout, io.stderr);
  // DEVOPS_KB_PATH (even empty) wins over the config file's folders; --content adds to either.
  const fromEnv = io.env.DEVOPS_KB_PATH !== undefined ? io.env.DEVOPS_KB_PATH.split(':').filter((d) => d.trim() !== '') : config.content ?? [];
  let opened: Promise<CatalogStore> | undefined;
  const ctx: Context = {
    io,
    json: Boolean(opts.json),
    theme,
    width,
    render: { width, theme },
    contentDirs: [...fromEnv, ...(opts.content ?? [])],
    store: (options = {}) => {
      if (options.refresh) opened = openStore(ctx, { refresh: true });
      return (opened ??= openStore(ctx, options));
    },
    warn: (message) => io.stderr.write(`${message}\n`),
    config,
    pager: opts.pager === false ? null : pagerCommand(typeof opts.pager === 'string' ? opts.pager : undefined, io.env, config),
  };
  return ctx;
}
