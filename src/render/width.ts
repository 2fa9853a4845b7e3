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

/** Display width of a string in terminal columns, ignoring our own color codes. */
export function stringWidth(text: string): number {
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

/**
 * Word-wraps plain text to `width` columns; `indent` prefixes continuation lines.
 * Never returns a line wider than `width` (as long as width > indent).
 */
export function wrap(text: string, width: number, indent = '', firstIndent = ''): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = firstIndent;
    let lineW = stringWidth(firstIndent);
    let prefixW = lineW;
    let empty = true;
    const words = para.split(/\s+/).filter((x) => x !== '');
    for (const word of words) {
      const ww = stringWidth(word);
      if (!empty && lineW + 1 + ww <= w) {
        line += ' ' + word;
        lineW += 1 + ww;
        continue;
      }
      if (!empty) {
        lines.push(line);
        line = indent;
        lineW = prefixW = stringWidth(indent);
      }
      if (lineW + ww <= w) {
        line += word;
        lineW += ww;
      } else {
        const room = Math.max(1, w - prefixW);
        const pieces = hardBreak(word, room);
        for (let i = 0; i < pieces.length - 1; i++) {
          lines.push(line + pieces[i]);
          line = indent;
          prefixW = stringWidth(indent);
        }
        line += pieces[pieces.length - 1] ?? '';
        lineW = stringWidth(line);
      }
      empty = false;
    }
    lines.push(empty ? firstIndent.trimEnd() : line);
  }
  return lines.map((l) => (stringWidth(l) > w ? hardBreak(l, w)[0]! : l));
}
