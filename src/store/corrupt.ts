/** The error every store reader throws for a compiled artifact it cannot trust: missing, truncated, not JSON, or failing its checksum. */
export class CorruptArtifactError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`cannot read ${file}: ${reason}`);
  }
}
