/** Terminal string width, padding and word wrapping (East Asian wide characters, escapes ignored). */
import { stripAnsi } from './sanitize.js';

/** Columns a code point occupies: 0 for combining marks, 2 for wide East Asian and emoji, else 1. */
function charWidth(cp: number): number {
  if (cp < 0x300) return cp < 0x20 ? 0 : 1;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x20e3) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Display width of a string in terminal columns, ignoring our own color codes. */
export function stringWidth(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let w = 0;
  for (const ch of stripAnsi(text)) w += charWidth(ch.codePointAt(0)!);
  return w;
}

export function padEnd(text: string, width: number): string {
  const gap = width - stringWidth(text);
  return gap > 0 ? text + ' '.repeat(gap) : text;
}

/** Splits text that is wider than `width` into pieces that fit, keeping its spaces. */
export function hardBreak(word: string, width: number): string[] {
  if (PLAIN_ASCII.test(word)) {
    const out: string[] = [];
    for (let i = 0; i < word.length; i += width) out.push(word.slice(i, i + width));
    return out.length ? out : [word];
  }
  const out: string[] = [];
  let cur = '';
  let w = 0;
  for (const ch of word) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width && cur !== '') {
      out.push(cur);
      cur = '';
      w = 0;
    }
    cur += ch;
    w += cw;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** A word that is a URL, possibly in brackets: "(https://example.org/x)," */
export const URL_WORD = /^\(?https?:\/\/\S+$/;

/** Splits a too-wide word after hyphens and slashes, so "single-binary-raft" breaks between parts. */
function softPieces(word: string, room: number): string[] {
  if (stringWidth(word) <= room) return [word];
  const parts = word.split(/(?<=[-/_.,])(?=.)/);
  return parts.length > 1 ? parts : [word];
}

/**
 * Word-wraps plain text to `width` columns; `indent` prefixes continuation lines, `firstIndent` the first.
 * Long words break after hyphens or slashes, else anywhere. Never returns a line wider than `width`.
 */
export function wrap(text: string, width: number, indent = '', firstIndent = ''): string[] {
  const w = Math.max(1, width);
  const indentW = stringWidth(indent);
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = firstIndent;
    let lineW = stringWidth(firstIndent);
    let empty = true;
    const newLine = () => {
      lines.push(line);
      line = indent;
      lineW = indentW;
      empty = true;
    };
    for (const word of para.split(/\s+/).filter((x) => x !== '')) {
      if (URL_WORD.test(word)) {
        // A URL is never broken (copying and click-to-open need it whole): it gets a line of its own
        // when it does not fit, and may overflow that line.
        const pw = stringWidth(word);
        if (!empty && lineW + 1 + pw > w) newLine();
        line += (empty ? '' : ' ') + word;
        lineW += (empty ? 0 : 1) + pw;
        empty = false;
        continue;
      }
      const room = Math.max(1, w - indentW);
      softPieces(word, room).forEach((piece, k) => {
        const glue = k === 0 && !empty ? 1 : 0;
        const pw = stringWidth(piece);
        if (lineW + glue + pw <= w) {
          line += (glue ? ' ' : '') + piece;
          lineW += glue + pw;
          empty = false;
          return;
        }
        if (!empty) newLine();
        if (lineW + pw <= w) {
          line += piece;
          lineW += pw;
          empty = false;
          return;
        }
        const chunks = hardBreak(piece, Math.max(1, w - lineW));
        chunks.forEach((chunk, i) => {
          if (i > 0) newLine();
          line += chunk;
          lineW += stringWidth(chunk);
          empty = false;
        });
      });
    }
    lines.push(empty && line.trim() === '' ? line.trimEnd() : line);
  }
  return lines.map((l) => (stringWidth(l) > w && !URL_WORD.test(l.trim().split(/\s+/).pop() ?? '') ? hardBreak(l, w)[0]! : l));
}

/** Cuts text to at most `width` columns, ending with "…" when anything was cut. */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
