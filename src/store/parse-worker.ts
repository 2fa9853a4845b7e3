/** Worker thread entry (dist/parse-worker.cjs): parses notes, analyses tools or writes files as the main thread asks (see parse-notes.ts). */
import { parentPort } from 'node:worker_threads';
import { answer, type HelperRequest } from './parse-notes.js';

parentPort?.on('message', (request: HelperRequest) => parentPort!.postMessage(answer(request)));
