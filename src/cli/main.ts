/** The entry point: the only place that reads argv and sets the exit code. */
import type { Io } from './io.js';
import { runFast } from './fast.js';

declare const __VERSION__: string;

// Built-in modules that only some commands need are loaded on first use, to keep start-up light.
const builtin = <T>(name: string): T => (process.getBuiltinModule ? process.getBuiltinModule(name) : require(name)) as T;
type ChildProcess = typeof import('node:child_process');

/** The real world: process streams, the pager, the browser opener and the prompt. */
function processIo(): Io {
  return {
    env: process.env,
    stdout: {
      write: (s) => void process.stdout.write(s),
      isTTY: process.stdout.isTTY,
      columns: process.stdout.columns,
      rows: process.stdout.rows,
    },
    stderr: { write: (s) => void process.stderr.write(s) },
    // The bundle lives in dist/, beside the compiled catalog.
    builtinDir: `${__dirname}/catalog`,
    version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0',
    page: (command, text) => {
      const r = builtin<ChildProcess>('node:child_process').spawnSync(command, { input: text, stdio: ['pipe', 'inherit', 'inherit'], shell: true, env: { LESS: 'FRX', ...process.env } });
      return !r.error && r.status === 0;
    },
    openUrl: (url) => {
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      const r = builtin<ChildProcess>('node:child_process').spawnSync(opener, [url], { stdio: 'ignore' });
      return !r.error && r.status === 0;
    },
    ask: (question) =>
      new Promise((resolve) => {
        const rl = builtin<typeof import('node:readline')>('node:readline').createInterface({ input: process.stdin, output: process.stderr });
        rl.question(question, (answer) => {
          rl.close();
          resolve(answer);
        });
        rl.on('close', () => resolve(null));
      }),
  };
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // `devops-kb list | head` closes the pipe early: that is not an error.
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const io = processIo();
  process.exitCode = (await runFast(args, io)) ?? (await (await import('./program.js')).runProgram(args, io));
}

void main();
