/**
 * vitest globalSetup (vitest.config.ts): one temporary folder per test run, removed when the run ends,
 * for what the test workers share across files (the bundled CLI: test/support/bundled-cli.ts). A
 * worker's own `exit` handler does not run when vitest stops the worker, so the worker cannot clean up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run's shared files, removed at its end. */
    a4sRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'a4s-test-run-'));
  project.provide('a4sRunDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
