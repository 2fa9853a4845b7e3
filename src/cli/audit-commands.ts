/** Commander wiring for the audit commands: `timeline` (dated events) and `stack` (audit a team's tools). */
import type { Command } from 'commander';
import { renderStack } from '../render/stack.js';
import { renderTimeline } from '../render/timeline.js';
import { EVENT_KINDS } from '../catalog/types.js';
import type { Context } from './context.js';
import { emitJson, emitText } from './output.js';
import { stackCommand } from './commands/stack.js';
import { timelineCommand } from './commands/timeline.js';

type Wrap = (fn: (ctx: Context, cmd: Command) => Promise<void>) => (...args: unknown[]) => Promise<void>;

const collect = (value: string, previous: string[] = []) => [...previous, value];
const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export function addAuditCommands(program: Command, action: Wrap, pager: (cmd: Command) => boolean): void {
  program
    .command('timeline')
    .description('dated events (relicensing, acquisitions, foundations, archival...) of some tools or all, newest first')
    .argument('[tools...]', 'ids, names or aliases (default: every tool)')
    .option('--since <year>', 'only events in this year or later')
    .option('-k, --kind <kinds>', `only these kinds, comma-separated or repeated: ${EVENT_KINDS.join(', ')}`, collect)
    .addHelpText('after', examples(['devops-kb timeline terraform', 'devops-kb timeline --since 2024 --kind relicensed,archived', 'devops-kb timeline vault consul --kind acquired --json']))
    .action(
      action(async (ctx, cmd) => {
        const entries = await timelineCommand(ctx, cmd.args, cmd.opts());
        if (ctx.json) emitJson(ctx, entries);
        else if (entries.length === 0) ctx.warn('no events match; try a wider --since or fewer --kind filters');
        else emitText(ctx, renderTimeline(entries, ctx.render), pager(cmd));
      }),
    );

  program
    .command('stack')
    .description('audit the tools a team runs: coverage, overlaps, gaps, retired tools, licence risk, links')
    .argument('[tools...]', 'ids, names or aliases of the tools you run')
    .option('-f, --file <file>', 'read the tools from a file: one per line, a YAML list, or {tools: [...], profile: [...]}')
    .addHelpText('after', examples(['devops-kb stack argo-cd flux vault prometheus loki', 'devops-kb stack --file stack.yaml', 'devops-kb stack k8s terraform gha --json | jq .gaps']))
    .action(
      action(async (ctx, cmd) => {
        const report = await stackCommand(ctx, cmd.args, cmd.opts());
        if (ctx.json) emitJson(ctx, report);
        else emitText(ctx, renderStack(report, ctx.render), pager(cmd));
      }),
    );
}
