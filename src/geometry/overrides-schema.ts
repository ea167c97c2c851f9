import { z } from 'zod';
import { LAND_PARAM_NAMES, LAND_PARAM_OVERRIDES_DESCRIPTION, overrideBounds, type LandParamName, type LandParamOverrides as Overrides } from './params.js';

/**
 * The zod schema of a land-pattern overrides object: the definition (public, for JSON-schema and
 * library users). The program validates with checkLandParamOverrides (params.ts), which gives the
 * same answers and messages without loading zod; src/geometry/overrides.test.ts proves it.
 */
function overrideField(name: LandParamName) {
  const b = overrideBounds(name);
  return (b.minExclusive ? z.number().gt(b.min) : z.number().min(b.min)).max(b.max).optional().describe(b.description);
}

export const LandParamOverrides = z
  .strictObject(Object.fromEntries(LAND_PARAM_NAMES.map((n) => [n, overrideField(n)])) as Record<LandParamName, z.ZodOptional<z.ZodNumber>>)
  .describe(LAND_PARAM_OVERRIDES_DESCRIPTION);
export type LandParamOverrides = Overrides;

// The plain type and the schema's type are the same (a compile error here otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameType: Same<z.infer<typeof LandParamOverrides>, Overrides> = true;
void sameType;
