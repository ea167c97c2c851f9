import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { PLAIN_DECIMAL } from '../checks/csv.js'; // not checks/index.js: that loads yaml and zod
import type { ErrorCode } from '../errors.js';

/** Where a command reads and writes: real stdio in the binary, buffers in tests. */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  /** True when stdout is a terminal (progress bars, colours). */
  readonly isTTY: boolean;
  readonly cwd: string;
}

/** Exit codes shared by every command. */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2 } as const;

/** The exit code of a part's answer: 0 for a catalog part, 1 for an unlisted or invalid one. */
export function exitCodeOfStatus(status: string): number {
  return status === 'standard' ? EXIT.OK : EXIT.FINDINGS;
}

/** A usage or input error: printed as `error [CODE]: message`, exit code 2. */
export class CliUsageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: number = EXIT.USAGE,
  ) {
    super(message);
  }
}

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

/** Parses a number option (plain decimal only), or throws a usage error naming the option. */
export function numberOption(name: string, value: string | undefined, { integer = false, min = -Infinity, max = Infinity } = {}): number | undefined {
  if (value === undefined) return undefined;
  // Number() would also take "0x10", "1e3" or "Infinity": typos here, not numbers.
  const n = PLAIN_DECIMAL.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    const low = min === Number.MIN_VALUE ? ' greater than 0' : Number.isFinite(min) ? ` from ${min}` : '';
    const high = Number.isFinite(max) ? ` to ${max}` : '';
    throw new CliUsageError('BAD_OPTION', `--${name} "${value}" is not ${integer ? 'an integer' : 'a decimal number'}${low}${high}.`);
  }
  return n;
}

/** Makes user text safe to print on a terminal: control characters (C0, DEL, C1) become \xNN. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

export function choiceOption<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new CliUsageError('BAD_OPTION', `--${name} "${value}" must be one of: ${choices.join(', ')}.`);
  }
  return value as T;
}

/** Mated heights print as 0.8 / 1.0, as the catalog writes them. */
export function heights(values: readonly number[] | null): string {
  return values === null ? 'not stated' : values.length === 0 ? 'none' : values.map((h) => h.toFixed(1)).join(', ');
}
