import { checkPartNumber, type PartNumberCheck } from '../partnumber/index.js';
import { fail, ok, type Result } from '../result.js';
import { landPattern, type LandPattern, type LandPatternOptions } from './landpattern.js';

export interface PartGeometry {
  readonly check: PartNumberCheck;
  readonly partNumber: string;
  readonly landPattern: LandPattern;
}

/**
 * Geometry for a part number. Tape packaging does not change the footprint and inspection parts
 * have the "same external dimensions and foot pattern as standard type" (catalog).
 */
export function partGeometry(input: string, options: Omit<LandPatternOptions, 'inspection'> = {}): Result<PartGeometry> {
  const check = checkPartNumber(input);
  if (!check.fields || !check.partNumber) return fail(check.errors[0]!, check.suggestions);
  const f = check.fields;
  return ok({ check, partNumber: check.partNumber, landPattern: landPattern(f.role, f.pins, f.matedHeightMm, { ...options, inspection: f.inspection }) });
}
