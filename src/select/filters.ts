import { fail, ok, type Result } from '../result.js';
import type { PartQuery } from './query.js';

/**
 * The filters of `a4s parts`, `GET /api/parts` and the page's URL, as the strings a user types.
 * One parser for the three faces so that the same words mean the same query everywhere.
 * Names are the CLI's option names (`min-signals`, not `minSignals`).
 */
export interface PartFilterInput {
  role?: string;
  pins?: string;
  'min-signals'?: string;
  height?: string;
  packaging?: string;
  /** Flags: present (any value but "false"/"0") means on. */
  inspection?: string | boolean;
  production?: string | boolean;
}

export const PART_FILTER_NAMES = ['role', 'pins', 'min-signals', 'height', 'packaging', 'inspection', 'production'] as const;
export const ROLE_CHOICES = ['socket', 'header'] as const;
/** "1" is accepted for 1.0 because users type it. */
export const HEIGHT_CHOICES = ['0.8', '1.0', '1'] as const;
export const PACKAGING_CHOICES = ['8mm-pitch', '4mm-pitch'] as const;
/** Pin counts are two-digit in part numbers; 999 bounds "at least N" without rejecting big asks. */
export const PINS_FILTER_MAX = 999;

/**
 * Parses the filters; `prefix` is how the face names an option in messages ("--" for the CLI).
 * Returns BAD_OPTION naming the first bad filter.
 */
export function partQueryFromFilters(input: PartFilterInput, prefix = ''): Result<PartQuery> {
  try {
    const height = choice(prefix, 'height', input.height, HEIGHT_CHOICES);
    const query: PartQuery = {
      role: choice(prefix, 'role', input.role, ROLE_CHOICES),
      pins: integer(prefix, 'pins', input.pins, 1, PINS_FILTER_MAX),
      minSignals: integer(prefix, 'min-signals', input['min-signals'], 1, PINS_FILTER_MAX),
      matedHeightMm: height === undefined ? undefined : height === '0.8' ? 0.8 : 1.0,
      packaging: choice(prefix, 'packaging', input.packaging, PACKAGING_CHOICES),
      inspection: inspectionFilter(prefix, input),
    };
    return ok(query);
  } catch (err) {
    if (err instanceof FilterError) return fail({ code: 'BAD_OPTION', message: err.message });
    throw err;
  }
}

class FilterError extends Error {}

/** inspection only, production only, or both; asking for both filters at once finds nothing, so it is refused. */
function inspectionFilter(prefix: string, input: PartFilterInput): boolean | undefined {
  const inspection = flag(prefix, 'inspection', input.inspection);
  const production = flag(prefix, 'production', input.production);
  if (inspection && production)
    throw new FilterError(`${prefix}inspection and ${prefix}production exclude each other: give one of them, or neither for both kinds.`);
  return inspection ? true : production ? false : undefined;
}

function integer(prefix: string, name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  // Decimal digits only: Number() would also take "4e1" and "0x28", which are typos here.
  const n = /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new FilterError(`${prefix}${name} "${value}" is not an integer from ${min} to ${max}.`);
  }
  return n;
}

function choice<T extends string>(prefix: string, name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new FilterError(`${prefix}${name} "${value}" must be one of: ${choices.join(', ')}.`);
  return value as T;
}

function flag(prefix: string, name: string, value: string | boolean | undefined): boolean {
  if (value === undefined || value === false) return false;
  if (value === true || value === '' || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new FilterError(`${prefix}${name} "${value}" must be true or false (or given without a value).`);
}
