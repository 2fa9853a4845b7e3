/** The man page (roff), generated from the overview, the commands and the help topics at build time. */
import type { CommandSpec } from './commands/complete.js';

/** Escapes text for roff: backslashes, leading dots and quotes. */
function roff(text: string): string {
  return text.replace(/\\/g, '\\e').replace(/^([.'])/gm, '\\&$1').replace(/-/g, '\\-');
}

export function manPage(version: string, overview: string, commands: CommandSpec[], topics: Record<string, { summary: string; text: string }>): string {
  const out = [
    `.TH DEVOPS-KB 1 "" "devops-kb ${version}" "User Commands"`,
    '.SH NAME',
    'devops\\-kb \\- a command\\-line encyclopedia that compares DevOps tools',
    '.SH SYNOPSIS',
    '.B devops\\-kb',
    '.I command',
    '[\\fIoptions\\fR]',
    '.SH DESCRIPTION',
    '.nf',
    roff(overview.split('\n').slice(2).join('\n').trim()),
    '.fi',
    '.SH COMMANDS',
  ];
  for (const c of commands) {
    out.push('.TP', `.B ${roff(c.name)}`, roff(c.description));
    for (const f of c.flags) out.push('.RS', `.TP`, `.B ${roff(f.names.join(', '))}${f.takesValue ? ' \\fIvalue\\fR' : ''}`, roff(f.description), '.RE');
  }
  for (const [name, t] of Object.entries(topics)) {
    out.push(`.SH ${roff(name.toUpperCase().replace('-', ' '))}`, '.nf', roff(t.text.trim()), '.fi');
  }
  out.push('.SH SEE ALSO', 'The README of devops\\-kb; \\fBdevops\\-kb help\\fR \\fItopic\\fR for environment, exit\\-codes, note\\-format, formats.');
  return `${out.join('\n')}\n`;
}
