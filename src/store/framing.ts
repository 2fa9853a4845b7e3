/**
 * The framing shared by the store's binary files (the stamp, a delta): length-prefixed parts, each but
 * the last as a u32 length and its bytes, zero padding to `align` (typed-array views need it), then the
 * last part to the end of the file.
 */
export function frame(parts: Uint8Array[], align: number): Buffer {
  const head = parts.slice(0, -1);
  const last = parts[parts.length - 1]!;
  const at = Math.ceil(head.reduce((n, p) => n + 4 + p.length, 0) / align) * align;
  const out = Buffer.alloc(at + last.byteLength);
  let k = 0;
  for (const p of head) {
    out.writeUInt32LE(p.length, k);
    out.set(p, k + 4);
    k += 4 + p.length;
  }
  out.set(last, at);
  return out;
}

/** The `count` parts of a framed file; throws when it is truncated. */
export function unframe(bytes: Buffer, count: number, align: number): Buffer[] {
  const parts: Buffer[] = [];
  let k = 0;
  for (let i = 0; i < count - 1; i++) {
    const length = bytes.readUInt32LE(k);
    if (k + 4 + length > bytes.length) throw new Error('truncated file');
    parts.push(bytes.subarray(k + 4, k + 4 + length));
    k += 4 + length;
  }
  const at = Math.ceil(k / align) * align;
  if (at > bytes.length) throw new Error('truncated file');
  parts.push(bytes.subarray(at));
  return parts;
}
