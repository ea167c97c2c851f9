import type { VERIFY_CODES } from './codes.js';
import type { FootprintDoc } from './read.js';
import type { Provenance } from '../provenance.js';
import type { TOLERANCES_MM } from './findings.js';

/** What the footprint verifier reports: findings, their codes and severities, the report and its options. */

export type FindingCode = Exclude<
  keyof typeof VERIFY_CODES,
  'FOOTPRINT_SYNTAX' | 'FOOTPRINT_NOT_FOOTPRINT' | 'FOOTPRINT_PART_UNKNOWN' | 'FOOTPRINT_BAD_NUMBER'
>;
export type Severity = 'error' | 'warning' | 'info';
/** How strong the expected value is: catalog (or derived from it) > reference > assumed. */
export type Strength = Extract<Provenance, 'catalog' | 'derived' | 'reference' | 'assumed'>;

export interface FootprintFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Pad numbers concerned (as written in the file). */
  readonly pads: readonly string[];
  readonly message: string;
  readonly expected: string | null;
  readonly found: string | null;
  readonly toleranceMm: number | null;
  /** Where the expected value comes from. */
  readonly provenance: Strength | null;
  readonly source: string | null;
}

export type IdentifiedBy = 'option' | 'file name' | 'footprint name' | 'value' | 'description' | 'tags' | 'pad count';

export interface FootprintReport {
  readonly file: {
    readonly name: string;
    readonly syntax: 'module' | 'footprint';
    readonly version: string | null;
    readonly copperPads: number;
    readonly ignoredPads: number;
    readonly board: FootprintDoc['board'];
    /** Mirrored back from the bottom side before comparison (and why), or null. */
    readonly flipped: FootprintDoc['flipped'];
  };
  readonly part: {
    readonly partNumber: string;
    readonly role: 'socket' | 'header';
    readonly pins: number;
    readonly identifiedBy: IdentifiedBy;
    readonly identifiedFrom: string;
    readonly status: 'standard' | 'renamed' | 'nonstandard';
    /**
     * Without a part number: socket or header told from the geometry (row spacing, soldering
     * terminals, pad length), the evidence, and the mirror check under each reading. Null when the
     * part was named.
     */
    readonly roleFromGeometry: RoleEvidence | null;
  };
  /**
   * How the file's pattern sits against ours (centre of the contacts at the origin, rows along x,
   * pin 1 at the left end): the rotation that brings it there (degrees, counter-clockwise on
   * screen) and where the file's origin is in that frame.
   */
  readonly placement: { readonly rotationDeg: number; readonly originMm: { readonly x: number; readonly y: number } } | null;
  readonly tolerancesMm: typeof TOLERANCES_MM;
  /** The stencil openings: the catalog's stencil, the contact opening and its IPC-7525 area ratio (null without contact openings). */
  readonly paste: {
    readonly stencilThicknessMm: number;
    readonly openings: number;
    readonly contactAperture: { readonly widthMm: number; readonly heightMm: number } | null;
    readonly contactAreaRatio: number | null;
    readonly areaRatioMin: number;
    readonly source: string;
  } | null;
  readonly findings: readonly FootprintFinding[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /**
   * The verdict by layer, so that a footprint whose copper matches is told apart from one whose
   * copper differs when both have paste or outline findings (a third-party footprint with
   * full-size paste openings and no courtyard can still have the right copper).
   */
  readonly verdicts: Verdicts;
  /** No error- or warning-level finding (copper, paste and outline together). */
  readonly matches: boolean;
}

/** Which part of the footprint each finding concerns. */
export type Aspect = 'copper' | 'paste' | 'outline';

export interface AspectVerdict {
  readonly errors: number;
  readonly warnings: number;
  /** No error- or warning-level finding of this aspect. */
  readonly matches: boolean;
}

export interface Verdicts {
  /**
   * Copper pads: the part's identity, contacts, terminals, numbering and chirality, the side.
   * `matches` with `numbering: 'unchecked'` means the pad geometry matches but the pads are named
   * by rows, so which row carries pin 1 is a reading (said in FP_NUMBERING_UNCHECKED): those
   * reading-dependent warnings are counted in `numberingWarnings`, not in `warnings`.
   */
  readonly copper: AspectVerdict & { readonly numbering: 'checked' | 'unchecked'; readonly numberingWarnings: number };
  /** Stencil openings (F.Paste): missing, full-size, oversized openings, the ratio against the catalog. */
  readonly paste: AspectVerdict;
  /** Courtyard, fabrication outline, pin-1 mark. */
  readonly outline: AspectVerdict;
}

export interface VerifyOptions {
  /** The part the footprint is meant for; else read from the file name, footprint name, value, description, tags or pad count. */
  readonly part?: string;
  /** The file's name (a part number in it identifies the part). */
  readonly fileName?: string;
  /** In a board file (.kicad_pcb): the reference designator of the connector (default: the board's only A4S-looking footprint). */
  readonly reference?: string;
}

export interface RoleEvidence {
  /** True when every feature that tells the roles apart points to one role. */
  readonly decided: boolean;
  /** One line per feature: what was measured, what each role's pattern has, which it fits. */
  readonly evidence: readonly string[];
  /** The mirror check under each reading: true = the mirror image of that role's pattern, null = cannot tell (numbering). */
  readonly readings: readonly { readonly partNumber: string; readonly role: 'socket' | 'header'; readonly mirrored: boolean | null }[];
}
