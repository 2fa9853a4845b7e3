/** Colour themes for terminal output (plain or chalk) and inline Markdown styling. */
import type { ChalkInstance } from 'chalk';

/** Styling functions; the plain theme is the identity, so piped output carries no escapes. */
export interface Theme {
  color: boolean;
  title(s: string): string;
  heading(s: string): string;
  label(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
  code(s: string): string;
  good(s: string): string;
  warn(s: string): string;
  bad(s: string): string;
  match(s: string): string;
  diff(s: string): string;
  /** A URL as an OSC 8 hyperlink at a terminal; plain text otherwise. */
  link(url: string): string;
}

const id = (s: string) => s;

export const plainTheme: Theme = {
  color: false,
  title: id, heading: id, label: id, dim: id, accent: id, code: id, good: id, warn: id, bad: id, match: id, diff: id, link: id,
};

/** A colored theme from a chalk instance (chalk is loaded only when color is on). */
export function colorThemeFrom(c: ChalkInstance): Theme {
  return {
    color: true,
    title: (s) => c.bold.cyan(s),
    heading: (s) => c.bold.yellow(s),
    label: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    accent: (s) => c.cyan(s),
    code: (s) => c.green(s),
    good: (s) => c.green(s),
    warn: (s) => c.yellow(s),
    bad: (s) => c.red(s),
    match: (s) => c.bold.underline(s),
    diff: (s) => c.bold.magenta(s),
    link: (url) => `\x1b]8;;${url}\x1b\\${url}\x1b]8;;\x1b\\`,
  };
}

export async function loadTheme(color: boolean): Promise<Theme> {
  if (!color) return plainTheme;
  const { Chalk } = await import('./chalk-bundle.js');
  return colorThemeFrom(new Chalk({ level: 1 }));
}

/** Applies the code style to `inline code` spans; the backticks are dropped when color shows the span. */
export function styleInline(text: string, theme: Theme): string {
  if (!theme.color) return text;
  return text.replace(/`([^`]+)`/g, (_, code: string) => theme.code(code));
}
