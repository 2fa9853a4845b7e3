/**
 * Note Markdown to safe HTML: remark parses, remark-rehype converts, rehype-sanitize (GitHub's schema)
 * drops scripts, event handlers, `javascript:` links and raw HTML, rehype-stringify prints.
 */
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';

const processor = remark().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

/** Renders untrusted Markdown to sanitized HTML. Headings start at h3: the section's own title is the h2. */
export function markdownToHtml(markdown: string): string {
  const out = String(processor.processSync(markdown));
  return out.replace(/<(\/?)h([1-5])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.max(3, Number(level))}`);
}
