// The site builder as its own lazily loaded bundle: Graphviz and the Markdown-to-HTML pipeline load only for `site`.
export { buildSite, ASSET_FILES, type SiteResult } from './build.js';
