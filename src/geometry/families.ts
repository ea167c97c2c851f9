import { builtInSeries, seriesDerived, type CatalogPart, type MatedHeightMm, type Role, type Series } from '../catalog/index.js';
import { familyHeight } from './height.js';
import { footprintName, modelName, symbolName } from './names.js';
import { matingCatalogParts } from '../select/index.js';
import { landPattern, type LandPattern } from './landpattern.js';
import { overridesFor, type RoleOverrideOptions } from './part.js';

/**
 * One footprint (and one symbol) per part family: a socket per pin count, a header per pin count
 * and mated height (AXE6nn124 = 0.8 mm, AXE6nn224 = 1.0 mm: same land pattern, own 3D model).
 * The tape does not change the footprint; inspection parts use the standard one (an inspection
 * header, whose height the catalog does not state, the 0.8 mm family's).
 */
export interface FootprintFamily {
  readonly role: Role;
  readonly pins: number;
  /** Header families: their mated height; sockets: null. */
  readonly matedHeightMm: MatedHeightMm | null;
  readonly footprintName: string;
  readonly symbolName: string;
  /** Every catalog part number drawn with this footprint, in the catalog's listing order. */
  readonly partNumbers: readonly string[];
  /** The standard (8 mm tape) part number, written as the symbol's MPN. */
  readonly defaultPartNumber: string;
  /** Mated heights the catalog lists for this family (sockets: their headers' heights; a header: its own). */
  readonly matedHeightsMm: readonly MatedHeightMm[];
  /** Every catalog part number that mates with one of this family's: headers of a socket, sockets of a header. */
  readonly partnerPartNumbers: readonly string[];
  /** The family's 3D model (one per footprint). */
  readonly models: readonly FamilyModel[];
}

export interface FamilyModel {
  readonly name: string;
  readonly matedHeightMm: MatedHeightMm | null;
  /** A catalog part number of this model: `a4s model <partNumber>` writes the same files. */
  readonly partNumber: string;
}

function heightsOf(parts: readonly CatalogPart[]): MatedHeightMm[] {
  return [...new Set(parts.filter((p) => p.role === 'header' && p.matedHeightMm !== null).map((p) => p.matedHeightMm!))].sort((a, b) => a - b);
}

function buildFamily(role: Role, pins: number, height: MatedHeightMm | null, series: Series): FootprintFamily {
  const own = series.parts.filter((p) => p.role === role && p.pins === pins && familyHeight(role, p.matedHeightMm) === height);
  const standard = own.filter((p) => !p.inspection);
  const headers = series.parts.filter((p) => p.role === 'header' && p.pins === pins && !p.inspection);
  // Every part number of the other role that mates with one of this family's (src/select's rule:
  // both tapes, both heights, the inspection parts), in the catalog's listing order.
  const partners = own.length > 0 ? matingCatalogParts(role, pins, series) : [];
  const matedHeightsMm = role === 'socket' ? heightsOf(headers) : [height!];
  const first = standard[0] ?? own[0]!;
  return {
    role,
    pins,
    matedHeightMm: height,
    footprintName: footprintName(role, pins, height, series),
    symbolName: symbolName(role, pins, height, series),
    partNumbers: own.map((p) => p.partNumber),
    defaultPartNumber: first.partNumber,
    matedHeightsMm,
    partnerPartNumbers: partners.map((p) => p.partNumber),
    models: [{ name: modelName(role, pins, height, series), matedHeightMm: height, partNumber: first.partNumber }],
  };
}

function buildFootprintFamilies(series: Series): readonly FootprintFamily[] {
  return Object.freeze(
    (['socket', 'header'] as const).flatMap((role) => {
      const keys = new Map<string, [number, MatedHeightMm | null]>();
      for (const p of series.parts.filter((q) => q.role === role)) {
        const h = familyHeight(role, p.matedHeightMm);
        keys.set(`${p.pins}|${h}`, [p.pins, h]);
      }
      return [...keys.values()].sort((a, b) => a[0] - b[0] || (a[1] ?? 0) - (b[1] ?? 0)).map(([pins, h]) => Object.freeze(buildFamily(role, pins, h, series)));
    }),
  );
}

/** Every family of a series' catalog: sockets first, then headers, by pin count then mated height (a stable order). */
export function familiesOf(series: Series = builtInSeries): readonly FootprintFamily[] {
  return seriesDerived(series, buildFootprintFamilies);
}

/** The built-in edition's families (tests name them); code takes `familiesOf(series)`. */
export const footprintFamilies: readonly FootprintFamily[] = familiesOf(builtInSeries);

/** The family of a role, pin count and (headers) mated height; a header without a height: the family of UNSTATED_HEADER_HEIGHT_MM. */
export function familyOf(role: Role, pins: number, matedHeightMm: MatedHeightMm | null = null, series: Series = builtInSeries): FootprintFamily | undefined {
  const h = familyHeight(role, matedHeightMm);
  return familiesOf(series).find((f) => f.role === role && f.pins === pins && f.matedHeightMm === h);
}

/** Land-pattern overrides of a library build, validated (parseRoleOverrides), with their provenance text. */
export type LibraryPatternOptions = RoleOverrideOptions;

const originOption = (origin: string | undefined) => (origin !== undefined ? { overrideOrigin: origin } : {});

// Default land patterns depend on the catalog only: computed once per series, family and model
// height (footprint, README and 3D model share them). Overridden ones are the caller's to keep.
const newPatternCache = (_series: Series) => new Map<string, LandPattern>();

function libraryPattern(family: FootprintFamily, height: MatedHeightMm | null, options: LibraryPatternOptions, series: Series): LandPattern {
  const own = overridesFor(options.overrides, family.role);
  if (own) return landPattern(family.role, family.pins, height, { overrides: own, ...originOption(options.overrideOrigin) }, series);
  const defaultPatterns = seriesDerived(series, newPatternCache);
  const key = `${family.role}|${family.pins}|${height}`;
  let lp = defaultPatterns.get(key);
  if (!lp) {
    lp = landPattern(family.role, family.pins, height, {}, series);
    defaultPatterns.set(key, lp);
  }
  return lp;
}

/** The land pattern a library family is drawn from: the standard part (a header: the family's mated height), default parameters unless overridden. */
export function familyLandPattern(family: FootprintFamily, options: LibraryPatternOptions = {}, series: Series = builtInSeries): LandPattern {
  return libraryPattern(family, family.matedHeightMm, options, series);
}

/** The land pattern a library model is drawn from: its family's, at the model's mated height. */
export function familyModelLandPattern(
  family: FootprintFamily,
  model: FamilyModel,
  options: LibraryPatternOptions = {},
  series: Series = builtInSeries,
): LandPattern {
  return libraryPattern(family, model.matedHeightMm, options, series);
}
