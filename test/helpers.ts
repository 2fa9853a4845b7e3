import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/cli/io.js';
import { runProgram } from '../src/cli/program.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILTIN = path.join(ROOT, 'dist', 'catalog');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the program in-process with a fake terminal (not a TTY unless asked). */
export async function run(args: string[], options: { env?: Record<string, string | undefined>; tty?: boolean; columns?: number; io?: Partial<Io> } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    env: { HOME: '/nonexistent-home', XDG_CACHE_HOME: path.join(ROOT, 'node_modules', '.cache', 'devops-kb-test'), ...options.env },
    stdout: { write: (s) => void (stdout += s), isTTY: options.tty ?? false, columns: options.columns ?? 100, rows: 40 },
    stderr: { write: (s) => void (stderr += s) },
    builtinDir: BUILTIN,
    version: '0.0.0-test',
    page: () => false,
    ...options.io,
  };
  const code = await runProgram(args, io);
  return { code, stdout, stderr };
}

/** Parses JSON output, failing the test with the captured stderr when it is not JSON. */
export function json<T = unknown>(r: RunResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 200)}\nstderr: ${r.stderr.slice(0, 500)}`);
  }
}

/**
 * Display width of a rendered line for width checks: URLs are never broken (they may overflow so they stay
 * copyable and clickable), so a line ending in a URL counts only up to the URL's start.
 */
export function widthBeforeUrl(line: string): number {
  const m = /^(.*?)(\(?https?:\/\/\S+)$/.exec(line);
  return stringWidthForTests(m ? m[1]!.trimEnd() : line);
}
import { stringWidth as stringWidthForTests } from '../src/render/width.js';
