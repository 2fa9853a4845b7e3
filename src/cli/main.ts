import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runProgram } from './program.js';
import type { Io } from './io.js';

declare const __VERSION__: string;

/** The real world: process streams, the pager and the browser opener. The only place that reads argv. */
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
    builtinDir: fileURLToPath(new URL('./catalog/', import.meta.url)),
    version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0',
    page: (command, text) => {
      const r = spawnSync(command, { input: text, stdio: ['pipe', 'inherit', 'inherit'], shell: true, env: { LESS: 'FRX', ...process.env } });
      return !r.error && r.status === 0;
    },
    openUrl: (url) => {
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      const r = spawnSync(opener, [url], { stdio: 'ignore' });
      return !r.error && r.status === 0;
    },
    ask: (question) =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
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

process.exitCode = await runProgram(process.argv.slice(2), processIo());
