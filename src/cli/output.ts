/** Writes command output: JSON to stdout, text through the pager when it is long and stdout is a TTY. */
import type { Context } from './context.js';

/** Writes machine output: JSON only on stdout. */
export function emitJson(ctx: Context, data: unknown): void {
  ctx.io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

/** Writes human output, through the pager when it is long and stdout is a terminal. */
export function emitText(ctx: Context, text: string, pager: boolean): void {
  const { io } = ctx;
  const rows = io.stdout.rows ?? 24;
  const long = text.split('\n').length > rows - 1;
  if (pager && ctx.pager && io.stdout.isTTY && long && io.page) {
    if (io.page(ctx.pager, text)) return;
  }
  io.stdout.write(text);
}
