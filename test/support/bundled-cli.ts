/**
 * The CLI of these sources bundled by esbuild (scripts/bundle.ts bundleCli, as `npm run build` makes
 * `a4s`), once per test worker: the unit tier runs without per-file isolation, so the files of a
 * worker that start the real program (cli-writes, cli-bounds, cli-bundle, cli-catalog) share one
 * bundle instead of building one each. A process then starts in a tenth of a second, where
 * `node --import tsx src/cli/main.ts` compiled the sources again in every one.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { bundleCli } from '../../scripts/bundle.js';

let pending: Promise<string> | null = null;

/**
 * The path of the bundle's main.js (its chunks/ beside it); built at the first call of the worker,
 * in the run's folder (test/support/global-setup.ts removes it when the run ends).
 */
export function bundledCli(): Promise<string> {
  pending ??= bundleCli(join(mkdtempSync(join(inject('a4sRunDir'), 'cli-bundle-')), 'cli'));
  return pending;
}
