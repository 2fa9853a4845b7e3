// Escape sequences a note could use to attack a terminal: CSI (colors, cursor moves), OSC (hyperlinks,
// window titles, clipboard), DCS/PM/APC/SOS strings, and single-character escapes.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b[@-Z\\-_]?|\x9b[0-?]*[ -/]*[@-~]?|\x9d[^\x07\x9c]*[\x07\x9c]?/g;
// C0 controls except tab and newline, DEL, C1 controls, and Unicode bidirectional overrides/isolates.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const SUSPECT = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Makes untrusted note text safe to print: no escape sequences, no control or bidi characters. */
export function sanitize(text: string): string {
  // Every escape sequence starts with a control character, so clean text returns untouched.
  if (!SUSPECT.test(text)) return text;
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** Removes our own styling (SGR sequences) to measure or compare rendered text. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '').replace(/\x1b\]8;;[^\x1b\x07]*(?:\x1b\\|\x07)/g, '');
}
