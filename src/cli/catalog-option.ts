import type { Series } from '../catalog/index.js';
import type { CliIo } from './io.js';
import { CliUsageError } from './io.js';

/**
 * `--catalog <file>`: every command works from another catalog edition (a JSON file in the form of
 * data/a4s.catalog.json), validated with the zod schema at load. A global option: `a4s --catalog
 * f.json decode …` (it is also taken after the command's name, as commander takes program options).
 */
export const CATALOG_OPTION = '--catalog';
export const CATALOG_OPTION_HELP =
  'work from this catalog edition (a JSON file in the form of data/a4s.catalog.json, validated at load) instead of the built-in catalog';

/**
 * An edition's file is read up to 4 MiB (assumed: the built-in catalog is 48 kB; an edition a
 * hundred times larger is not a catalog any more).
 */
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

/** The words with `--catalog <file>` / `--catalog=<file>` taken out (up to `--`), and the file given (the last one wins, as commander's). */
export function takeCatalogOption(argv: readonly string[]): { file: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (word === CATALOG_OPTION && i + 1 < argv.length) {
      file = argv[++i];
    } else if (word.startsWith(`${CATALOG_OPTION}=`)) {
      file = word.slice(CATALOG_OPTION.length + 1);
    } else {
      rest.push(word);
    }
  }
  return { file, rest };
}

/**
 * The series of the edition in `file`: read with the CLI's bounded text reader, then validated
 * (zod loads here, only when the option is given). Errors are usage errors (exit code 2):
 * CATALOG_UNREADABLE (missing, a folder, too large, not UTF-8), INPUT_NOT_TEXT, CATALOG_INVALID
 * (not JSON; a field the schema refuses, or a number that does not follow the file's own grammar,
 * by its path).
 */
export async function loadCatalogFile(io: CliIo, file: string): Promise<Series> {
  if (file === '') throw new CliUsageError('CATALOG_UNREADABLE', `${CATALOG_OPTION} needs the path of a catalog edition's JSON file.`);
  const [{ readText }, { loadSeriesText }] = await Promise.all([import('./commands/_checks-io.js'), import('../catalog/edition.js')]);
  let text: string;
  try {
    text = await readText(io, file, MAX_CATALOG_BYTES, { code: 'CATALOG_UNREADABLE', why: 'a catalog edition is about 50 kB' });
  } catch (err) {
    if (err instanceof CliUsageError && err.code !== 'INPUT_NOT_TEXT') throw new CliUsageError('CATALOG_UNREADABLE', `${CATALOG_OPTION}: ${err.message}`);
    throw err;
  }
  const series = loadSeriesText(text, file === '-' ? 'the catalog on standard input' : file);
  if (!series.ok) throw new CliUsageError(series.error.code, `${CATALOG_OPTION}: ${series.error.message}`);
  return series.value;
}
