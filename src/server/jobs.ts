import { builtInSeries, type Series } from '../catalog/index.js';
import { eagleLibrary, easyedaLibrary } from '../formats/index.js';
import { utf8Text } from './body.js';
import type { ApiErrorCode } from './codes.js';
import { buildLibraryZip, buildPcmZip } from './library.js';
import { ProblemError } from './problem.js';
import { runCheck, type CheckJob } from './routes/modules.js';
import { runVerifyFootprint, type VerifyFootprintJob } from './routes/verify.js';

/**
 * The CPU-heavy work of a request (footprint verification, the pin-map and two-board checks, the
 * whole libraries), as plain data in and out: the same function runs in a pool worker
 * (src/server/worker.ts) or, when the pool runs in process, on the main thread, so the answer is
 * the same bytes either way. What the request needed from HTTP (the body's bytes, the query) is
 * read before; the body is decoded here, off the event loop; what it answers is the body and its
 * type, or a problem.
 */
export type Job =
  | ({ readonly kind: 'verify-footprint'; readonly body: Uint8Array<ArrayBuffer> } & Omit<VerifyFootprintJob, 'text'>)
  | ({ readonly kind: 'check'; readonly body: Uint8Array<ArrayBuffer> } & Omit<CheckJob, 'text'>)
  | { readonly kind: 'library-zip' }
  | { readonly kind: 'pcm-zip' }
  | { readonly kind: 'easyeda-library' }
  | { readonly kind: 'eagle-library' };

export interface JobProblem {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly detail: string;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;
}

export type JobResult =
  | { readonly ok: true; readonly body: string | Uint8Array<ArrayBuffer>; readonly contentType: string }
  | { readonly ok: false; readonly problem: JobProblem }
  /** A bug (an exception that is not a ProblemError): the server answers 500 and logs the stack. */
  | { readonly ok: false; readonly crash: string };

export interface JobOutput {
  readonly body: string | Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

/** Runs a job for the series the server answers for (a worker's is built once from the pool's workerData). */
export async function runJob(job: Job, series: Series = builtInSeries): Promise<JobResult> {
  try {
    const out = await compute(job, series);
    return { ok: true, body: out.body, contentType: out.contentType };
  } catch (err) {
    if (err instanceof ProblemError)
      return { ok: false, problem: { status: err.status, code: err.code, detail: err.message, extra: err.extra, headers: err.headers } };
    return { ok: false, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

function compute(job: Job, series: Series): JobOutput | Promise<JobOutput> {
  switch (job.kind) {
    case 'verify-footprint': {
      const { kind: _, body, ...rest } = job;
      return runVerifyFootprint({ ...rest, text: utf8Text(body) }, series);
    }
    case 'check': {
      const { kind: _, body, ...rest } = job;
      return runCheck({ ...rest, text: utf8Text(body) }, series);
    }
    case 'library-zip':
      return buildLibraryZip(series).then((body) => ({ body, contentType: 'application/zip' }));
    case 'pcm-zip':
      return buildPcmZip(series).then((body) => ({ body, contentType: 'application/zip' }));
    case 'easyeda-library':
      return { body: new Uint8Array(easyedaLibrary(undefined, series)), contentType: 'application/zip' };
    case 'eagle-library':
      return { body: eagleLibrary(undefined, series), contentType: 'application/xml; charset=utf-8' };
  }
}
