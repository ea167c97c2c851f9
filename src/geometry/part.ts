import { builtInSeries, type Role, type Series } from '../catalog/index.js';
import { checkPartNumber, type PartNumberCheck } from '../partnumber/index.js';
import { fail, ok, type Result } from '../result.js';
import { error } from '../errors.js';
import { landPattern, type LandPattern, type LandPatternOptions } from './landpattern.js';
import type { LandParamOverrides } from './params.js';
import { rectBox } from './shapes.js';

export interface PartGeometry {
  readonly check: PartNumberCheck;
  readonly partNumber: string;
  readonly landPattern: LandPattern;
}

/**
 * Geometry for a part number. Tape packaging does not change the footprint and inspection parts
 * have the "same external dimensions and foot pattern as standard type" (catalog).
 */
export function partGeometry(input: string, options: Omit<LandPatternOptions, 'inspection'> = {}, series: Series = builtInSeries): Result<PartGeometry> {
  const check = checkPartNumber(input, series);
  if (!check.fields || !check.partNumber) return fail(check.errors[0]!, check.suggestions);
  const f = check.fields;
  const lp = landPattern(f.role, f.pins, f.matedHeightMm, { ...options, inspection: f.inspection }, series);
  if (options.overrides) {
    const problems = landPatternProblems(lp);
    if (problems.length > 0)
      return fail(
        error(
          'LAND_PATTERN_INVALID',
          `With these overrides, ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.`,
        ),
      );
  }
  return ok({ check, partNumber: check.partNumber, landPattern: lp });
}

/**
 * Land-pattern overrides per role (from the manufacturer's drawing; parseRoleOverrides (role-overrides.ts)
 * validates an overrides file's content): the two roles' pads differ, so a part uses its own role's.
 */
export type RoleOverrides = Readonly<Partial<Record<Role, LandParamOverrides>>>;

/**
 * What a writer of part files (drawing, 3D model, KiCad library) takes: land-pattern overrides per
 * role, already validated, and their provenance text (e.g. "override: user file drawing.yaml").
 */
export interface RoleOverrideOptions {
  readonly overrides?: RoleOverrides;
  readonly overrideOrigin?: string;
}

/** A file a writer draws from a part's geometry (drawing, 3D model), with the checks to make before fabrication. */
export interface PartFile {
  readonly fileName: string;
  readonly content: string;
  readonly checksBeforeFabrication: readonly string[];
}

/** The overrides of one role, or undefined when it has none. */
export function overridesFor(overrides: RoleOverrides | undefined, role: Role): LandParamOverrides | undefined {
  const own = overrides?.[role];
  return own && Object.keys(own).length > 0 ? own : undefined;
}

/**
 * The geometry every writer (KiCad, STEP/VRML, SVG) draws a part from: its land pattern with the
 * overrides of its role, if any (none, or an empty set: the default land pattern).
 */
export function geometryFor(pn: string, overrides?: RoleOverrides, overrideOrigin?: string, series: Series = builtInSeries): Result<PartGeometry> {
  const role = checkPartNumber(pn, series).fields?.role;
  const own = role ? overridesFor(overrides, role) : undefined;
  return own ? partGeometry(pn, { overrides: own, ...(overrideOrigin !== undefined ? { overrideOrigin } : {}) }, series) : partGeometry(pn, {}, series);
}

/** Minimum copper-to-copper gap we accept from an override (fine-pitch fabrication limit, assumed). */
export const MIN_COPPER_GAP_MM = 0.05;

/** What makes a land pattern unbuildable: overlapping or touching copper (gap < MIN_COPPER_GAP_MM). */
export function landPatternProblems(lp: LandPattern): string[] {
  const problems: string[] = [];
  const boxes = lp.pads.map((p) => rectBox(p));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const gapX = Math.max(a.minXMm - b.maxXMm, b.minXMm - a.maxXMm);
      const gapY = Math.max(a.minYMm - b.maxYMm, b.minYMm - a.maxYMm);
      const gap = Math.max(gapX, gapY);
      if (gap < MIN_COPPER_GAP_MM && !(lp.pads[i]!.number === 'MP' && lp.pads[j]!.number === 'MP' && gap >= 0)) {
        problems.push(
          `pads ${lp.pads[i]!.number} and ${lp.pads[j]!.number} ${gap < 0 ? 'overlap' : `are ${Math.round(gap * 1000) / 1000} mm apart`} (minimum ${MIN_COPPER_GAP_MM} mm)`,
        );
      }
    }
  }
  return problems;
}
