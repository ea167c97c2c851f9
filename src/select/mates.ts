import { builtInSeries, catalog, compareCatalogCodes, type CatalogPart, type MatedHeightMm, type Role, type Series } from '../catalog/index.js';
import { checkPartNumber, type PartNumberFields, type PartNumberStatus } from '../partnumber/index.js';
import type { Provenance } from '../provenance.js';

export interface MatingPartner {
  readonly partNumber: string;
  /** null when an inspection part is involved: the catalog does not state that height. */
  readonly matedHeightMm: MatedHeightMm | null;
  readonly inspection: boolean;
  /** catalog: socket and header listed in one product-type row; inferred: inspection parts share the standard dimensions. */
  readonly basis: Extract<Provenance, 'catalog' | 'inferred'>;
  readonly source: string;
}

export interface MatesAnswer {
  readonly partNumber: string | null;
  readonly status: PartNumberStatus;
  readonly partners: readonly MatingPartner[];
}

const INSPECTION_BASIS = `inspection parts have the "Same external dimensions and foot pattern as standard type" (${catalog.inspection.source})`;

/**
 * The mating rule: a part mates with every catalog part of the other role at the same pin count
 * (both tapes, both heights, the inspection parts), here in the catalog's listing order.
 */
export function matingCatalogParts(role: Role, pins: number, series: Series = builtInSeries): CatalogPart[] {
  return series.parts.filter((p) => p.role !== role && p.pins === pins);
}

/** Standard partners of a part with these fields: the other role at the same pin count. */
export function partnersOf(fields: PartNumberFields, selfListed = true): MatingPartner[] {
  // A header decides the mated height: its partners are sockets only (sockets serve both heights).
  return matingCatalogParts(fields.role, fields.pins)
    .map((other) => toPartner(fields, selfListed, other))
    .sort(comparePartners);
}

function toPartner(self: PartNumberFields, selfListed: boolean, other: CatalogPart): MatingPartner {
  const inspectionInvolved = self.inspection || other.inspection;
  const header = self.role === 'header' ? self : other;
  const height = inspectionInvolved ? null : header.matedHeightMm;
  // A pair is the catalog's only when both parts are listed; an unlisted part's height and role
  // come from the inferred part-number grammar.
  const basis = inspectionInvolved || !selfListed ? 'inferred' : 'catalog';
  return {
    partNumber: other.partNumber,
    matedHeightMm: height,
    inspection: other.inspection,
    basis,
    source: inspectionInvolved
      ? INSPECTION_BASIS
      : selfListed
        ? other.sources.join('; ')
        : `the queried part is not listed; pairing inferred from the part-number grammar (${other.sources.join('; ')})`,
  };
}

function comparePartners(a: MatingPartner, b: MatingPartner): number {
  return Number(a.inspection) - Number(b.inspection) || (a.matedHeightMm ?? 9) - (b.matedHeightMm ?? 9) || compareCatalogCodes(a.partNumber, b.partNumber);
}

/** The mated heights at which a standard partner exists; null for inspection parts (not stated). */
export function matedHeightsOf(fields: PartNumberFields): MatedHeightMm[] | null {
  if (fields.inspection) return null;
  const heights = new Set<MatedHeightMm>();
  for (const partner of partnersOf(fields)) if (partner.matedHeightMm !== null) heights.add(partner.matedHeightMm);
  return [...heights].sort((a, b) => a - b);
}

export function matesOf(input: string): MatesAnswer {
  const check = checkPartNumber(input);
  if (!check.fields) return { partNumber: null, status: 'invalid', partners: [] };
  return { partNumber: check.partNumber, status: check.status, partners: partnersOf(check.fields, check.status === 'standard' || check.status === 'renamed') };
}
