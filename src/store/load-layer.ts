/** Parses every note of a content directory into a catalog layer; the Markdown parsers load lazily. */
import type { Layer } from '../catalog/assemble.js';
import type { ParsedCategoryNote, ParsedToolNote } from '../catalog/note.js';
import type { Problem } from '../catalog/types.js';
import { listNoteFiles, readBytes } from './files.js';

export async function loadLayer(dir: string, display: (file: string) => string = (f) => f): Promise<{ layer: Layer; problems: Problem[]; files: number }> {
  const { decodeNote, parseNote } = await import('./pipeline.js');
  const layer: Layer = { name: dir, tools: [], categories: [] };
  const problems: Problem[] = [];
  const notes = listNoteFiles(dir);
  for (const { kind, file } of notes) {
    const shown = display(file);
    const decoded = decodeNote(readBytes(file), shown);
    problems.push(...decoded.problems);
    if (decoded.text === null) continue;
    const parsed = parseNote(kind, decoded.text, shown);
    problems.push(...parsed.problems);
    if (!parsed.note) continue;
    if (kind === 'tool') layer.tools.push(parsed.note as ParsedToolNote);
    else layer.categories.push(parsed.note as ParsedCategoryNote);
  }
  return { layer, problems, files: notes.length };
}

