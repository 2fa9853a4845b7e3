/**
 * Parses note files into cache entries, on both cores when there are many: a helper worker thread parses
 * part of the notes while this thread parses the rest, then analyses part of the tools for the search
 * index. Few notes, or no worker bundle (tests run the TypeScript sources), work here alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeNote, parseNote, type NoteKind } from '../catalog/note.js';
import type { Category, Tool } from '../catalog/types.js';
import { analyzeTools, type DocTerms } from '../search/index.js';
import type { CachedNote } from './user-state.js';

export interface ParseJob {
  file: string;
  kind: NoteKind;
  mtimeMs: number;
  size: number;
}

/** What the helper thread is asked: parse notes, or analyse tools for the search index. */
export type HelperRequest = { parse: ParseJob[] } | { analyse: Tool[]; categories: Category[] };

/** Answers one request (in the helper thread, or here when there is none). */
export function answer(request: HelperRequest): unknown {
  if ('parse' in request) return request.parse.map(parseJob);
  return analyzeTools({ tools: request.analyse, categories: request.categories });
}

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

export interface Helper {
  /** True when a worker thread does the work (otherwise this thread does it when asked). */
  parallel: boolean;
  parse(jobs: ParseJob[]): Promise<CachedNote[]>;
  analyse(tools: Tool[], categories: Category[]): Promise<DocTerms[]>;
  close(): void;
}

function helperOf(ask: (request: HelperRequest) => Promise<unknown>, parallel: boolean, close: () => void): Helper {
  return {
    parallel,
    parse: (jobs) => ask({ parse: jobs }) as Promise<CachedNote[]>,
    analyse: (tools, categories) => ask({ analyse: tools, categories }) as Promise<DocTerms[]>,
    close,
  };
}

/** This thread doing the helper's work, when there is no worker. */
const inline = helperOf(async (request) => answer(request), false, () => {});

/** A helper worker thread when the work is large enough and the bundle is there; this thread otherwise. */
export async function startHelper(notes: number): Promise<Helper> {
  const dir = typeof __dirname === 'string' ? __dirname : null;
  const bundle = dir && notes >= WORKER_MIN_NOTES ? path.join(dir, 'parse-worker.cjs') : null;
  if (!bundle || !fs.existsSync(bundle)) return inline;
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(bundle);
  worker.unref();
  // Replies come in the order of the requests; a failed worker leaves the remaining work to this thread.
  const waiting: { request: HelperRequest; resolve: (reply: unknown) => void }[] = [];
  let failed = false;
  worker.on('message', (reply) => waiting.shift()?.resolve(reply));
  worker.on('error', () => {
    failed = true;
    for (const w of waiting.splice(0)) w.resolve(answer(w.request));
  });
  const ask = (request: HelperRequest) =>
    failed
      ? Promise.resolve(answer(request))
      : new Promise<unknown>((resolve) => {
          waiting.push({ request, resolve });
          worker.postMessage(request);
        });
  return helperOf(ask, true, () => void worker.terminate());
}

/** Parses notes, the helper taking a share while this thread parses the rest. */
export async function parseNotes(jobs: ParseJob[], helper: Helper = inline): Promise<CachedNote[]> {
  if (!helper.parallel || jobs.length < WORKER_MIN_NOTES) return jobs.map(parseJob);
  const theirs = Math.floor(jobs.length * 0.45); // the worker starts later: give it a little less
  const pending = helper.parse(jobs.slice(jobs.length - theirs));
  const mine = jobs.slice(0, jobs.length - theirs).map(parseJob);
  return [...mine, ...(await pending)];
}
