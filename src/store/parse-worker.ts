/** Worker thread entry (dist/parse-worker.cjs): parses notes or writes files as the main thread asks (see parse-notes.ts). */
import { parentPort } from 'node:worker_threads';
import { parseJob, writeFiles, type HelperRequest } from './parse-notes.js';

parentPort?.on('message', (request: HelperRequest) => {
  parentPort!.postMessage('parse' in request ? request.parse.map(parseJob) : writeFiles(request.dir, request.files));
});
