import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { parseChoiceOption, parseOption, type OptionSpec } from '../options.js';
import type { Result } from '../result.js';
import type { ErrorCode } from '../errors.js';
import { escapeControls } from '../text.js';

/** Where a command reads and writes: real stdio in the binary, buffers in tests. */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  /** True when stdout is a terminal (progress bars, colours). */
  readonly isTTY: boolean;
  readonly cwd: string;
}

/** Exit codes shared by every command (INTERNAL: a bug, an exception no code names). */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2, INTERNAL: 3 } as const;

/** The exit code of a part's answer: 0 for a catalog part, 1 for an unlisted or invalid one. */
export function exitCodeOfStatus(status: string): number {
  return status === 'standard' ? EXIT.OK : EXIT.FINDINGS;
}

/**
 * An error the CLI prints as `error [CODE]: message`. Its exit code is its code's, by the one
 * conversion `exitCodeOf` (./exit.ts, loaded when an error is printed: the registry it reads imports
 * every core module's codes, which the start-up does not load). `partGiven` 'option': a part number
 * refused here came with an option of another command (`verify-footprint --part`), a usage error.
 */
export class CliUsageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly partGiven: PartGiven = 'asked',
  ) {
    super(message);
  }
}

/** Where a refused part number came from: the part the command answers about, or another command's option. */
export type PartGiven = 'asked' | 'option';

export async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Aligned plain-text table; cells are stringified, null shown as "—". */
export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((r) => r.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

export function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(cell).join(', ');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return printable(String(value));
}

/** Parses a shared option (src/options.ts's OPTIONS: one grammar and message for the CLI, the API and the page), or throws its error. */
export function sharedOption(spec: OptionSpec, value: string | undefined): number | undefined {
  return orUsageError(parseOption(spec, spec.cli, value));
}

/**
 * Makes user text safe to print on a terminal: control characters (C0, DEL, C1) become \xNN, the
 * bidirectional controls and line separators \uNNNN (the core's escapeControls, shared by every report).
 */
export const printable = escapeControls;

export function choiceOption<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  return orUsageError(parseChoiceOption(`--${name}`, value, choices));
}

/** The value of an option parsed by the core, or its error as a usage error (exit code 2). */
export function orUsageError<T>(result: Result<T>): T {
  if (!result.ok) throw new CliUsageError(result.error.code, result.error.message);
  return result.value;
}

/** Mated heights print as 0.8 / 1.0, as the catalog writes them. */
export function heights(values: readonly number[] | null): string {
  return values === null ? 'not stated' : values.length === 0 ? 'none' : values.map((h) => h.toFixed(1)).join(', ');
}
