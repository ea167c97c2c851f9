/**
 * A worker thread of the server's job pool (src/server/pool.ts): runs one job at a time and posts
 * its result back (a zip's bytes are transferred, not copied). Bundled to dist/server/worker.js
 * beside the server (scripts/bundle.ts).
 */
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { builtInSeries, createSeries, deepFreeze } from '../catalog/index.js';
import { runJob, type Job } from './jobs.js';
import type { WorkerData } from './pool.js';

/**
 * The worker thread yields to the event loop: a lower scheduling priority (nice +10; on Linux a
 * thread's own, the main thread keeps its) so that when the two compete for a core, the requests
 * waiting on the main thread are answered first and the heavy job takes longer instead.
 */
export const WORKER_NICE = 10;
try {
  setPriority(0, Math.max(getPriority(0), WORKER_NICE));
} catch {
  // not permitted here: the job runs at the process's priority
}

/**
 * The series of every job of this worker, built once from the catalog the pool gave (the edition of
 * A4S_CATALOG, validated by the server before it started; a structured clone, frozen again here).
 */
const given = (workerData as WorkerData | null)?.catalog ?? null;
const series = given === null ? builtInSeries : createSeries(deepFreeze(given));

const port = parentPort;
if (!port) throw new Error('src/server/worker.ts runs as a worker thread of the server');
port.on('message', (msg: { job: Job }) => {
  void runJob(msg.job, series).then((result) => {
    const transfer = result.ok && typeof result.body !== 'string' ? [result.body.buffer] : [];
    port.postMessage({ result }, transfer);
  });
});
// Loaded: the pool may now drop its copy of the job it posted.
port.postMessage({ ready: true });
