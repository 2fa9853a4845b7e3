/** Everything the README promises to strip from note text: C0 but tab and newline, DEL, C1, bidi marks. */
export const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
