/**
 * Parses note files into cache entries, on both cores when there are many: a helper worker thread parses
 * part of the notes while this thread parses the rest, and later writes tool files while this thread builds
 * the search index. Few notes, or no worker bundle (tests run the TypeScript sources), work here alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeNote, parseNote, type NoteKind } from '../catalog/note.js';
import { hashText } from './files.js';
import type { CachedNote } from './user-state.js';

export interface ParseJob {
  file: string;
  kind: NoteKind;
  mtimeMs: number;
  size: number;
}

/** What the helper thread is asked: parse notes, or write files into a folder and return their hashes. */
export type HelperRequest = { parse: ParseJob[] } | { dir: string; files: [string, string][] };

/** Below this many notes a worker costs more (its start and its own parser bundle) than it saves. */
export const WORKER_MIN_NOTES = 600;

export function parseJob(job: ParseJob): CachedNote {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(job.file);
  } catch {
    bytes = new Uint8Array(0); // vanished since the scan: parses as an empty note, found again next time
  }
  const decoded = decodeNote(bytes, job.file);
  const parsed = decoded.text === null ? { note: null, problems: [] } : parseNote(job.kind, decoded.text, job.file);
  return { mtimeMs: job.mtimeMs, size: job.size, kind: job.kind, note: parsed.note, problems: [...decoded.problems, ...parsed.problems] };
}

/** Writes files (plain writes: the caller writes the manifest last) and returns their hashes. */
export function writeFiles(dir: string, files: [string, string][]): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const [name, text] of files) {
    fs.writeFileSync(path.join(dir, name), text);
    hashes[name] = hashText(text);
  }
  return hashes;
}

export interface Helper {
  parse(jobs: ParseJob[]): Promise<CachedNote[]>;
  write(dir: string, files: [string, string][]): Promise<Record<string, string>>;
  close(): void;
}

/** This thread doing the helper's work, when there is no worker. */
const inline: Helper = { parse: async (jobs) => jobs.map(parseJob), write: async (dir, files) => writeFiles(dir, files), close: () => {} };

/** A helper worker thread when the work is large enough and the bundle is there; this thread otherwise. */
export async function startHelper(notes: number): Promise<Helper> {
  const dir = typeof __dirname === 'string' ? __dirname : null;
  const bundle = dir && notes >= WORKER_MIN_NOTES ? path.join(dir, 'parse-worker.cjs') : null;
  if (!bundle || !fs.existsSync(bundle)) return inline;
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(bundle);
  worker.unref();
  let failed: Error | null = null;
  worker.on('error', (err) => (failed = err));
  const ask = <T>(request: HelperRequest, fallback: () => T): Promise<T> =>
    failed
      ? Promise.resolve(fallback())
      : new Promise<T>((resolve) => {
          const onError = () => resolve(fallback());
          worker.once('message', (reply: T) => {
            worker.off('error', onError);
            resolve(reply);
          });
          worker.once('error', onError);
          worker.postMessage(request);
        });
  return {
    parse: (jobs) => ask({ parse: jobs }, () => jobs.map(parseJob)),
    write: (d, files) => ask({ dir: d, files }, () => writeFiles(d, files)),
    close: () => void worker.terminate(),
  };
}

/** Parses notes, the helper taking a share while this thread parses the rest. */
export async function parseNotes(jobs: ParseJob[], helper: Helper = inline): Promise<CachedNote[]> {
  if (helper === inline || jobs.length < WORKER_MIN_NOTES) return jobs.map(parseJob);
  const theirs = Math.floor(jobs.length * 0.45); // the worker starts later: give it a little less
  const pending = helper.parse(jobs.slice(jobs.length - theirs));
  const mine = jobs.slice(0, jobs.length - theirs).map(parseJob);
  return [...mine, ...(await pending)];
}
