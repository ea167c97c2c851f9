import { fail, ok, type Result } from '../result.js';
import { notTextReason } from '../text.js';
import { createSeries, type Series } from './series.js';
import { CatalogDataError, parseCatalog } from './validate.js';

/**
 * A catalog edition given by the user (another edition, a sister family printed in the same form):
 * validated with the zod schema and its own part-number grammar, then made a `Series`. Used by
 * `--catalog <file>` (CLI), `A4S_CATALOG` (server) and `loadSeries` (the package root). This module
 * loads zod: the faces import it only when an edition is given, so the built-in catalog starts
 * without it (src/catalog/index.ts does not export it).
 */

/** How many problems a CATALOG_INVALID message lists (the schema stops at 5; the grammar check lists all). */
const MAX_PROBLEMS_SHOWN = 10;

/**
 * The series of a catalog object (what `JSON.parse` gives for an edition's file), or
 * CATALOG_INVALID naming each refused field by its path. `name` is how the message names the
 * catalog (the file's name). Never throws.
 */
export function loadSeries(data: unknown, name = 'the catalog'): Result<Series> {
  try {
    return ok(createSeries(parseCatalog(data, name)));
  } catch (err) {
    if (!(err instanceof CatalogDataError))
      return fail({ code: 'CATALOG_INVALID', message: `${name} cannot be used as a catalog: ${err instanceof Error ? err.message : String(err)}.` });
    // zod's path of the top level is empty: say so rather than print a bare colon.
    const shown = err.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => (p.startsWith(': ') ? `(the whole file)${p}` : p));
    const more = err.problems.length > shown.length ? `; and ${err.problems.length - shown.length} more` : '';
    // "<name> is invalid" (the schema) or "<name> is inconsistent" (its own grammar): the message's first line.
    const what = err.message.split('\n')[0]!.replace(/:$/, '');
    return fail({ code: 'CATALOG_INVALID', message: `${what}: ${shown.join('; ')}${more}.` });
  }
}

/** The series of an edition's JSON text: INPUT_NOT_TEXT for bytes that are not text, CATALOG_INVALID for text that is not JSON or not a catalog. */
export function loadSeriesText(text: string, name = 'the catalog'): Result<Series> {
  const notText = notTextReason(text);
  if (notText !== null) return fail({ code: 'INPUT_NOT_TEXT', message: `${name} is not text: ${notText}. Give the catalog's JSON file.` });
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return fail({
      code: 'CATALOG_INVALID',
      message: `${name} is not JSON (${(err as Error).message}); a catalog edition is a JSON file like data/a4s.catalog.json.`,
    });
  }
  return loadSeries(data, name);
}
