/**
 * Parses note files into cache entries, on both cores when there are many: a helper worker thread parses
 * part of the notes while this thread parses the rest, then analyses part of the tools for the search
 * index. Few notes, or no worker bundle (tests run the TypeScript sources), work here alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeNote, parseNote, type NoteKind } from '../catalog/note.js';
import type { Category, Tool } from '../catalog/types.js';
import { analyzeTools, type AnalysedFields } from '../search/index.js';
import { buildTermTable, type TermTable } from '../search/term-table.js';
import { writeAtomic } from './files.js';
import type { CachedNote } from './user-state.js';

export interface ParseJob {
  file: string;
  kind: NoteKind;
  mtimeMs: number;
  size: number;
}

/**
 * What the helper thread is asked: parse notes, taking chunks of them from a counter shared with this
 * thread (and, with `pack`, write what it parsed as a pack of parsed notes: the helper is idle while this
 * thread compiles, and the pack is a large file), or analyse tools.
 */
export type HelperRequest = { parse: ParseJob[]; next: SharedArrayBuffer; pack?: string } | { analyse: AnalysedFields[]; categories: Category[] };

/** Notes parsed by one thread: their positions in the job list, and the results. */
export interface ParsedShare {
  at: number[];
  notes: CachedNote[];
}

/** Answers one request (in the helper thread, or here when there is none). */
export function answer(request: HelperRequest): unknown {
  if ('parse' in request) {
    const share = parseShare(request.parse, new Int32Array(request.next));
    if (request.pack) writeAtomic(request.pack, JSON.stringify(Object.fromEntries(share.at.map((i, k) => [request.parse[i]!.file, share.notes[k]]))));
    return share;
  }
  return buildTermTable(request.analyse.map((t) => t.id), analyzeTools({ categories: request.categories }, request.analyse));
}

/** Notes taken per turn from the shared counter: small enough that neither thread waits long for the other. */
const CHUNK = 24;

/** Parses chunks of `jobs` until the shared counter passes the end; the other thread takes the other chunks. */
function parseShare(jobs: ParseJob[], next: Int32Array): ParsedShare {
  const share: ParsedShare = { at: [], notes: [] };
  for (;;) {
    const from = Atomics.add(next, 0, CHUNK);
    if (from >= jobs.length) return share;
    for (let i = from; i < Math.min(from + CHUNK, jobs.length); i++) {
      share.at.push(i);
      share.notes.push(parseJob(jobs[i]!));
    }
  }
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
  parse(jobs: ParseJob[], next: SharedArrayBuffer, pack?: string): Promise<ParsedShare>;
  /** The tools analysed, as a term table (typed arrays cross threads cheaply; analysed documents did not). */
  analyse(tools: AnalysedFields[], categories: Category[]): Promise<TermTable>;
  close(): void;
}

function helperOf(ask: (request: HelperRequest) => Promise<unknown>, parallel: boolean, close: () => void): Helper {
  return {
    parallel,
    parse: (jobs, next, pack) => ask({ parse: jobs, next, pack }) as Promise<ParsedShare>,
    analyse: (tools, categories) => ask({ analyse: tools, categories }) as Promise<TermTable>,
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
  // Replies come in the order of the requests; a worker that fails or exits leaves the remaining work to this thread.
  const waiting: { request: HelperRequest; resolve: (reply: unknown) => void; reject: (err: unknown) => void }[] = [];
  let failed = false;
  const takeOver = () => {
    failed = true;
    for (const w of waiting.splice(0)) {
      try {
        w.resolve(answer(w.request));
      } catch (err) {
        w.reject(err);
      }
    }
  };
  worker.on('message', (reply) => waiting.shift()?.resolve(reply));
  worker.on('error', takeOver);
  worker.on('exit', takeOver);
  const ask = (request: HelperRequest) =>
    failed
      ? Promise.resolve().then(() => answer(request))
      : new Promise<unknown>((resolve, reject) => {
          waiting.push({ request, resolve, reject });
          worker.postMessage(request);
        });
  return helperOf(ask, true, () => void worker.terminate());
}

/**
 * Parses notes on both threads: each takes chunks from a shared counter, so the helper (which starts
 * tens of milliseconds late) takes what it can and this thread never waits for a fixed share. With
 * `pack`, the helper also writes what it parsed there as a pack of parsed notes; `packed` lists them.
 */
export async function parseNotes(jobs: ParseJob[], helper: Helper = inline, pack?: string): Promise<{ notes: CachedNote[]; packed: string[] }> {
  if (!helper.parallel || jobs.length < WORKER_MIN_NOTES) return { notes: jobs.map(parseJob), packed: [] };
  const next = new SharedArrayBuffer(4);
  const pending = helper.parse(jobs, next, pack);
  const mine = parseShare(jobs, new Int32Array(next));
  const theirs = await pending;
  const notes: CachedNote[] = new Array(jobs.length);
  for (const share of [mine, theirs]) share.at.forEach((i, k) => (notes[i] = share.notes[k]!));
  // Chunks a failed helper had taken but not answered are parsed here.
  for (let i = 0; i < jobs.length; i++) notes[i] ??= parseJob(jobs[i]!);
  return { notes, packed: pack ? theirs.at.map((i) => jobs[i]!.file) : [] };
}
