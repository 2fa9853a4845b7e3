/**
 * The fast path: `show`, `search` and `compare` with only simple flags run without loading commander.
 * Anything else (help, other flags, errors of usage) returns null and goes to the full program.
 */
import { compareAction, runAction, searchAction, showAction, type Action } from './actions.js';
import type { GlobalOptions } from './context.js';
import { debugWanted, reportFailure } from './failure.js';
import type { Io } from './io.js';

interface Parsed {
  positional: string[];
  opts: GlobalOptions & { diff?: boolean };
}

const COLORS = ['auto', 'always', 'never'];

function parse(args: string[], allowDiff: boolean): Parsed | null {
  const parsed: Parsed = { positional: [], opts: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') parsed.opts.json = true;
    else if (a === '--no-pager') parsed.opts.pager = false;
    else if (a === '--no-color') parsed.opts.color = false;
    else if (a === '--debug') parsed.opts.debug = true;
    else if (allowDiff && (a === '--diff' || a === '-d')) parsed.opts.diff = true;
    else if (a === '--color' && COLORS.includes(args[i + 1] ?? '')) parsed.opts.color = args[++i];
    else if (a.startsWith('--color=') && COLORS.includes(a.slice(8))) parsed.opts.color = a.slice(8);
    else if (a.startsWith('-')) return null;
    else parsed.positional.push(a);
  }
  return parsed;
}

function plan(args: string[]): { action: Action; opts: GlobalOptions } | null {
  const [command, ...rest] = args;
  const p = parse(rest, command === 'compare');
  if (!p) return null;
  const pager = p.opts.pager !== false;
  if (command === 'show' && p.positional.length >= 1) return { action: showAction(p.positional, pager), opts: p.opts };
  if (command === 'search' && p.positional.length >= 1) return { action: searchAction(p.positional, {}, pager), opts: p.opts };
  if (command === 'compare' && p.positional.length >= 2) return { action: compareAction(p.positional, { diff: p.opts.diff }, pager), opts: p.opts };
  return null;
}

/** Runs the hot commands directly; returns null when the full program must handle the arguments. */
export async function runFast(args: string[], io: Io): Promise<number | null> {
  const planned = plan(args);
  if (!planned) return null;
  try {
    await runAction(io, planned.opts, planned.action);
    return 0;
  } catch (err) {
    return reportFailure(io, err, debugWanted(args, io.env));
  }
}
