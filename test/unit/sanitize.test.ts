/** The sanitizer's exact output: what it removes (escape sequences, controls, bidi) and what it keeps. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitize, stripAnsi } from '../../src/render/sanitize.js';
import { UNSAFE } from '../support/unsafe.js';

describe('sanitize', () => {
  it('removes a mix of sequences and keeps the text around them', () => {
    const nasty = 'a\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\ bell\x07 \u202eevil\u202c \x9b2J done';
    expect(sanitize(nasty)).toBe('ared  link bell evil  done');
  });

  it.each([
    ['CSI colors', 'a\x1b[31mred\x1b[0m', 'ared'],
    ['CSI cursor and clear', 'a\x1b[10;10Hb\x1b[2Jc\x1b[?25ld', 'abcd'],
    ['unterminated CSI', 'a\x1b[31', 'a'],
    ['OSC title ended by BEL', 'x\x1b]0;pwned\x07y', 'xy'],
    ['OSC title ended by ST', 'x\x1b]2;pwned\x1b\\y', 'xy'],
    ['unterminated OSC', 'a\x1b]0;title', 'a'],
    ['OSC 8 hyperlink', 'see \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ now', 'see click now'],
    ['OSC 52 clipboard', 'a\x1b]52;c;cm0gLXJmIC8K\x07b', 'ab'],
    ['DCS string', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['APC string', 'a\x1b_payload\x1b\\b', 'ab'],
    ['PM string', 'a\x1b^payload\x1b\\b', 'ab'],
    ['SOS string', 'a\x1bXpayload\x1b\\b', 'ab'],
    ['single-character escapes', 'a\x1bMb\x1bDc\x1b\\d', 'abcd'],
    ['a lone ESC', 'a\x1b', 'a'],
    ['C1 CSI', 'a\x9b2Jb\x9b31mc', 'abc'],
    ['C1 OSC', 'a\x9d0;title\x9cb', 'ab'],
    ['C1 OSC ended by BEL', 'a\x9d0;title\x07b', 'ab'],
    ['C0 controls, DEL and C1 controls', 'a\x00b\x07c\x08d\x7fe\x85f\x9fg\x0bh\x0ci\x1fj', 'abcdefghij'],
    ['carriage return', 'safe\rEVIL', 'safeEVIL'],
    ['bidi embeddings and overrides', 'a\u202ab\u202bc\u202cd\u202de\u202ef', 'abcdef'],
    ['bidi isolates', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
    ['direction marks', 'a\u200eb\u200fc\u061cd', 'abcd'],
  ])('%s', (_, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it('returns clean text untouched: tabs, newlines, accents, wide characters, joiners, quotes', () => {
    for (const s of ['', 'plain', 'a\tb\nc', 'naïve café — “quoted” ‘x’', '日本語のテキスト', '👩\u200d💻 dev', 'x [31m y', '100% \\ back']) {
      expect(sanitize(s)).toBe(s);
    }
  });

  it('leaves nothing of the unsafe class, no ESC byte, and is idempotent on any input', () => {
    const unit = fc.constantFrom(...'a b\t\n\x1b[]();\\\x07\x9b\x9c\x9d\x85\u202e\u2066\u2069\u200e\u061c0m_PX^'.split(''));
    for (const arb of [fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit, maxLength: 60 })]) {
      fc.assert(
        fc.property(arb, (s) => {
          const once = sanitize(s);
          expect(once).not.toMatch(UNSAFE);
          expect(sanitize(once)).toBe(once);
          // Only removes: every kept character appears in the input, in order.
          let at = 0;
          for (const ch of once) {
            at = s.indexOf(ch, at);
            expect(at).toBeGreaterThanOrEqual(0);
            at += ch.length;
          }
        }),
        // Fewer runs under mutation testing (every sanitizer mutant reruns this); the full count in npm test.
        { numRuns: process.env.DEVOPS_KB_MUTATION ? 60 : 300 },
      );
    }
  });
});

describe('stripAnsi', () => {
  it('removes SGR styling only', () => {
    expect(stripAnsi('\x1b[1m\x1b[38;5;10mbold\x1b[0m x\x1b[m')).toBe('bold x');
    expect(stripAnsi('a\x1b[2Jb')).toBe('a\x1b[2Jb');
  });
});
