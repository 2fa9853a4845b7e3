/** Exit codes of the CLI contract (../README.md, "Exit codes"). */
export const ExitCode = {
  ok: 0,
  notFound: 1,
  usage: 2,
  content: 3,
  internal: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface ErrorDetails {
  file?: string;
  line?: number;
  column?: number;
  /** What the user can do about it. */
  hint?: string;
}

/** An expected failure: main prints `message` (and the hint) and exits with `exitCode`. */
export class KbError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(message: string, exitCode: ExitCodeValue, details: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.hint = details.hint;
  }
}

/** Unknown tool or category; carries up to three close names. */
export class NotFoundError extends KbError {
  readonly suggestions: string[];
  constructor(message: string, suggestions: string[] = [], details: ErrorDetails = {}) {
    super(message, ExitCode.notFound, details);
    this.suggestions = suggestions.slice(0, 3);
  }
}

export class UsageError extends KbError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, ExitCode.usage, details);
  }
}

export class ContentError extends KbError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, ExitCode.content, details);
  }
}

/** Formats a typed error for stderr: `file:line:col: message` plus hint lines. */
export function formatError(err: KbError): string {
  const where = err.file ? `${err.file}${err.line ? `:${err.line}` : ''}${err.column ? `:${err.column}` : ''}: ` : '';
  const lines = [`devops-kb: ${where}${err.message}`];
  if (err instanceof NotFoundError && err.suggestions.length > 0) {
    lines.push(`Did you mean: ${err.suggestions.join(', ')}?`);
  }
  if (err.hint) lines.push(`hint: ${err.hint}`);
  return lines.join('\n');
}
