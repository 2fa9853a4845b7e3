/** The entry point: the only place that reads argv and sets the exit code. */
import type { Io } from './io.js';
import { runFast } from './fast.js';

declare const __VERSION__: string;

// Built-in modules that only some commands need are loaded on first use, to keep start-up light.
const builtin = <T>(name: string): T => (process.getBuiltinModule ? process.getBuiltinModule(name) : require(name)) as T;
type ChildProcess = typeof import('node:child_process');

type Fs = typeof import('node:fs');

/** Writes all of `text` to a file descriptor synchronously; a closed pipe (`| head`) ends the run quietly. */
function writeAll(fd: number, text: string): void {
  const fs = builtin<Fs>('node:fs');
  let buf = Buffer.from(text);
  while (buf.length > 0) {
    try {
      buf = buf.subarray(fs.writeSync(fd, buf));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe is full: try again
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    }
  }
}

/**
 * True when a file descriptor is a terminal, asked of libuv's tty binding: node:tty would load node:net,
 * a start-up cost larger than a `show`. A character device that is no terminal (/dev/null) is written like
 * a file. When the binding is not there, any character device counts as a terminal.
 */
function isTerminal(fd: number): boolean {
  try {
    return (process as unknown as { binding(name: string): { isTTY(fd: number): boolean } }).binding('tty_wrap').isTTY(fd);
  } catch {
    return true;
  }
}

/**
 * Standard output. Pipes and files are written with plain system calls: setting up process.stdout costs
 * more start-up time than a `show` spends on its own work. Only a character device may be a terminal.
 */
function stdoutIo(): Io['stdout'] {
  let kind: 'pipe-or-file' | 'char' = 'char';
  try {
    const st = builtin<Fs>('node:fs').fstatSync(1);
    if (st.isFIFO() || st.isFile() || st.isSocket() || (st.isCharacterDevice() && !isTerminal(1))) kind = 'pipe-or-file';
  } catch {
    // Unknown: let process.stdout decide.
  }
  if (kind === 'pipe-or-file') return { write: (s) => writeAll(1, s), isTTY: false };
  return { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY, columns: process.stdout.columns, rows: process.stdout.rows };
}

/**
 * One readline interface for the whole run: answers typed (or pasted) ahead of a question wait in its
 * queue instead of being lost with a closed interface. Resolves null once input has ended (Ctrl-D).
 */
let prompts: { ask(question: string): Promise<string | null> } | undefined;
function prompter(): { ask(question: string): Promise<string | null> } {
  if (prompts) return prompts;
  const rl = builtin<typeof import('node:readline')>('node:readline').createInterface({ input: process.stdin, output: process.stderr, terminal: Boolean(process.stdin.isTTY) });
  const lines: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  let ended = false;
  rl.on('line', (line) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(line);
    } else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    waiting?.(null);
    waiting = null;
  });
  process.once('beforeExit', () => rl.close());
  prompts = {
    ask: (question) => {
      process.stderr.write(question);
      if (lines.length) return Promise.resolve(lines.shift()!);
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => (waiting = resolve));
    },
  };
  return prompts;
}

/** The real world: standard streams, the pager, the browser opener and the prompt. */
function processIo(): Io {
  return {
    env: process.env,
    stdout: stdoutIo(),
    stderr: {
      write: (s) => writeAll(2, s),
      // Read lazily (errors only): touching process.stderr costs start-up time.
      get isTTY() {
        return builtin<typeof import('node:tty')>('node:tty').isatty(2);
      },
      // Asked only when stdout is piped: `compare | head` at a 60-column terminal should fit it.
      // node:tty (it loads node:net) only when fd 2 is a character device at all: a pipe costs one fstat.
      columns: () => (builtin<Fs>('node:fs').fstatSync(2).isCharacterDevice() && builtin<typeof import('node:tty')>('node:tty').isatty(2) ? process.stderr.columns : undefined),
    },
    // The bundle lives in dist/, beside the compiled catalog.
    builtinDir: `${__dirname}/catalog`,
    version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0',
    page: (command, text) => {
      // Ctrl-C belongs to the pager while it runs (as with git and gh): without a handler, SIGINT would kill
      // this process and leave the pager orphaned, sharing the terminal with the shell.
      const ignore = () => {};
      process.on('SIGINT', ignore);
      try {
        const r = builtin<ChildProcess>('node:child_process').spawnSync(command, { input: text, stdio: ['pipe', 'inherit', 'inherit'], shell: true, env: { LESS: 'FRX', ...process.env } });
        // less exits non-zero after Ctrl-C on some systems; the text was shown, so that is success too.
        return !r.error && (r.status === 0 || r.signal === 'SIGINT' || r.status === 130);
      } finally {
        process.removeListener('SIGINT', ignore);
      }
    },
    edit: (editor, file) => {
      // The editor command may carry arguments ("code --wait"): run it through the shell, file quoted.
      const quoted = `'${file.replace(/'/g, "'\\''")}'`;
      const r = builtin<ChildProcess>('node:child_process').spawnSync(`${editor} ${quoted}`, { stdio: 'inherit', shell: true });
      return !r.error && r.status === 0;
    },
    openUrl: (url) => {
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      const r = builtin<ChildProcess>('node:child_process').spawnSync(opener, [url], { stdio: 'ignore' });
      return !r.error && r.status === 0;
    },
    ask: (question) => prompter().ask(question),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const io = processIo();
  process.exitCode = (await runFast(args, io)) ?? (await (await import('./program.js')).runProgram(args, io));
}

void main();
