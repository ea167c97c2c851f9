import { builtInSeries, type Series } from '../catalog/index.js';
import {
  familiesOf,
  familyLandPattern,
  familyOf,
  footprintName,
  geometryFor,
  libraryNames,
  parseRoleOverrides,
  type FootprintFamily,
  type LandPattern,
} from '../geometry/index.js';
import { checkPartNumber, type PartNumberCheck } from '../partnumber/index.js';
import { fail, ok, type Result } from '../result.js';
import { footprintMeta, infoOfFamily, type PartsInfo } from './describe.js';
import { footprintText } from './footprint.js';
import { symbolLibraryText, type SymbolInfo } from './symbol.js';

export interface FootprintFileOptions {
  /**
   * Land-pattern parameters from the manufacturer's drawing, flat or split by role (see
   * parseRoleOverrides; validated here: callers may pass raw JSON).
   */
  readonly overrides?: unknown;
  /** Where the overrides came from, written as their provenance (e.g. the file name). */
  readonly overrideOrigin?: string;
}

export interface FootprintFile {
  readonly name: string;
  readonly fileName: string;
  readonly content: string;
  readonly partNumber: string;
  /** renamed: an old number of a listed part (the file is today's part's; PART_RENAMED says so). */
  readonly status: 'standard' | 'renamed' | 'nonstandard';
  readonly landPattern: LandPattern;
}

/** What the outputs say about the part numbers drawn: its family's, or the lone unlisted part. */
function partsInfo(check: PartNumberCheck, series: Series): PartsInfo {
  const f = check.fields!;
  const family = familyOf(f.role, f.pins, f.matedHeightMm, series);
  if ((check.status === 'standard' || check.status === 'renamed') && family) return infoOfFamily(family);
  return {
    role: f.role,
    pins: f.pins,
    partNumbers: [check.partNumber!],
    matedHeightsMm: f.matedHeightMm !== null ? [f.matedHeightMm] : (family?.matedHeightsMm ?? []),
    partnerPartNumbers: family?.partnerPartNumbers ?? [],
    nonstandardPartNumber: check.partNumber!,
  };
}

/**
 * The `.kicad_mod` of a part number: the footprint of its role and pin count (tape and inspection
 * do not change it); a header gets its own mated height's footprint and 3D model. Invalid part numbers
 * give their src/partnumber error; unlisted ones are drawn from the derived dimensions and say so.
 */
export function footprintFile(pn: string, options: FootprintFileOptions = {}, series: Series = builtInSeries): Result<FootprintFile> {
  const overrides = parseRoleOverrides(options.overrides);
  if (!overrides.ok) return overrides;
  const geometry = geometryFor(pn, overrides.value, options.overrideOrigin, series);
  if (!geometry.ok) return geometry;
  const { check, landPattern: lp } = geometry.value;
  const info = partsInfo(check, series);
  const name = footprintName(lp.role, lp.pins, lp.matedHeightMm, series);
  const content = footprintText(lp, footprintMeta(name, lp, info, check.fields!.matedHeightMm, series), series);
  return ok({
    name,
    fileName: `${name}.kicad_mod`,
    content,
    partNumber: check.partNumber!,
    status: check.status as 'standard' | 'renamed' | 'nonstandard',
    landPattern: lp,
  });
}

/**
 * A library footprint: the same text `footprintFile` gives for the family's standard part number,
 * its model linked from `modelDir` (KiCad path syntax; default `${KIPRJMOD}/Panasonic_A4S.3dshapes`).
 */
export function familyFootprintText(family: FootprintFamily, lp?: LandPattern, modelDir?: string, series: Series = builtInSeries): string {
  const pattern = lp ?? familyLandPattern(family, {}, series);
  const meta = footprintMeta(family.footprintName, pattern, infoOfFamily(family), pattern.matedHeightMm, series);
  return footprintText(pattern, modelDir === undefined ? meta : { ...meta, modelDir }, series);
}

function familySymbolInfo(family: FootprintFamily): SymbolInfo {
  return { ...infoOfFamily(family), mpn: family.defaultPartNumber };
}

/** A `.kicad_sym` holding the symbol of one part number, its MPN field set to that part number. */
export function symbolLibraryFile(
  pn: string,
  series: Series = builtInSeries,
): Result<{ fileName: string; content: string; partNumber: string; status: 'standard' | 'renamed' | 'nonstandard' }> {
  const check = checkPartNumber(pn, series);
  if (!check.fields || !check.partNumber) return fail(check.errors[0]!, check.suggestions);
  const info: SymbolInfo = { ...partsInfo(check, series), mpn: check.partNumber };
  return ok({
    fileName: `${libraryNames(series).symbolLibrary}_${check.partNumber}.kicad_sym`,
    content: symbolLibraryText([info], undefined, series),
    partNumber: check.partNumber,
    status: check.status as 'standard' | 'renamed' | 'nonstandard',
  });
}

/**
 * The whole symbol library: one symbol per role and pin count, in the families' order; the
 * Footprint fields name `footprintLibrary` (the nickname the footprint library has in KiCad).
 */
export function symbolLibrary(footprintLibrary?: string, series: Series = builtInSeries): string {
  return symbolLibraryText(
    familiesOf(series).map((f) => familySymbolInfo(f)),
    footprintLibrary,
    series,
  );
}
