/** Turns a thrown error into its message, hint and exit code (typed errors) or a one-line internal error. */
import { CorruptArtifactError } from '../store/dir-store.js';
import { ExitCode, formatError, KbError } from '../errors.js';
import type { Io } from './io.js';
import { wrap } from '../render/width.js';

/** Reports any failure on stderr and returns its exit code: typed errors as they say, anything else as a bug. */
export function reportFailure(io: Io, err: unknown, debug: boolean): number {
  if (err instanceof KbError) {
    if (err.message) io.stderr.write(`${wrapHints(formatError(err), io)}\n`);
    return err.exitCode;
  }
  if (err instanceof CorruptArtifactError) {
    io.stderr.write(`devops-kb: the built-in catalog is damaged (${err.message}).\nhint: reinstall, or run 'npm run build' in the devops-kb folder\n`);
    return ExitCode.internal;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`devops-kb: internal error: ${message.split('\n')[0]}\n`);
  io.stderr.write('This is a bug. Please report it with the command you ran (set DEBUG=devops-kb for a stack trace).\n');
  if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return ExitCode.internal;
}

/** At a terminal, long hints wrap at its width under their label instead of breaking mid-word; piped, they stay whole. */
function wrapHints(text: string, io: Io): string {
  if (!io.stderr.isTTY) return text;
  const width = Math.max(40, Number.parseInt(io.env.COLUMNS ?? '', 10) || 80);
  return text
    .split('\n')
    .flatMap((line) => (line.startsWith('hint: ') ? wrap(line, width, '      ') : [line]))
    .join('\n');
}

export function debugWanted(args: string[], env: Io['env']): boolean {
  return args.includes('--debug') || (env.DEBUG ?? '').split(',').includes('devops-kb');
}
