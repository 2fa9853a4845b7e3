/** A tiny tagged template for HTML: interpolated values are escaped unless wrapped by `raw`; arrays are joined. */

/** Markup we produced ourselves (or sanitized), to be inserted as is. */
export class Raw {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export const raw = (html: string): Raw => new Raw(html);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type Value = string | number | boolean | null | undefined | Raw | Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Raw) return v.html;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** `html\`<p>${text}</p>\`` escapes `text`; nested `html` results and `raw(...)` pass through. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Raw {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Raw(out);
}

/** An href for a URL taken from a note: only http(s) and mailto links are kept, anything else is null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

/** JSON for a classic `<script>` file: `</script>` and U+2028/9 cannot end or break the script. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
