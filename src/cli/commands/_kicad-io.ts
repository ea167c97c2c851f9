import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { A4sError } from '../../errors.js';
import { CliUsageError, EXIT } from '../io.js';

/** Reads a JSON or YAML overrides file (YAML is a superset of JSON); the core validates its content. */
export async function readOverrides(cwd: string, file: string | undefined): Promise<{ overrides: unknown; origin: string } | undefined> {
  if (file === undefined) return undefined;
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliUsageError('KICAD_OVERRIDES_UNREADABLE', `Cannot read the overrides file ${file}: ${(err as Error).message}`);
  }
  try {
    return { overrides: parseYaml(text), origin: `override: user file ${basename(path)}` };
  } catch (err) {
    throw new CliUsageError('KICAD_OVERRIDES_UNREADABLE', `The overrides file ${file} is not JSON or YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Part-number and override errors of the core, as the CLI reports them (same exit codes as `a4s dims`). */
export function resultError(e: A4sError, suggestions: readonly string[] | undefined): CliUsageError {
  const hint = suggestions?.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
  return new CliUsageError(e.code, `${e.message}${hint}`, e.code.startsWith('KICAD_') ? EXIT.USAGE : EXIT.FINDINGS);
}
