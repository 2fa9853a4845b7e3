/** `show`: one tool entry, its JSON shape, one section, or the note's own Markdown. */
import * as path from 'node:path';
import type { Category, Tool } from '../../catalog/types.js';
import { NotFoundError } from '../../errors.js';
import { fileExists, readBytes, shippedContentDir } from '../../store/files.js';
import { closest } from '../../text/names.js';
import type { Context } from '../context.js';
import { resolveTools } from '../resolve.js';

export interface ShowOptions {
  /** Title, summary and key facts only. */
  brief?: boolean;
  /** One section by title ("strengths", "how it works"). */
  section?: string;
  /** The note's Markdown as written. */
  raw?: boolean;
}

export interface ShowResult {
  tool: Tool;
  categories: Category[];
}

/** Several words name one tool: `show docker compose` is Docker Compose. */
export async function showCommand(ctx: Context, name: string | string[]): Promise<ShowResult> {
  const joined = Array.isArray(name) ? name.join(' ') : name;
  const { store, ids } = await resolveTools(ctx, [joined]);
  return { tool: store.tool(ids[0]!), categories: store.categories() };
}

/** Checks that the note has the section asked for, suggesting the closest titles otherwise. */
export function checkSection(tool: Tool, title: string): void {
  const titles = tool.sections.map((s) => s.title);
  if (titles.some((t) => t.toLowerCase() === title.trim().toLowerCase())) return;
  throw new NotFoundError(`${tool.id} has no section '${title}'`, closest(title, titles, 3), { hint: `sections: ${titles.join(', ')}` });
}

/** The note file behind a tool: user notes carry an absolute path, shipped ones a path under content/. */
export function noteFile(ctx: Context, tool: Tool): string {
  if (path.isAbsolute(tool.path)) return tool.path;
  return path.resolve(shippedContentDir(ctx.io.builtinDir), '..', tool.path);
}

/** The note's Markdown as written, or a not-found error when the file is not installed. */
export function rawNote(ctx: Context, tool: Tool): string {
  const file = noteFile(ctx, tool);
  if (!fileExists(file)) throw new NotFoundError(`the note file of ${tool.id} is not installed`, [], { hint: `expected ${file}` });
  return new TextDecoder().decode(readBytes(file));
}

/** The contract's JSON shape: sections carry title and Markdown (the pre-rendered blocks stay internal). */
export function showJson(tool: Tool): Record<string, unknown> {
  return { ...tool, sections: tool.sections.map((s) => ({ title: s.title, markdown: s.markdown })) };
}
