import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtInSeries, type Series } from '../catalog/index.js';
import { drainBody } from './body.js';
import { runJob, type Job, type JobOutput, type JobResult } from './jobs.js';
import { silentLogger, type Logger } from './log.js';
import { ProblemError } from './problem.js';

/**
 * The CPU-heavy requests (footprint verification, pin-map and two-board checks, the whole
 * libraries) run in a small pool of worker threads, so that the event loop keeps answering every
 * other request (`GET /api/parts/{pn}`, `/healthz`) while they compute. Admission is bounded:
 * `size` jobs run, at most `queueBound` more wait; past that a request is refused at once with 503
 * SERVER_BUSY and `Retry-After` (before its body is read, so refused uploads cost no memory). Each
 * worker's heap is bounded (`heapMb`): a job that needs more is answered 413 MEMORY_LIMIT and its
 * worker replaced. A request that times out while its job waits leaves the queue; one whose job runs
 * stops it (the worker is terminated and replaced).
 */
export interface PoolOptions {
  /** Worker threads (default `defaultPoolSize()`); 0 runs the jobs on the main thread (still bounded by admission). */
  readonly size?: number;
  /** Jobs that may wait for a worker (default QUEUE_BOUND). */
  readonly queueBound?: number;
  /** Old-generation heap of one worker in MB (default WORKER_HEAP_MB). */
  readonly heapMb?: number;
  /** The worker's file (default `workerEntry()`, next to this code); tests give another. */
  readonly entry?: URL | null;
  readonly logger?: Logger;
  /**
   * The series the jobs work from (default the built-in one). Another edition's catalog object goes
   * to each worker once, as its `workerData` (the worker builds its series from it once: worker.ts).
   */
  readonly series?: Series;
}

/** What a worker is started with: the catalog of the edition to work from, or null for the built-in one. */
export interface WorkerData {
  readonly catalog: Series['catalog'] | null;
}

/** Cores minus one for the event loop, at least one (assumed: the main thread needs a core to stay responsive). */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/**
 * Jobs waiting beyond the running ones (assumed: the largest footprint, 4 MiB, takes ≈ 0.5 s of one
 * core, so 32 waiting jobs are ≈ 16 s of work for one worker, about the 15 s a request may take;
 * more would only time out). Their bodies are in memory: at most (size + 32) × the route's body
 * limit.
 */
export const QUEUE_BOUND = 32;
/**
 * A worker's old-generation heap (assumed: verifying a 4 MiB footprint of 30,000 pads peaks at
 * ≈ 100 MB; twice that with room).
 */
export const WORKER_HEAP_MB = 256;
/** Young generation of a worker (V8's default for a 64-bit heap of this size is similar). */
const WORKER_YOUNG_MB = 16;
/** Bounds of the Retry-After estimate in seconds. */
const RETRY_AFTER_MIN_S = 1;
const RETRY_AFTER_MAX_S = 60;

export interface PoolStats {
  /** threads: jobs run in worker threads; in-process: on the main thread (size 0, or no worker could start). */
  readonly mode: 'threads' | 'in-process';
  readonly size: number;
  readonly queueBound: number;
  readonly running: number;
  readonly waiting: number;
}

/** An admitted request: run its job once, release when the request is over (always, in a finally). */
export interface Ticket {
  run(job: Job, signal?: AbortSignal): Promise<JobResult>;
  release(): void;
}

interface Pending {
  /** Dropped once posted to a worker (the worker has its own copy of the body text). */
  job: Job | null;
  readonly resolve: (r: JobResult) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
  slot: Slot | null;
  done: boolean;
}

interface Slot {
  readonly worker: Worker;
  /** The worker loaded its code (its first message). */
  ready: boolean;
  pending: Pending | null;
  /** Set when the pool terminates it on purpose (abort, close): its exit is not a crash. */
  retired: boolean;
}

export class JobPool {
  readonly size: number;
  readonly queueBound: number;
  readonly heapMb: number;
  readonly #logger: Logger;
  readonly #entry: URL | null;
  #inProcess: boolean;
  #admitted = 0;
  #running = 0;
  readonly #queue: Pending[] = [];
  readonly #slots = new Set<Slot>();
  #anyReady = false;
  #closed = false;
  readonly #series: Series;
  /** Moving average of job durations (ms), for Retry-After. */
  #avgJobMs = 500;

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? defaultPoolSize();
    this.queueBound = options.queueBound ?? QUEUE_BOUND;
    this.heapMb = options.heapMb ?? WORKER_HEAP_MB;
    this.#logger = options.logger ?? silentLogger;
    this.#series = options.series ?? builtInSeries;
    this.#entry = this.size > 0 ? (options.entry === undefined ? workerEntry() : options.entry) : null;
    this.#inProcess = this.size === 0 || this.#entry === null;
    if (this.size > 0 && this.#entry === null)
      this.#logger.log('warn', 'worker pool: no worker file next to the server; heavy requests run on the main thread', {
        looked: 'worker.js, worker-dev.mjs',
      });
  }

  get stats(): PoolStats {
    return {
      mode: this.#inProcess ? 'in-process' : 'threads',
      size: this.#inProcess ? 0 : this.size,
      queueBound: this.queueBound,
      running: this.#running,
      waiting: this.#queue.length,
    };
  }

  /** Admits a request or throws 503 SERVER_BUSY (with Retry-After) when `size + queueBound` are already in. */
  admit(): Ticket {
    const capacity = Math.max(1, this.size) + this.queueBound;
    if (this.#closed || this.#admitted >= capacity) {
      const retryAfterS = this.#retryAfterS();
      throw new ProblemError(
        503,
        'SERVER_BUSY',
        `The server is busy: ${Math.max(1, this.size)} heavy request(s) run and ${this.queueBound} wait, the most it takes at once; retry in ${retryAfterS} s.`,
        { retryAfterS },
        { 'retry-after': String(retryAfterS) },
      );
    }
    this.#admitted++;
    let released = false;
    let used = false;
    return {
      run: (job, signal) => {
        if (used) throw new Error('a ticket runs one job');
        used = true;
        return this.#run(job, signal);
      },
      release: () => {
        if (released) return;
        released = true;
        this.#admitted--;
      },
    };
  }

  /**
   * Starts the workers now rather than at the first heavy request (the server does at start: a
   * burst of uploads then does not also pay for loading the workers).
   */
  warm(): void {
    if (this.#inProcess || this.#closed) return;
    while (this.#slots.size < this.size) this.#spawn();
  }

  /** Terminates the workers (jobs still waiting are answered 503). */
  async close(): Promise<void> {
    this.#closed = true;
    for (const p of this.#queue.splice(0)) this.#finish(p, busyResult('The server is shutting down.'));
    await Promise.all([...this.#slots].map((s) => this.#retire(s)));
  }

  #retryAfterS(): number {
    const perWorker = ((this.#running + this.#queue.length) * this.#avgJobMs) / Math.max(1, this.size) / 1000;
    return Math.min(RETRY_AFTER_MAX_S, Math.max(RETRY_AFTER_MIN_S, Math.ceil(perWorker)));
  }

  #run(job: Job, signal: AbortSignal | undefined): Promise<JobResult> {
    return new Promise<JobResult>((resolve) => {
      const pending: Pending = {
        job,
        resolve,
        signal,
        slot: null,
        done: false,
        onAbort: () => this.#abort(pending),
      };
      if (signal?.aborted) {
        resolve(timeoutResult());
        return;
      }
      signal?.addEventListener('abort', pending.onAbort, { once: true });
      this.#queue.push(pending);
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      if (this.#inProcess) {
        // One at a time on the main thread, as a worker would: the queue still bounds the work.
        if (this.#running > 0) return;
        const p = this.#queue.shift()!;
        this.#running++;
        const started = performance.now();
        const job = p.job!;
        p.job = null;
        // Started on the next turn of the event loop, never chained to the previous job: requests
        // waiting for I/O are answered between two jobs.
        void new Promise<void>((r) => setImmediate(r))
          .then(() => runJob(job, this.#series))
          .then((r) => {
            this.#running--;
            this.#measured(performance.now() - started);
            this.#finish(p, r);
            this.#pump();
          });
        return;
      }
      const slot = this.#idleSlot();
      if (!slot) return;
      const p = this.#queue.shift()!;
      this.#start(slot, p);
    }
  }

  #idleSlot(): Slot | null {
    for (const s of this.#slots) if (s.pending === null && !s.retired) return s;
    if (this.#slots.size < this.size) return this.#spawn();
    return null;
  }

  #spawn(): Slot {
    const entry = this.#entry!;
    const worker = new Worker(entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      // The dev entry registers tsx itself; the parent's loader flags (vitest, tsx) are not for it.
      execArgv: [],
      // Cloned once per worker (48 kB for the built-in size); the built-in catalog is the worker's own.
      workerData: { catalog: this.#series === builtInSeries ? null : this.#series.catalog } satisfies WorkerData,
    });
    const slot: Slot = { worker, ready: false, pending: null, retired: false };
    this.#slots.add(slot);
    worker.unref();
    worker.on('message', (msg: { ready: true } | { result: JobResult }) => {
      if ('ready' in msg) {
        slot.ready = true;
        this.#anyReady = true;
        if (slot.pending) slot.pending.job = null;
        return;
      }
      const p = slot.pending;
      if (!p) return;
      slot.pending = null;
      this.#running--;
      worker.unref();
      this.#finish(p, msg.result);
      this.#pump();
    });
    worker.on('error', (err: Error & { code?: string }) => this.#lost(slot, err));
    worker.on('exit', (code) => this.#lost(slot, new Error(`worker exited with code ${code}`)));
    return slot;
  }

  #start(slot: Slot, p: Pending): void {
    slot.pending = p;
    p.slot = slot;
    this.#running++;
    slot.worker.ref();
    const started = performance.now();
    const resolve = p.resolve;
    (p as { resolve: (r: JobResult) => void }).resolve = (r) => {
      this.#measured(performance.now() - started);
      resolve(r);
    };
    // The body's bytes move to the worker (no copy) once it has loaded; until then the job is
    // copied and kept: if the worker cannot load, the job runs in process.
    const job = p.job!;
    if (slot.ready && 'body' in job) {
      slot.worker.postMessage({ job }, [job.body.buffer]);
      p.job = null;
    } else {
      slot.worker.postMessage({ job });
      if (slot.ready) p.job = null;
    }
  }

  /** A worker died (error or exit): its job is answered, the slot removed; the next job gets a new worker. */
  #lost(slot: Slot, err: Error & { code?: string }): void {
    if (!this.#slots.delete(slot)) return;
    const p = slot.pending;
    slot.pending = null;
    if (p) this.#running--;
    if (slot.retired) {
      if (p) this.#finish(p, timeoutResult());
      this.#pump();
      return;
    }
    if (!slot.ready && !this.#anyReady && p?.job !== null) {
      // The first worker could not even start (no tsx in a dev checkout, a broken build): say so
      // once and run the jobs on the main thread, rather than failing every heavy request.
      this.#inProcess = true;
      this.#logger.log('warn', 'worker pool: a worker could not start; heavy requests run on the main thread', { error: err.message });
      if (p) this.#queue.unshift(p);
      this.#pump();
      return;
    }
    if (p) {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.#finish(p, {
          ok: false,
          problem: {
            status: 413,
            code: 'MEMORY_LIMIT',
            detail: `The input needs more memory than one request may use (${this.heapMb} MB); send a smaller file, or use the CLI.`,
            extra: { limitMb: this.heapMb },
            headers: {},
          },
        });
      } else {
        this.#finish(p, { ok: false, crash: `worker: ${err.stack ?? err.message}` });
      }
    }
    this.#pump();
  }

  #abort(p: Pending): void {
    if (p.done) return;
    const waiting = this.#queue.indexOf(p);
    if (waiting >= 0) {
      this.#queue.splice(waiting, 1);
      this.#finish(p, timeoutResult());
      return;
    }
    // Running: stop the computation, not only the answer (the worker is replaced at the next job).
    const slot = p.slot;
    if (slot && slot.pending === p) {
      slot.pending = null;
      this.#running--;
      this.#slots.delete(slot);
      this.#finish(p, timeoutResult());
      void this.#retire(slot);
      this.#pump();
    }
  }

  async #retire(slot: Slot): Promise<void> {
    slot.retired = true;
    await slot.worker.terminate();
  }

  #finish(p: Pending, r: JobResult): void {
    if (p.done) return;
    p.done = true;
    p.signal?.removeEventListener('abort', p.onAbort);
    p.resolve(r);
  }

  #measured(ms: number): void {
    this.#avgJobMs = this.#avgJobMs * 0.8 + ms * 0.2;
  }
}

function timeoutResult(): JobResult {
  return {
    ok: false,
    problem: { status: 503, code: 'TIMEOUT', detail: 'The request was stopped before its job ended.', extra: {}, headers: { 'retry-after': '5' } },
  };
}

function busyResult(detail: string): JobResult {
  return { ok: false, problem: { status: 503, code: 'SERVER_BUSY', detail, extra: {}, headers: { 'retry-after': '5' } } };
}

/**
 * The worker's file, next to the running code: `worker.js` beside the bundle (dist/server/) or the
 * compiled sources (dist/src/server/); in a source checkout (vitest, tsx) `worker-dev.mjs`, which
 * registers tsx and loads worker.ts.
 */
export function workerEntry(base: string = import.meta.url): URL | null {
  for (const name of ['./worker.js', './worker-dev.mjs']) {
    const url = new URL(name, base);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** Admits a request with a body; refused (503), its body is read away first (bounded) so that the client reads the answer. */
export async function admitRequest(pool: JobPool, request: Request): Promise<Ticket> {
  try {
    return pool.admit();
  } catch (err) {
    await drainBody(request);
    throw err;
  }
}

/** A job's result as what to answer; a problem is thrown as the ProblemError it was, a crash as an Error (500, logged). */
export function jobOutput(result: JobResult): JobOutput {
  if (result.ok) return { body: result.body, contentType: result.contentType };
  if ('problem' in result) {
    const p = result.problem;
    throw new ProblemError(p.status, p.code, p.detail, p.extra, p.headers);
  }
  throw new Error(result.crash);
}

/**
 * A job whose result is kept (the libraries): admitted like any other, and not tied to the
 * request that started it (the next requests wait for the same result).
 */
export async function pooledOnce(pool: JobPool, job: Job): Promise<Uint8Array<ArrayBuffer>> {
  const ticket = pool.admit();
  try {
    const out = jobOutput(await ticket.run(job));
    return typeof out.body === 'string' ? new TextEncoder().encode(out.body) : out.body;
  } finally {
    ticket.release();
  }
}
