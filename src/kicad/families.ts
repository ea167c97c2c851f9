import { catalogParts, type CatalogPart, type MatedHeightMm, type Role } from '../catalog/index.js';
import { footprintName, modelName, symbolName } from '../geometry/index.js';
import { matesOf } from '../select/index.js';

/**
 * One footprint (and one symbol) per role and pin count: the tape does not change the footprint,
 * inspection parts use the standard one, and one header footprint serves both mated heights.
 */
export interface FootprintFamily {
  readonly role: Role;
  readonly pins: number;
  readonly footprintName: string;
  readonly symbolName: string;
  /** Every catalog part number drawn with this footprint, in the catalog's listing order. */
  readonly partNumbers: readonly string[];
  /** The standard (8 mm tape) part number, written as the symbol's MPN. */
  readonly defaultPartNumber: string;
  /** Mated heights the catalog lists for this role and pin count (sockets: their headers' heights). */
  readonly matedHeightsMm: readonly MatedHeightMm[];
  /** Every catalog part number that mates with one of this family's: headers of a socket, sockets of a header. */
  readonly partnerPartNumbers: readonly string[];
  /** 3D models drawn for this family: one for a socket, one per mated height for a header. */
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

function buildFamily(role: Role, pins: number): FootprintFamily {
  const own = catalogParts.filter((p) => p.role === role && p.pins === pins);
  const standard = own.filter((p) => !p.inspection);
  const headers = catalogParts.filter((p) => p.role === 'header' && p.pins === pins && !p.inspection);
  // Every part number of the other role that mates with one of this family's (src/select: both
  // tapes, both heights, the inspection parts), in the catalog's listing order.
  const mates = new Set(own.flatMap((p) => matesOf(p.partNumber).partners.map((m) => m.partNumber)));
  const partners = catalogParts.filter((p) => mates.has(p.partNumber));
  const matedHeightsMm = heightsOf(headers);
  const first = standard[0] ?? own[0]!;
  const models: FamilyModel[] = role === 'socket'
    ? [{ name: modelName(role, pins, null), matedHeightMm: null, partNumber: first.partNumber }]
    : (matedHeightsMm.length ? matedHeightsMm : [0.8 as const]).map((h) => ({
        name: modelName(role, pins, h),
        matedHeightMm: h,
        partNumber: (standard.find((p) => p.matedHeightMm === h) ?? first).partNumber,
      }));
  return {
    role,
    pins,
    footprintName: footprintName(role, pins),
    symbolName: symbolName(role, pins),
    partNumbers: own.map((p) => p.partNumber),
    defaultPartNumber: first.partNumber,
    matedHeightsMm,
    partnerPartNumbers: partners.map((p) => p.partNumber),
    models,
  };
}

/** Every family of the catalog: sockets first, then headers, by pin count (a stable order). */
export const footprintFamilies: readonly FootprintFamily[] = Object.freeze(
  (['socket', 'header'] as const).flatMap((role) =>
    [...new Set(catalogParts.filter((p) => p.role === role).map((p) => p.pins))].sort((a, b) => a - b).map((pins) => Object.freeze(buildFamily(role, pins))),
  ),
);

export function familyOf(role: Role, pins: number): FootprintFamily | undefined {
  return footprintFamilies.find((f) => f.role === role && f.pins === pins);
}
