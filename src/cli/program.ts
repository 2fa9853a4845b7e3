/** The commander program: every command, its options, help and examples, wired to commands/*. */
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, KbError } from '../errors.js';
import { renderCategories, renderCategoryGuide, renderList, renderLong } from '../render/lists.js';
import { examples, registerExtras, runComplete, runMan, runVersion, topicText } from './program-extras.js';
import { HELP_TOPICS } from './help-topics.js';
import { sanitize } from '../render/sanitize.js';
import { compareAction, runAction, searchAction, showAction } from './actions.js';
import type { Context, GlobalOptions } from './context.js';
import { debugWanted, reportFailure } from './failure.js';
import type { Io } from './io.js';
import { emitJson, emitText } from './output.js';
import { listCommand } from './commands/list.js';
import { categoriesCommand, categoryCommand } from './commands/categories.js';
import { lintCommand } from './commands/lint.js';
import { chooseCommand, graphCommand, relatedCommand } from './commands/decide.js';
import { newCommand, openCommand } from './commands/authoring.js';
import { renderChoices, renderRelations } from '../render/decide.js';
import { graphDot, graphMermaid, graphText } from '../render/graph.js';
import { bashCompletion, fishCompletion, zshCompletion } from '../render/completion.js';
import { UsageError } from '../errors.js';
import { addAuditCommands } from './audit-commands.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];


export const OVERVIEW = `devops-kb — a command-line encyclopedia that compares DevOps tools

Usage: devops-kb <command> [options]

Commands:
  show <tool>              one entry: facts, facets, sections, relations, sources
  search <query...>        ranked, typo-tolerant search over the whole catalog
  compare <tool> <tool>…   side by side, with the category's facets as rows
  list                     tool ids (filter with --category, --tag, --where)
  categories               categories, their tool counts and facets
  related <tool>           alternatives, what it uses, what uses it, peers
  graph <tool>             relation graph (text, Mermaid or Graphviz dot)
  choose <category>        rank a category's tools by your needs (--need KEY=VALUE)
  stack <tool…>            audit the tools you run: overlaps, gaps, retired, licence risk
  timeline [tool…]         dated events: relicensing, acquisitions, foundations, archival
  lint [dir...]            check notes; problems as file:line:col: message
  new <id> --category <c>  write a note skeleton for your own content
  open <tool>              open the tool's homepage in a browser
  aliases, tags            every alias and the tool it names; every tag with its count
  edit <tool>              open a note in $EDITOR (a built-in one is copied to your folder)
  paths                    content folders, cache and config in effect, and overrides
  completion <shell>       print a bash, zsh or fish completion script
  site <out>               write the catalog as a static, offline website

Examples:
  $ devops-kb show ansible
  $ devops-kb search service discovery
  $ devops-kb compare chef puppet
  $ devops-kb compare --category orchestration --format markdown
  $ devops-kb list --category configuration-management --where language=Python
  $ devops-kb choose configuration-management --need agent=none --need language=Python

Global options: --json, --color <auto|always|never>, --no-color, --pager <cmd>, --no-pager,
  --content <dir>, --debug
Run 'devops-kb help <command>' for a command's options and examples; help topics:
  environment, exit-codes, note-format, formats ('devops-kb help environment').
`;

type Action = (ctx: Context, cmd: Command) => Promise<void>;

/** Builds the commander program for one run. */
export function buildProgram(io: Io): Command {
  const program = new Command('devops-kb');
  program
    .description('A command-line encyclopedia that compares DevOps tools')
    .version(io.version, '-V, --version', 'print the version')
    .option('--json', 'machine-readable output on stdout')
    .addOption(new Option('--color <mode>', 'when to use color').choices(['auto', 'always', 'never']))
    .option('--no-color', 'same as --color never')
    .option('--pager <command>', 'page long output with this command (DEVOPS_KB_PAGER, config pager, PAGER, less -R)')
    .option('--no-pager', 'never page long output')
    .option('--content <dir>', 'extra content directory (repeatable); like DEVOPS_KB_PATH', collect)
    .option('--debug', 'print stack traces for internal errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    // Every subcommand's help lists the global options too (gh's "inherited flags").
    .configureHelp({ showGlobalOptions: true })
    // One prefix for every error, commander's included.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s.replace(/^error: /, 'devops-kb: ')) })
    .addHelpText('after', examples(['devops-kb show k8s', 'devops-kb search "infrastructure as code"', 'devops-kb compare consul etcd zookeeper']));

  const action = (fn: Action) => async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    await runAction(io, cmd.optsWithGlobals() as GlobalOptions, (ctx) => fn(ctx, cmd));
  };
  const pager = (cmd: Command) => (cmd.optsWithGlobals() as GlobalOptions).pager !== false;

  program
    .command('show')
    .description('show one tool: summary, key facts, facets, sections, relations, sources')
    .argument('<tool...>', 'id, name (any case) or alias, e.g. kubernetes, Kubernetes, k8s; several words name one tool')
    .option('-b, --brief', 'title, summary and key facts only')
    .option('-s, --section <title>', 'one section, e.g. strengths, "how it works"')
    .option('--raw', "the note's Markdown as written")
    .addHelpText('after', examples(['devops-kb show ansible', 'devops-kb show k8s --brief', 'devops-kb show docker compose', 'devops-kb show vault --section weaknesses', 'devops-kb show terraform --raw > terraform.md', 'devops-kb show terraform --json | jq .license']))
    .action(
      action((ctx, cmd) => showAction(cmd.args, pager(cmd), cmd.opts())(ctx)),
    );

  program
    .command('search')
    .description('ranked search over names, aliases, tags, summaries, facets and full text (typo tolerant)')
    .argument('<query...>', 'words to look for')
    .option('-c, --category <category>', 'only tools of this category (repeatable)', collect)
    .option('-n, --limit <n>', 'how many results (default 10, or limit in the config file)')
    .option('-w, --where <expr>', 'facet filter KEY=VALUE, KEY!=VALUE, KEY~TEXT, firstRelease>=2015 (repeatable)', collect)
    .addHelpText('after', examples(['devops-kb search service discovery', 'devops-kb search terrafrom', 'devops-kb search --category monitoring alerting', 'devops-kb search key value store --where license=Apache-2.0', 'devops-kb search sidecar proxy --json']))
    .action(
      action((ctx, cmd) => searchAction(cmd.args, cmd.opts(), pager(cmd))(ctx)),
    );

  program
    .command('compare')
    .description("compare tools side by side: their category's facets as rows, then common facts and relations")
    .argument('[tools...]', 'two or more tools (ids, names or aliases)')
    .option('-c, --category <category>', 'compare every tool of a category')
    .option('-d, --diff', 'only rows where the tools differ')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'markdown', 'json']))
    .addHelpText('after', examples(['devops-kb compare chef puppet', 'devops-kb compare k8s swarm nomad --diff', 'devops-kb compare terraform ansible', 'devops-kb compare --category service-mesh', 'devops-kb compare istio linkerd --format markdown > mesh.md']))
    .action(
      action((ctx, cmd) => compareAction(cmd.args, cmd.opts(), pager(cmd))(ctx)),
    );

  program
    .command('list')
    .description('list tools; one id per line when piped, grouped by category at a terminal')
    .option('-c, --category <category>', 'only this category (primary or secondary)')
    .option('-t, --tag <tag>', 'only tools with this tag')
    .option('-w, --where <expr>', 'facet filter KEY=VALUE, KEY!=VALUE, KEY~TEXT, firstRelease>=2015 (repeatable)', collect)
    .option('-l, --long', 'one line per tool: id, category, status, summary')
    .addOption(new Option('-f, --format <format>', 'text, or tsv (id, name, category, summary) for fzf and awk').choices(['text', 'tsv']))
    .addHelpText('after', examples(['devops-kb list', 'devops-kb list --category monitoring --long', 'devops-kb list --tag gitops', 'devops-kb list --category configuration-management --where language=Python', 'devops-kb list --where license=Apache-2.0 --json', "devops-kb list --format tsv | fzf --with-nth 1,2 --delimiter '\\t' --preview 'devops-kb show --color always {1}'"]))
    .action(
      action(async (ctx, cmd) => {
        const result = await listCommand(ctx, cmd.opts());
        const opts = cmd.opts() as { long?: boolean; format?: string };
        const tsv = (s: string) => s.replace(/[\t\n]/g, ' ');
        if (ctx.json) emitJson(ctx, result.tools.map((t) => ({ id: t.id, name: t.name, category: t.category, also: t.also, summary: t.summary, status: t.status, tags: t.tags, aliases: t.aliases })));
        else if (opts.format === 'tsv') ctx.io.stdout.write(result.tools.map((t) => `${t.id}\t${tsv(sanitize(t.name))}\t${t.category}\t${tsv(sanitize(t.summary))}\n`).join(''));
        else if (opts.long) emitText(ctx, renderLong(result.tools, ctx.render), pager(cmd));
        else if (!ctx.io.stdout.isTTY) ctx.io.stdout.write(result.tools.map((t) => `${t.id}\n`).join(''));
        else emitText(ctx, renderList(result.groups, ctx.render), pager(cmd));
      }),
    );

  program
    .command('categories')
    .description('categories with their tool counts; name one for its facets (keys, values, questions) and how to choose')
    .argument('[category]', 'a category id or name: show its facets and its guide')
    .addHelpText('after', examples(['devops-kb categories', 'devops-kb categories service-mesh', 'devops-kb categories --json']))
    .action(
      action(async (ctx, cmd) => {
        const name = cmd.args[0];
        if (name !== undefined) {
          const { view, guide, tools, secondary } = await categoryCommand(ctx, name);
          if (ctx.json) emitJson(ctx, { ...view, secondary: view.secondary ?? 0, sections: guide.map((s) => ({ title: s.title, markdown: s.markdown })), tools, also: secondary });
          else emitText(ctx, renderCategoryGuide(view, guide, tools, ctx.render, secondary), pager(cmd));
          return;
        }
        const cats = await categoriesCommand(ctx);
        if (ctx.json) emitJson(ctx, cats.map((c) => ({ id: c.id, name: c.name, count: c.count, secondary: c.secondary ?? 0, summary: c.summary, facets: c.facets.map((f) => ({ key: f.key, label: f.label, type: f.type, values: f.values ?? null, question: f.question ?? null })) })));
        else emitText(ctx, renderCategories(cats, ctx.render), pager(cmd));
      }),
    );

  program
    .command('lint')
    .description('check notes (schema, facet values, references, duplicate ids); exit 3 on errors')
    .argument('[dirs...]', 'content directories (default: DEVOPS_KB_PATH and --content, else the shipped notes)')
    .option('--stale <months>', 'also warn about notes verified more than this many months ago')
    .addHelpText('after', examples(['devops-kb lint ./my-notes', 'devops-kb lint            # the shipped notes, or DEVOPS_KB_PATH', 'devops-kb lint content --json', 'devops-kb lint --stale 12']))
    .action(
      action(async (ctx, cmd) => {
        const result = await lintCommand(ctx, cmd.args, cmd.opts());
        // Every key always present (hint null when there is none), so jq filters need no guards.
        if (ctx.json) emitJson(ctx, result.problems.map(({ file, line, column, severity, message, hint }) => ({ file, line, column, severity, message, hint: hint ?? null })));
        else {
          for (const p of result.problems) {
            ctx.io.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${sanitize(p.message)}\n`);
            if (p.hint) ctx.io.stdout.write(`    hint: ${sanitize(p.hint)}\n`);
          }
          const warnings = result.problems.length - result.errors;
          ctx.io.stdout.write(`${result.files} note(s) checked: ${result.errors} error(s), ${warnings} warning(s)\n`);
        }
        if (result.errors > 0) throw new LintFailed();
      }),
    );

  program
    .command('related')
    .description('relations of a tool: alternatives, uses, integrates, and the reverse (used by, alternative to), plus peers')
    .argument('<tool>', 'id, name or alias')
    .addHelpText('after', examples(['devops-kb related etcd', 'devops-kb related docker-machine', 'devops-kb related kubernetes --json']))
    .action(
      action(async (ctx, cmd) => {
        const { relations, name } = await relatedCommand(ctx, cmd.args[0]!);
        if (ctx.json) emitJson(ctx, relations);
        else emitText(ctx, renderRelations(relations, name, ctx.render), pager(cmd));
      }),
    );

  program
    .command('graph')
    .description('the relation graph around a tool, or of a whole category')
    .argument('[tool]', 'id, name or alias')
    .option('--depth <n>', 'how many hops to follow (1-5)', '1')
    .option('-c, --category <category>', "draw a category's tools and their relations")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'mermaid', 'dot']).default('text'))
    .addHelpText('after', examples(['devops-kb graph kubernetes', 'devops-kb graph kubernetes --depth 2 --format mermaid', 'devops-kb graph --category service-mesh --format dot | dot -Tsvg > mesh.svg']))
    .action(
      action(async (ctx, cmd) => {
        const opts = cmd.opts();
        const g = await graphCommand(ctx, cmd.args[0], opts);
        if (ctx.json) emitJson(ctx, g);
        else if (opts.format === 'mermaid') ctx.io.stdout.write(graphMermaid(g));
        else if (opts.format === 'dot') ctx.io.stdout.write(graphDot(g));
        else emitText(ctx, graphText(g, ctx.render), pager(cmd));
      }),
    );

  program
    .command('choose')
    .description("rank a category's tools by how many of your needs they meet (asks the questions at a terminal)")
    .argument('<category>', 'category id or name')
    .option('--need <expr>', 'a need: KEY=VALUE, KEY!=VALUE, KEY~TEXT, firstRelease>=2015 (repeatable)', collect)
    .addHelpText('after', examples(['devops-kb choose configuration-management --need agent=none --need language=Python', 'devops-kb choose service-discovery --need consensus=raft --json', 'devops-kb choose orchestration   # asks the questions one by one']))
    .action(
      action(async (ctx, cmd) => {
        const result = await chooseCommand(ctx, cmd.args[0]!, cmd.opts());
        // JSON stays an array of choices; each gains its name, the number of needs and the tool's values.
        if (ctx.json) emitJson(ctx, result.choices.map(({ id, name, category, score, met, partial, missed, unknown, status, values }) => ({ id, name, category, score, total: result.needs.length, met, partial, missed, unknown, status, values })));
        else emitText(ctx, renderChoices(result.choices, result.needs.length, ctx.render, result.labels), pager(cmd));
      }),
    );

  addAuditCommands(program, action, pager);

  program
    .command('new')
    .description('write a note skeleton (with the category facets listed) into a user content directory')
    .argument('<id>', 'kebab-case id, also the file name')
    .option('-c, --category <category>', 'the primary category')
    .option('--dir <dir>', 'content directory (default: the first of DEVOPS_KB_PATH and --content)')
    .option('--force', 'write even when the id or name belongs to a built-in note')
    .addHelpText('after', examples(['devops-kb new acme-deployer --category ci-cd --dir ./notes', 'DEVOPS_KB_PATH=~/notes devops-kb new our-proxy --category proxies']))
    .action(
      action(async (ctx, cmd) => {
        const { file } = await newCommand(ctx, cmd.args[0]!, cmd.opts());
        if (ctx.json) emitJson(ctx, { file });
        else ctx.io.stdout.write(`wrote ${file}\nfill it in, then check it with: devops-kb lint ${file.replace(/[\\/]tools[\\/][^\\/]+$/, '')}\n`);
      }),
    );

  program
    .command('open')
    .description("open a tool's homepage in the browser (prints the URL when no browser is available)")
    .argument('<tool>', 'id, name or alias')
    .addHelpText('after', examples(['devops-kb open terraform', 'devops-kb open k8s --json']))
    .action(
      action(async (ctx, cmd) => {
        const r = await openCommand(ctx, cmd.args[0]!);
        if (ctx.json) emitJson(ctx, r);
        else if (r.opened) ctx.io.stdout.write(`opened ${r.url}\n`);
        else {
          // Piped, or no browser: the URL alone on stdout for scripts, the reason on stderr.
          if (ctx.io.stdout.isTTY) ctx.warn('could not open a browser; the homepage is:');
          ctx.io.stdout.write(`${r.url}\n`);
        }
      }),
    );

  program
    .command('completion')
    .description('print a shell completion script; it asks devops-kb on each TAB, so your notes, facet keys and values complete too')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', examples(['devops-kb completion bash > ~/.local/share/bash-completion/completions/devops-kb', 'devops-kb completion zsh > "${fpath[1]}/_devops-kb"', 'devops-kb completion fish > ~/.config/fish/completions/devops-kb.fish']))
    .action(
      action(async (ctx, cmd) => {
        const shell = cmd.args[0]!;
        if (!['bash', 'zsh', 'fish'].includes(shell)) throw new UsageError(`no completion for '${shell}'`, { hint: 'choose bash, zsh or fish' });
        const script = shell === 'bash' ? bashCompletion() : shell === 'zsh' ? zshCompletion() : fishCompletion();
        if (ctx.json) emitJson(ctx, { shell, script });
        else ctx.io.stdout.write(script);
      }),
    );

  registerExtras(program, action, pager);
  return program;
}

/** Lint found errors: already reported, so only the exit code is left to set. */
class LintFailed extends KbError {
  constructor() {
    super('', ExitCode.content);
  }
}

/** Runs the CLI for `args` and returns the exit code. Never throws, never touches process state. */
export async function runProgram(args: string[], io: Io): Promise<number> {
  if (args.length === 0 || (args.length === 1 && ['--help', '-h', 'help'].includes(args[0]!))) {
    io.stdout.write(OVERVIEW);
    return ExitCode.ok;
  }
  if (args[0] === '__complete') return runComplete(io, buildProgram(io), args.slice(1));
  if (args[0] === '__man') return runMan(io, OVERVIEW, buildProgram(io));
  if (args.every((a) => ['--version', '-V', '--json'].includes(a)) && args.some((a) => a !== '--json')) return runVersion(io, args.includes('--json'));
  if (args[0] === 'help' && args.length === 2) {
    const topic = topicText(args[1]!);
    if (topic) {
      io.stdout.write(topic);
      return ExitCode.ok;
    }
    if (!buildProgram(io).commands.some((c) => c.name() === args[1])) {
      io.stderr.write(`devops-kb: no help for '${sanitize(args[1]!)}': not a command or topic\nhint: topics: ${Object.keys(HELP_TOPICS).join(', ')}; commands: devops-kb --help\n`);
      return ExitCode.usage;
    }
  }
  try {
    await buildProgram(io).parseAsync(args, { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its message (or the help).
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code) ? ExitCode.ok : ExitCode.usage;
    }
    return reportFailure(io, err, debugWanted(args, io.env));
  }
}
