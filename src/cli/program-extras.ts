/**
 * Commands beyond the core set (aliases, tags, paths, edit, site) and the entry points commander does not own:
 * help topics, `--version` with catalog facts, the hidden `__complete` and `__man`.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { dirStore } from '../store/dir-store.js';
import { aliasesCommand, tagsCommand } from './commands/names.js';
import { completeCommand, completionLines, type CommandSpec } from './commands/complete.js';
import { editCommand } from './commands/authoring.js';
import { pathsCommand, renderPaths } from './commands/paths.js';
import { siteCommand } from './commands/site.js';
import { createContext, type Context, type GlobalOptions } from './context.js';
import { HELP_TOPICS } from './help-topics.js';
import type { Io } from './io.js';
import { openStore } from './open-store.js';
import { emitJson, emitText } from './output.js';
import { manPage } from './man.js';

type ActionFn = (fn: (ctx: Context, cmd: Command) => Promise<void>) => (...args: unknown[]) => Promise<void>;

/** The "Examples:" block at the end of a command's help. */
export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Registers aliases, tags, paths, edit and site on the program. */
export function registerExtras(program: Command, action: ActionFn, pager: (cmd: Command) => boolean): void {
  program
    .command('site')
    .description('write the whole catalog (built-in and your notes) as a self-contained static site into a new or empty folder')
    .argument('<out>', 'folder to create (or an existing empty one)')
    .option('--no-graphs', 'leave out the relation graphs (faster)')
    .addHelpText('after', `${examples(['devops-kb site public', 'DEVOPS_KB_PATH=~/team-notes devops-kb site /srv/www/devops-kb', 'devops-kb site out && xdg-open out/index.html'])}
Pages: index.html, tools/<id>.html, categories/<id>.html, compare.html?tools=a,b, search.html?q=words.
The folder works from file:// and under any path of a static web server; it makes no outside request.
`)
    .action(
      action(async (ctx, cmd) => {
        const result = await siteCommand(ctx, cmd.args[0], cmd.opts());
        if (ctx.json) emitJson(ctx, result);
        else ctx.io.stdout.write(`wrote ${result.pages} pages (${result.tools} tools, ${result.categories} categories, ${result.graphs} graphs) to ${result.out} in ${(result.ms / 1000).toFixed(1)} s; open ${path.join(result.out, 'index.html')}\n`);
      }),
    );

  program
    .command('aliases')
    .description('every alias and the tool it names (abbreviations, CLI names, old names)')
    .addHelpText('after', examples(['devops-kb aliases', 'devops-kb aliases | grep -i terraform', 'devops-kb aliases --json']))
    .action(
      action(async (ctx, cmd) => {
        const rows = await aliasesCommand(ctx);
        if (ctx.json) emitJson(ctx, rows);
        else emitText(ctx, rows.map((r) => `${r.alias}\t${r.id}\n`).join(''), pager(cmd));
      }),
    );
  program
    .command('tags')
    .description('every tag with how many tools carry it (for list --tag)')
    .addHelpText('after', examples(['devops-kb tags | head', 'devops-kb list --tag gitops', 'devops-kb tags --json']))
    .action(
      action(async (ctx, cmd) => {
        const rows = await tagsCommand(ctx);
        if (ctx.json) emitJson(ctx, rows);
        else emitText(ctx, rows.map((r) => `${String(r.count).padStart(4)}  ${r.tag}\n`).join(''), pager(cmd));
      }),
    );
  program
    .command('paths')
    .description('the files and folders in effect: built-in catalog, your content folders, cache, config, overrides')
    .addHelpText('after', examples(['devops-kb paths', 'DEVOPS_KB_PATH=~/notes devops-kb paths --json']))
    .action(
      action(async (ctx) => {
        const result = await pathsCommand(ctx, (program.opts() as GlobalOptions).content ?? []);
        if (ctx.json) emitJson(ctx, result);
        else ctx.io.stdout.write(renderPaths(result));
      }),
    );
  program
    .command('edit')
    .description("open a tool's note in $VISUAL/$EDITOR; a built-in note is first copied into your first content folder")
    .argument('<tool...>', 'id, name or alias')
    .addHelpText('after', examples(['DEVOPS_KB_PATH=~/notes devops-kb edit kubernetes', 'EDITOR="code --wait" devops-kb edit our-deployer']))
    .action(
      action(async (ctx, cmd) => {
        const r = await editCommand(ctx, cmd.args.join(' '));
        if (ctx.json) emitJson(ctx, r);
        else ctx.io.stdout.write(`${r.copied ? `copied the built-in note to ${r.file}\n` : ''}${r.edited ? `edited ${r.file}\n` : `${r.file}\n`}`);
      }),
    );
}

/** The program's commands and flags, as completion sees them. */
export function commandSpecs(program: Command): { commands: CommandSpec[]; global: CommandSpec['flags'] } {
  const flags = (c: Command): CommandSpec['flags'] =>
    c.options.map((o) => ({ names: [o.long, o.short].filter((x): x is string => Boolean(x)), takesValue: o.required || o.optional, description: o.description }));
  return {
    commands: program.commands.filter((c) => !c.name().startsWith('__')).map((c) => ({ name: c.name(), description: c.description(), flags: flags(c) })),
    global: [...flags(program), { names: ['--help', '-h'], takesValue: false, description: 'help for the command' }],
  };
}

/** `__complete WORDS...`: never fails loudly, a broken completion must not spoil the shell. */
export async function runComplete(io: Io, program: Command, words: string[]): Promise<number> {
  try {
    const ctx = await createContext(io, { color: 'never' }, openStore);
    io.stdout.write(completionLines(await completeCommand(ctx, words, commandSpecs(program), Object.keys(HELP_TOPICS))));
  } catch {
    // Nothing to offer.
  }
  return 0;
}

/** `--version`: the program's version and what the catalog in effect holds. */
export async function runVersion(io: Io, json: boolean): Promise<number> {
  const builtin = dirStore(io.builtinDir).manifest();
  const info = { version: io.version, tools: builtin.tools, categories: builtin.categories, built: builtin.built ?? null };
  if (json) io.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
  else io.stdout.write(`devops-kb ${info.version} (catalog: ${info.tools} tools, ${info.categories} categories${info.built ? `, built ${info.built}` : ''})\n`);
  return 0;
}

/** `help TOPIC` for a topic; null when the word is not a topic (commander then helps with commands). */
export function topicText(word: string): string | null {
  return HELP_TOPICS[word]?.text ?? null;
}

/** `__man`: the man page, written at build time into dist/devops-kb.1. */
export function runMan(io: Io, overview: string, program: Command): number {
  io.stdout.write(manPage(io.version, overview, commandSpecs(program).commands, HELP_TOPICS));
  return 0;
}
