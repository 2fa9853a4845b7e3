/**
 * Parses note files into cache entries, on both cores when there are many: a worker thread takes half
 * the notes while this thread parses the other half. Few notes, or no worker bundle (tests run the
 * TypeScript sources), parse here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeNote, parseNote, type NoteKind } from '../catalog/note.js';
import type { CachedNote } from './user-state.js';

export interface ParseJob {
  file: string;
  kind: NoteKind;
  mtimeMs: number;
  size: number;
}

/** Below this many notes a worker costs more (its start and its own parser bundle) than it saves. */
const WORKER_MIN_NOTES = 600;

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

function workerBundle(): string | null {
  const dir = typeof __dirname === 'string' ? __dirname : null;
  const file = dir ? path.join(dir, 'parse-worker.cjs') : null;
  return file && fs.existsSync(file) ? file : null;
}

export async function parseNotes(jobs: ParseJob[]): Promise<CachedNote[]> {
  const bundle = jobs.length >= WORKER_MIN_NOTES ? workerBundle() : null;
  if (!bundle) return jobs.map(parseJob);
  const { Worker } = await import('node:worker_threads');
  const half = Math.floor(jobs.length * 0.45); // the worker starts later: give it a little less
  const worker = new Worker(bundle, { workerData: jobs.slice(jobs.length - half) });
  const theirs = new Promise<CachedNote[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const mine = jobs.slice(0, jobs.length - half).map(parseJob);
  try {
    return [...mine, ...(await theirs)];
  } catch {
    return [...mine, ...jobs.slice(jobs.length - half).map(parseJob)];
  } finally {
    void worker.terminate();
  }
}
