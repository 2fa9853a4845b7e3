// Everything that turns note text into compiled artifacts, as one lazily loaded bundle:
// a plain `show` never needs the Markdown parsers or the index builder.
export { decodeNote, parseNote } from '../catalog/note.js';
export { assembleCatalog } from '../catalog/assemble.js';
export { compileArtifacts } from './compile.js';
export { fullBuild } from './full-build.js';
export { applyChanges } from './incremental.js';
export { memoryStore } from './memory.js';
export { loadLayer } from './load-layer.js';
