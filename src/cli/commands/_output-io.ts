import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkPartNumber } from '../../partnumber/index.js';
import type { Result } from '../../result.js';
import { CliUsageError, EXIT, write, type CliIo } from '../io.js';

/** Output helpers of the commands that generate one file (model, drawing). */
export interface GeneratedFile {
  readonly fileName: string;
  readonly content: string;
}

/** Turns a failed Result into the CLI's error (exit code 1, as for any unusable part number). */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const hint = r.suggestions?.length ? ` Did you mean: ${r.suggestions.join(', ')}?` : '';
  throw new CliUsageError(r.error.code, `${r.error.message}${hint}`, EXIT.FINDINGS);
}

/** Writes a generated file to -o (relative to the working directory) or to stdout. */
export async function emit(io: CliIo, file: GeneratedFile, output: string | undefined): Promise<void> {
  if (!output) return write(io.stdout, file.content);
  const path = resolve(io.cwd, output);
  try {
    await writeFile(path, file.content);
  } catch (err) {
    throw new CliUsageError('OUTPUT_WRITE_FAILED', `cannot write ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  await write(io.stderr, `wrote ${path} (${Buffer.byteLength(file.content)} bytes)\n`);
}

/** Nonstandard part numbers still get a file (dimensions from the table's formula) and exit code 1. */
export function statusExit(pns: readonly string[], io: CliIo): number {
  let code: number = EXIT.OK;
  for (const pn of pns) {
    const check = checkPartNumber(pn);
    if (check.status === 'nonstandard') {
      void io.stderr.write(`warning [${check.errors[0]?.code ?? 'NOT_LISTED'}]: ${check.errors[0]?.message ?? ''}\n`);
      code = EXIT.FINDINGS;
    }
  }
  return code;
}

