import { catalog, characteristicValue, productTypeTable, tapeRowFor, type MatedHeightMm, type PackagingId } from '../catalog/index.js';
import type { A4sError } from '../errors.js';
import { checkPartNumber, type PartNumberCheck, type PartNumberFields } from '../partnumber/index.js';
import { dimensionsFor, type DimensionsMm } from './dimensions.js';
import { matedHeightsOf } from './mates.js';

export interface PackagingInfo {
  readonly id: PackagingId;
  readonly tapePitchMm: number;
  readonly piecesPerReel: number | null;
  readonly piecesPerOuterCarton: number | null;
  readonly tapeType: 'I' | 'II' | 'III' | null;
  /** Tape dimension A, read as the carrier tape width (inferred: the tape drawing is missing). */
  readonly tapeWidthMm: number | null;
}

/** The decode object: the CLI's `decode --json` contract and the API's `GET /api/parts/{pn}`. */
export interface PartDescription {
  readonly input: string;
  readonly partNumber: string | null;
  readonly status: 'standard' | 'nonstandard' | 'invalid';
  readonly role: 'socket' | 'header' | null;
  readonly pins: number | null;
  readonly inspection: boolean | null;
  readonly matingCycles: number | null;
  /** The header's own height (header part numbers only). */
  readonly matedHeightMm: MatedHeightMm | null;
  readonly matedHeightsMm: MatedHeightMm[] | null;
  readonly packaging: PackagingInfo | null;
  readonly dimensionsMm: DimensionsMm | null;
  readonly dimensionsProvenance: 'catalog' | 'derived' | null;
  readonly errors: A4sError[];
  readonly suggestions: string[];
}

export function packagingInfo(fields: PartNumberFields, standard: boolean): PackagingInfo | null {
  if (fields.inspection || fields.packaging === null) return null;
  const table = productTypeTable(fields.packaging);
  const tapeTable = catalog.tape.tables.find((t) => t.packaging === fields.packaging);
  const heightCovered = fields.matedHeightMm === null || (tapeTable?.matedHeightsMm as number[] | undefined)?.includes(fields.matedHeightMm) === true;
  const tape = heightCovered ? tapeRowFor(fields.packaging, fields.pins) : undefined;
  return {
    id: fields.packaging,
    tapePitchMm: table.tapePitchMm,
    piecesPerReel: standard ? table.piecesPerReel : (tape?.row.piecesPerReel ?? null),
    // The carton quantity is stated for the listed parts only.
    piecesPerOuterCarton: standard ? table.piecesPerOuterCarton : null,
    tapeType: tape?.row.tapeType ?? null,
    tapeWidthMm: tape?.row.A ?? null,
  };
}

export function matingCyclesOf(fields: PartNumberFields): number {
  return fields.inspection ? catalog.inspection.matingCycles : characteristicValue('insertion-removal-life', 'cycles').value;
}

// Everything but `input` depends only on the normalised part number, and there are fewer than a
// thousand well-formed ones: cache them so that checking a million-line list stays cheap.
const cache = new Map<string, Omit<PartDescription, 'input'>>();
const CACHE_LIMIT = 4096;

export function describeCheck(check: PartNumberCheck): PartDescription {
  if (!check.fields || !check.partNumber) {
    return {
      input: check.input, partNumber: null, status: 'invalid', role: null, pins: null, inspection: null, matingCycles: null,
      matedHeightMm: null, matedHeightsMm: null, packaging: null, dimensionsMm: null, dimensionsProvenance: null,
      errors: [...check.errors], suggestions: [...check.suggestions],
    };
  }
  let body = cache.get(check.partNumber);
  if (!body) {
    const fields = check.fields;
    const standard = check.status === 'standard';
    const dims = dimensionsFor(fields.role, fields.pins, fields.matedHeightMm, fields.inspection);
    body = {
      partNumber: check.partNumber,
      status: check.status,
      role: fields.role,
      pins: fields.pins,
      inspection: fields.inspection,
      matingCycles: matingCyclesOf(fields),
      matedHeightMm: fields.matedHeightMm,
      matedHeightsMm: matedHeightsOf(fields),
      packaging: packagingInfo(fields, standard),
      dimensionsMm: dims.dimensionsMm,
      dimensionsProvenance: dims.provenance,
      errors: [...check.errors],
      suggestions: [...check.suggestions],
    };
    // Frozen because every later decode of this part number shares it.
    freezeDeep(body);
    if (cache.size < CACHE_LIMIT) cache.set(check.partNumber, body);
  }
  return { input: check.input, ...body };
}

/** Decodes any string into the contract object. Never throws. */
export function describePart(input: string): PartDescription {
  return describeCheck(checkPartNumber(input));
}

function freezeDeep(value: unknown): void {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) freezeDeep(inner);
    Object.freeze(value);
  }
}
