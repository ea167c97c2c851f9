/**
 * A worker thread of the server's job pool (src/server/pool.ts): runs one job at a time and posts
 * its result back (a zip's bytes are transferred, not copied). Bundled to dist/server/worker.js
 * beside the server (scripts/bundle.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './jobs.js';

const port = parentPort;
if (!port) throw new Error('src/server/worker.ts runs as a worker thread of the server');
port.on('message', (msg: { job: Job }) => {
  void runJob(msg.job).then((result) => {
    const transfer = result.ok && typeof result.body !== 'string' ? [result.body.buffer] : [];
    port.postMessage({ result }, transfer);
  });
});
// Loaded: the pool may now drop its copy of the job it posted.
port.postMessage({ ready: true });
