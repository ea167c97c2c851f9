import { parseChoiceOption, parseFlagOption, parseNumberOption } from '../options.js';
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
  const height = parseChoiceOption(`${prefix}height`, input.height, HEIGHT_CHOICES);
  if (!height.ok) return height;
  const role = parseChoiceOption(`${prefix}role`, input.role, ROLE_CHOICES);
  if (!role.ok) return role;
  const pins = parseNumberOption(`${prefix}pins`, input.pins, PIN_COUNT);
  if (!pins.ok) return pins;
  const minSignals = parseNumberOption(`${prefix}min-signals`, input['min-signals'], PIN_COUNT);
  if (!minSignals.ok) return minSignals;
  const packaging = parseChoiceOption(`${prefix}packaging`, input.packaging, PACKAGING_CHOICES);
  if (!packaging.ok) return packaging;
  const inspection = inspectionFilter(prefix, input);
  if (!inspection.ok) return inspection;
  return ok({
    role: role.value,
    pins: pins.value,
    minSignals: minSignals.value,
    matedHeightMm: height.value === undefined ? undefined : height.value === '0.8' ? 0.8 : 1.0,
    packaging: packaging.value,
    inspection: inspection.value,
  });
}

const PIN_COUNT = { integer: true, min: 1, max: PINS_FILTER_MAX, digitsOnly: true } as const;

/** inspection only, production only, or both; asking for both filters at once finds nothing, so it is refused. */
function inspectionFilter(prefix: string, input: PartFilterInput): Result<boolean | undefined> {
  const inspection = parseFlagOption(`${prefix}inspection`, input.inspection);
  if (!inspection.ok) return inspection;
  const production = parseFlagOption(`${prefix}production`, input.production);
  if (!production.ok) return production;
  if (inspection.value && production.value)
    return fail({
      code: 'BAD_OPTION',
      message: `${prefix}inspection and ${prefix}production exclude each other: give one of them, or neither for both kinds.`,
    });
  return ok(inspection.value ? true : production.value ? false : undefined);
}
