/** Worker thread entry (dist/parse-worker.cjs): parses the notes it is given and posts the cache entries back. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseJob, type ParseJob } from './parse-notes.js';

parentPort?.postMessage((workerData as ParseJob[]).map(parseJob));
