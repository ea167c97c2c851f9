import { builtInSeries, type Series } from '../../catalog/index.js';
import { checkPartNumber } from '../../partnumber/index.js';
import { failAt as fail, type InputError, type PinMapInput } from '../types.js';
import type { Result } from '../../result.js';
import { parseStructured } from './parse-structured.js';
import { parseCsvPinMap } from './parse-csv.js';
import { notTextReason } from '../../text.js';

export { isNoConnect, parseNetShorthand } from './parse-common.js';
export { PIN_MAP_CSV_COLUMNS } from './parse-csv.js';
export { MAX_PIN_MAP_ITEMS } from './parse-structured.js';

export type PinMapFormat = 'yaml' | 'json' | 'csv';

/**
 * Far above any real pin map (an 80-pin map with every field and comments is about 15 kB); refused
 * before any parse so that a pathological document costs nothing.
 */
export const MAX_PIN_MAP_CHARS = 256 * 1024;

/**
 * Reads a pin map (YAML, JSON or CSV) into the normalised `PinMapInput`. Never throws: malformed
 * text, wrong types, negative currents, impossible pin numbers and invalid part numbers are
 * returned as errors with the line, column and field.
 */
export function parsePinMapText(
  text: string,
  format: PinMapFormat,
  options: { part?: string /** the pins come from a netlist */; allowNoPins?: boolean } = {},
  series: Series = builtInSeries,
): Result<PinMapInput, InputError> {
  if (typeof text !== 'string') return fail('PINMAP_FIELD', 'The pin map must be text.');
  if (text.length > MAX_PIN_MAP_CHARS)
    return fail('PINMAP_TOO_LARGE', `The input has ${text.length} characters; a pin map of an 80-pin part fits in a few kilobytes.`);
  const notText = notTextReason(text);
  if (notText !== null) return fail('INPUT_NOT_TEXT', `The pin map is not text: ${notText}.`);
  const parsed = format === 'csv' ? parseCsvPinMap(text, series) : parseStructured(text, format, series);
  if (!parsed.ok) return parsed;
  return withPart(parsed.value, options.part, options.allowNoPins === true, series);
}

/** Applies `--part` and validates the part numbers (invalid ones stop the check: exit code 2). */
function withPart(
  input: PinMapInput & { partLine?: number },
  cliPart: string | undefined,
  allowNoPins: boolean,
  series: Series,
): Result<PinMapInput, InputError> {
  const { partLine, ...rest } = input;
  let part = rest.part;
  if (cliPart !== undefined) {
    const given = checkPartNumber(cliPart, series);
    if (part !== null && given.partNumber !== null && checkPartNumber(part, series).partNumber !== given.partNumber) {
      return fail('PINMAP_FIELD', `The pin map names part ${part} but --part is ${cliPart}; give one of them.`, {
        field: 'part',
        ...(partLine ? { line: partLine } : {}),
      });
    }
    part = cliPart;
  }
  for (const [field, value] of [
    ['part', part],
    ['mate', rest.mate],
  ] as const) {
    if (value === null) continue;
    const check = checkPartNumber(value, series);
    if (check.status === 'invalid') {
      const e = check.errors[0]!;
      return fail(
        'PINMAP_PART_INVALID',
        `${field} "${value}": ${e.message} (${e.code})`,
        { field, ...(field === 'part' && partLine ? { line: partLine } : {}) },
        check.suggestions,
      );
    }
  }
  // Upper case and trimmed; an old number (renamed) stays as written, so that the check can say so (PART_OLD_NUMBER).
  const normalise = (v: string | null) => {
    if (v === null) return null;
    const c = checkPartNumber(v, series);
    return c.renamedFrom ?? c.partNumber ?? v;
  };
  if (rest.pins.length === 0 && !allowNoPins) return fail('PINMAP_EMPTY', 'The pin map assigns no pin.', { field: 'pins' });
  return { ok: true, value: { ...rest, part: normalise(part), mate: normalise(rest.mate) } };
}
