// Everything that turns note text into compiled artifacts, as one lazily loaded bundle:
// a plain `show` never needs the Markdown parsers or the index builder.
export { decodeNote, parseNote } from './note.js';
export { assembleCatalog } from './assemble.js';
export { compileArtifacts } from './compiled.js';
