import {
  builtInSeries,
  characteristicValue,
  deepFreeze,
  productTypeTable,
  type Series,
  seriesDerived,
  tapeRowFor,
  type MatedHeightMm,
  type PackagingId,
} from '../catalog/index.js';
import type { A4sError } from '../errors.js';
import { checkPartNumber, type PartNumberCheck, type PartNumberFields, type PartNumberStatus } from '../partnumber/index.js';
import { dimensionsFor, type DimensionsMm } from './dimensions.js';
import { matedHeightsOf } from './mates.js';
import type { Provenance } from '../provenance.js';

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
  /** renamed: an old catalog number (`input`) of today's `partNumber` (PART_RENAMED in `errors`). */
  readonly status: PartNumberStatus;
  readonly role: 'socket' | 'header' | null;
  readonly pins: number | null;
  readonly inspection: boolean | null;
  readonly matingCycles: number | null;
  /** The header's own height (header part numbers only). */
  readonly matedHeightMm: MatedHeightMm | null;
  readonly matedHeightsMm: MatedHeightMm[] | null;
  readonly packaging: PackagingInfo | null;
  readonly dimensionsMm: DimensionsMm | null;
  readonly dimensionsProvenance: Extract<Provenance, 'catalog' | 'derived'> | null;
  readonly errors: A4sError[];
  readonly suggestions: string[];
}

export function packagingInfo(fields: PartNumberFields, standard: boolean, series: Series = builtInSeries): PackagingInfo | null {
  if (fields.inspection || fields.packaging === null) return null;
  const table = productTypeTable(fields.packaging, series.catalog);
  const tapeTable = series.catalog.tape.tables.find((t) => t.packaging === fields.packaging);
  const heightCovered = fields.matedHeightMm === null || (tapeTable?.matedHeightsMm as number[] | undefined)?.includes(fields.matedHeightMm) === true;
  const tape = heightCovered ? tapeRowFor(fields.packaging, fields.pins, series.catalog) : undefined;
  return {
    id: fields.packaging,
    tapePitchMm: table.tapePitchMm,
    // Reel and carton quantities are the standard packing of the listed parts only: for others
    // the catalog says to contact sales, so we do not carry them over.
    piecesPerReel: standard ? table.piecesPerReel : null,
    piecesPerOuterCarton: standard ? table.piecesPerOuterCarton : null,
    tapeType: tape?.row.tapeType ?? null,
    tapeWidthMm: tape?.row.A ?? null,
  };
}

export function matingCyclesOf(fields: PartNumberFields, series: Series = builtInSeries): number {
  return fields.inspection ? series.catalog.inspection.matingCycles : characteristicValue('insertion-removal-life', 'cycles', series.catalog).value;
}

// Everything but `input` depends only on the normalised part number, and real lists repeat a few
// hundred numbers: cache the rest (bounded) so that checking a million-line list stays cheap.
type Body = Omit<PartDescription, 'input'>;
/** The caches of one series (a part number of one edition is not the same part in another). */
interface Caches {
  /** Bodies by normalised part number. */
  readonly bodies: Map<string, Body>;
  /** Whole answers by exact input string. */
  readonly answers: Map<string, PartDescription>;
}
function buildCaches(): Caches {
  return { bodies: new Map(), answers: new Map() };
}
const CACHE_LIMIT = 16_384;
const CACHE_KEY_MAX_LENGTH = 40;

function buildBody(check: PartNumberCheck, series: Series): Body {
  if (!check.fields || !check.partNumber) {
    return {
      partNumber: null,
      status: 'invalid',
      role: null,
      pins: null,
      inspection: null,
      matingCycles: null,
      matedHeightMm: null,
      matedHeightsMm: null,
      packaging: null,
      dimensionsMm: null,
      dimensionsProvenance: null,
      errors: [...check.errors],
      suggestions: [...check.suggestions],
    };
  }
  const fields = check.fields;
  // A renamed number is a listed part under its old name: its catalog packing applies.
  const standard = check.status === 'standard' || check.status === 'renamed';
  const dims = dimensionsFor(fields.role, fields.pins, fields.matedHeightMm, fields.inspection, series);
  return {
    partNumber: check.partNumber,
    status: check.status,
    role: fields.role,
    pins: fields.pins,
    inspection: fields.inspection,
    matingCycles: matingCyclesOf(fields, series),
    matedHeightMm: fields.matedHeightMm,
    matedHeightsMm: matedHeightsOf(fields, series),
    packaging: packagingInfo(fields, standard, series),
    dimensionsMm: dims.dimensionsMm,
    dimensionsProvenance: dims.provenance,
    errors: [...check.errors],
    suggestions: [...check.suggestions],
  };
}

/** One fixed object shape (fast to build); the nested values are frozen and shared between calls. */
function withInput(input: string, b: Body): PartDescription {
  return {
    input,
    partNumber: b.partNumber,
    status: b.status,
    role: b.role,
    pins: b.pins,
    inspection: b.inspection,
    matingCycles: b.matingCycles,
    matedHeightMm: b.matedHeightMm,
    matedHeightsMm: b.matedHeightsMm,
    packaging: b.packaging,
    dimensionsMm: b.dimensionsMm,
    dimensionsProvenance: b.dimensionsProvenance,
    errors: b.errors,
    suggestions: b.suggestions,
  };
}

// Real lists repeat a few hundred spellings: the whole (frozen) answer is cached by the exact
// input string, bounded, so a million-line list costs about one Map lookup per line.
function remember(answers: Map<string, PartDescription>, input: string, description: PartDescription): PartDescription {
  // Shallow is enough: every nested value comes from a body, frozen deeply once when built.
  Object.freeze(description);
  if (answers.size < CACHE_LIMIT && input.length <= CACHE_KEY_MAX_LENGTH) answers.set(input, description);
  return description;
}

function bodyFor(check: PartNumberCheck, series: Series, cache: Map<string, Body>): Body {
  if (check.partNumber === null) return deepFreeze(buildBody(check, series));
  // Keyed by the number as read, not the number it reads as: an old number (AXE534124, renamed)
  // reads as AXE534127 but its body says renamed, with its own error; sharing AXE534127's body
  // made `a4s decode AXE534127 AXE534124` call the old number standard.
  const key = `${check.status} ${check.renamedFrom ?? check.partNumber}`;
  let body = cache.get(key);
  if (!body) {
    body = deepFreeze(buildBody(check, series));
    if (cache.size < CACHE_LIMIT) cache.set(key, body);
  }
  return body;
}

/**
 * The caches of a series. The last series asked for is kept at hand: decoding a million numbers of
 * one series pays no WeakMap and Map lookup per call (bench/decode.ts: the hot path).
 */
let lastSeries: Series | undefined;
let lastCaches: ReturnType<typeof buildCaches> | undefined;
function cachesOf(series: Series): ReturnType<typeof buildCaches> {
  if (series !== lastSeries || lastCaches === undefined) {
    lastCaches = seriesDerived(series, buildCaches);
    lastSeries = series;
  }
  return lastCaches;
}

/** The decode object of a check already made. Returned objects are frozen (they are shared). */
export function describeCheck(check: PartNumberCheck, series: Series = builtInSeries): PartDescription {
  const { answers, bodies } = cachesOf(series);
  const known = answers.get(check.input);
  if (known) return known;
  return remember(answers, check.input, withInput(check.input, bodyFor(check, series, bodies)));
}

/** Decodes any string into the contract object (frozen). Never throws. */
export function describePart(input: string, series: Series = builtInSeries): PartDescription {
  if (typeof input !== 'string') return describeCheck(checkPartNumber(input, series), series);
  const { answers, bodies } = cachesOf(series);
  return answers.get(input) ?? remember(answers, input, withInput(input, bodyFor(checkPartNumber(input, series), series, bodies)));
}
