/** Everything the program needs from the outside world; main.ts supplies the real one, tests a fake. */
export interface Io {
  env: Record<string, string | undefined>;
  stdout: { write(s: string): void; isTTY?: boolean; columns?: number; rows?: number };
  /** `columns`: the terminal's width when stderr is one (used when stdout is piped). */
  stderr: { write(s: string): void; isTTY?: boolean; columns?: () => number | undefined };
  /** Directory of the compiled built-in catalog. */
  builtinDir: string;
  /** Pipes text through a pager; returns false when the pager could not run. */
  page?: (command: string, text: string) => boolean;
  /** Opens a URL in a browser; returns false when no opener is available. */
  openUrl?: (url: string) => boolean;
  /** Runs an editor on a file, attached to the terminal; returns false when it could not run. */
  edit?: (editor: string, file: string) => boolean;
  /** Reads one line of answer for interactive prompts (TTY only). */
  ask?: (question: string) => Promise<string | null>;
  version: string;
  /** A catalog already open (tests running thousands of invocations); skips opening from disk. */
  catalog?: import('../store/types.js').CatalogStore;
}
