import { parseRoleOverrides, type RoleOverrides } from '../../geometry/index.js';
import { createReadStream } from 'node:fs';
import { readBounded } from '../bounded.js';
import { basename, resolve } from 'node:path';
import type { A4sError } from '../../errors.js';
import type { Result } from '../../result.js';
import type { CommandContext } from '../context.js';
import { writeOutputFile } from '../files.js';
import { CliUsageError, exitCodeOfStatus, json, write } from '../io.js';

/** The `--overrides` option text shared by the commands that draw land patterns. */
export const OVERRIDES_HELP =
  'JSON or YAML file of land-pattern parameters from the manufacturer\'s drawing: flat for both roles (e.g. {"signalPadLengthMm": 0.75}) or split, {"socket": {...}, "header": {...}}';

/** Overrides files are read up to 1 MiB (assumed: one is a few hundred bytes). */
const MAX_OVERRIDES_BYTES = 1024 * 1024;

/** Reads a JSON or YAML overrides file (YAML is a superset of JSON); the core validates its content. */
export async function readOverrides(cwd: string, file: string | undefined): Promise<{ overrides: unknown; origin: string } | undefined> {
  if (file === undefined) return undefined;
  const path = resolve(cwd, file);
  let text: string;
  let bytes: Buffer | null;
  try {
    // Bounded whatever the file is (a FIFO, /dev/zero): a land-pattern overrides file is a few hundred bytes.
    bytes = await readBounded(createReadStream(path), MAX_OVERRIDES_BYTES);
  } catch (err) {
    throw new CliUsageError('KICAD_OVERRIDES_UNREADABLE', `Cannot read the overrides file ${file}: ${(err as Error).message}`);
  }
  if (bytes === null)
    throw new CliUsageError(
      'KICAD_OVERRIDES_UNREADABLE',
      `The overrides file ${file} is over ${MAX_OVERRIDES_BYTES.toLocaleString('en-US')} bytes; an overrides file is a few hundred.`,
    );
  text = bytes.toString('utf8');
  // The file name is written into the outputs as provenance: keep it printable.
  const origin = `override: user file ${basename(path).replace(/[\u0000-\u001f\u007f]/g, '?')}`;
  // yaml is imported only here, when a file is given: commands without --overrides start without it.
  const { parse: parseYaml } = await import('yaml');
  try {
    return { overrides: parseYaml(text), origin };
  } catch (err) {
    throw new CliUsageError('KICAD_OVERRIDES_UNREADABLE', `The overrides file ${file} is not JSON or YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Reads and validates an overrides file (flat, or split by role); undefined without --overrides. */
export async function readRoleOverrides(cwd: string, file: string | undefined): Promise<{ overrides: RoleOverrides; overrideOrigin: string } | undefined> {
  const given = await readOverrides(cwd, file);
  if (!given) return undefined;
  const parsed = parseRoleOverrides(given.overrides);
  if (!parsed.ok) throw resultError(parsed.error, undefined);
  return { overrides: parsed.value, overrideOrigin: given.origin };
}

/** Part-number and override errors of the core, as the CLI reports them (exit codes from the registry: 1 for the part asked, 2 for an overrides file or a KiCad folder). */
export function resultError(e: A4sError, suggestions: readonly string[] | undefined): CliUsageError {
  const hint = suggestions?.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
  return new CliUsageError(e.code, `${e.message}${hint}`);
}

/** A KiCad file of one part: what the core's footprintFile and symbolLibraryFile give. */
interface KicadPartFile {
  readonly partNumber: string;
  readonly status: string;
  readonly content: string;
}

/** How the footprint or symbol command reports its file. */
export interface KicadFileReport {
  /** Said after "is not in the catalog tables" when the part is not a standard one. */
  readonly notListedDetail: string;
  /** The --json object's fields after the part number and status; the content or, with -o, `writtenTo` follow. */
  readonly jsonFields: Readonly<Record<string, unknown>>;
  /** What stdout says after writing -o (without --json). */
  readonly writtenLine: string;
}

/**
 * The footprint and symbol commands' output: the core's error as the CLI's, else the exit code and
 * warning by the part's status, then the file: to -o (a symbolic link at the path is refused) and a
 * line on stdout, or to stdout; with --json one object instead of either.
 */
export async function emitKicadPartFile<File extends KicadPartFile>(
  ctx: CommandContext,
  result: Result<File>,
  options: { output?: string; json?: boolean },
  report: (file: File) => KicadFileReport,
): Promise<void> {
  if (!result.ok) throw resultError(result.error, result.suggestions);
  const file = result.value;
  const { notListedDetail, jsonFields, writtenLine } = report(file);
  ctx.exitCode = exitCodeOfStatus(file.status);
  if (file.status === 'renamed')
    ctx.io.stderr.write(
      `warning [PART_RENAMED]: the part number given is a socket's number of the 2013-03 catalog edition; renamed: today ${file.partNumber} (the same part); this file is drawn for it.\n`,
    );
  else if (file.status !== 'standard')
    ctx.io.stderr.write(`warning [NOT_LISTED]: ${file.partNumber} is not in the catalog tables${notListedDetail}. Ask Panasonic sales.\n`);
  if (options.output !== undefined) {
    writeOutputFile(ctx.io.cwd, options.output, file.content);
  }
  if (options.json) {
    await write(
      ctx.io.stdout,
      json({
        partNumber: file.partNumber,
        status: file.status,
        ...jsonFields,
        ...(options.output !== undefined ? { writtenTo: options.output } : { content: file.content }),
      }),
    );
  } else if (options.output !== undefined) {
    await write(ctx.io.stdout, writtenLine);
  } else {
    await write(ctx.io.stdout, file.content);
  }
}
