import { builtInSeries, type Series } from '../catalog/index.js';
import { partGeometry } from '../geometry/index.js';
import { ok, type Result } from '../result.js';
import { TOLERANCES_MM, type Add } from './findings.js';
import { frameContacts } from './frame.js';
import { namesBack, readPadNames, renumber, type NameReading } from './names.js';
import { checkCourtyardAndFab, checkPin1Mark } from './outline.js';
import { checkContactLayout, checkContactNumbers, checkPitch, checkTerminals } from './pads.js';
import { checkPaste } from './paste.js';
import type { FootprintDoc } from './read.js';
import type { Aspect, AspectVerdict, Severity, FootprintFinding, IdentifiedBy, FootprintReport, RoleEvidence, Verdicts } from './types.js';

/**
 * The comparison of a read footprint with the catalog model of its part, in the order of the
 * report: contact numbers (or names), the frame, pads (pads.ts), paste (paste.ts), courtyard, fab
 * and pin-1 mark (outline.ts).
 */

export interface Candidate {
  readonly partNumber: string;
  readonly identifiedBy: IdentifiedBy;
  readonly identifiedFrom: string;
  /** Without a part number: how the role was told from the geometry. */
  readonly roleFromGeometry?: RoleEvidence;
}

export interface CompareOptions {
  /**
   * The role is a reading, not a fact (the geometry could not tell socket from header): a mirror
   * finding is then said under that reading, as a warning.
   */
  readonly roleIsReading?: boolean;
}

export function compareDoc(
  doc: FootprintDoc,
  candidate: Candidate,
  notes: FootprintFinding[],
  offAxisDeg: number,
  options: CompareOptions = {},
  series: Series = builtInSeries,
): Result<FootprintReport> {
  const geometry = partGeometry(candidate.partNumber, {}, series);
  if (!geometry.ok) return geometry;
  const { landPattern: lp, check } = geometry.value;
  const findings: FootprintFinding[] = [...notes];
  const add: Add = (f) => findings.push({ expected: null, found: null, toleranceMm: null, provenance: null, source: null, ...f });

  const pins = lp.pins;
  // Pads named by rows (A1 … B5) or with a common prefix (P$1 …): working numbers, said below.
  const reading = readPadNames(doc.pads, pins);
  const name = namesBack(reading);
  const addNamed: Add = (f) => add({ ...f, pads: f.pads.map(name) });
  const pads = renumber(doc.pads, reading);
  const { contacts, terminals, complete } = checkContactNumbers(pads, lp, candidate.partNumber, addNamed);
  // Our frame needs two contacts: rows along x, pin 1 (or the lowest number) at the left.
  const framed = contacts.length >= 2 ? frameContacts(contacts, terminals, offAxisDeg) : null;
  checkPitch(framed?.contacts ?? [], lp, addNamed, series);
  if (complete && framed) checkContactLayout(framed.contacts, lp, candidate.partNumber, addNamed, series);
  if (framed) checkTerminals(framed.terminals, lp, addNamed);
  const paste = framed ? checkPaste(doc.paste, framed.frame, framed.contacts, framed.terminals, lp, add, name, series) : null;
  checkCourtyardAndFab(doc, lp, add);
  if (framed && complete) checkPin1Mark(doc, framed.frame, framed.contacts, pins, addNamed, series);

  const restated = restateForReading(findings, reading, lp.role, candidate.partNumber, options, Boolean(framed && complete), series);
  const count = (s: Severity) => restated.filter((x) => x.severity === s).length;
  const summary = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  return ok({
    file: {
      name: doc.name,
      syntax: doc.syntax,
      version: doc.version,
      copperPads: doc.pads.length,
      ignoredPads: doc.ignoredPads,
      board: doc.board,
      flipped: doc.flipped,
    },
    part: {
      partNumber: candidate.partNumber,
      role: lp.role,
      pins,
      identifiedBy: candidate.identifiedBy,
      identifiedFrom: candidate.identifiedFrom,
      status: check.status as 'standard' | 'renamed' | 'nonstandard',
      roleFromGeometry: candidate.roleFromGeometry ?? null,
    },
    placement: framed?.placement ?? null,
    tolerancesMm: TOLERANCES_MM,
    paste,
    findings: restated,
    summary,
    verdicts: verdictsOf(restated, reading.kind === 'rows'),
    matches: summary.errors === 0 && summary.warnings === 0,
  });
}

/**
 * What the pad names and the role reading change in the findings: pads named by rows cannot have
 * their numbering checked (a warning that gives the reading and the mirror check under both row
 * assignments); a mirror finding that rests on a reading (of the names or of the role) is a warning
 * that says so.
 */
function restateForReading(
  findings: FootprintFinding[],
  reading: NameReading,
  role: 'socket' | 'header',
  partNumber: string,
  options: CompareOptions,
  laidOut: boolean,
  series: Series,
): FootprintFinding[] {
  const out: FootprintFinding[] = [];
  const mirror = findings.find((f) => f.code === 'FP_CHIRALITY');
  const numberingBroken = findings.some((f) => f.code === 'FP_NUMBERING');
  if (reading.kind === 'prefixed') {
    out.push({
      code: 'FP_PAD_NAMES',
      severity: 'info',
      pads: [],
      message: `The contact pads are named ${reading.prefix}1 … ${reading.prefix}${reading.numberOf.size}: read as the pin numbers in their names.`,
      expected: null,
      found: `${reading.prefix}1 … ${reading.prefix}${reading.numberOf.size}`,
      toleranceMm: null,
      provenance: null,
      source: null,
    });
  }
  if (reading.kind === 'rows') {
    const [a, b] = reading.rows;
    const n = reading.perRow;
    const named = `${a}1 … ${a}${n}, ${b}1 … ${b}${n}`;
    const state = (mirrored: boolean) =>
      mirrored ? `the MIRROR IMAGE of the ${series.name} ${role} (pin n would meet the mate's neighbouring pin)` : `the ${series.name} ${role} pattern`;
    const readingText =
      laidOut && !numberingBroken
        ? `Read by rows: ${a}1 … ${a}${n} in one row and ${b}1 … ${b}${n} in the other, position k from the end where ${a}1 and ${b}1 stand. If ${a}1 is pin 1 (row ${a} odd: ${a}k = pin 2k−1, ${b}k = pin 2k), the footprint is ${state(Boolean(mirror))}; if ${b}1 is pin 1 (row ${b} odd), it is ${state(!mirror)}.`
        : `The names do not read as rows with positions counted from one end (${a}k beside ${b}k): no pin numbers can be implied.`;
    out.push({
      code: 'FP_NUMBERING_UNCHECKED',
      severity: 'warning',
      pads: [],
      message: `Numbering cannot be checked: pads named ${named}, not 1 … ${2 * n}. The geometry (pitch, span, rows, sizes, terminals) was compared under the reading below. ${readingText} Check against ${partNumber}'s datasheet which row carries pin 1.`,
      expected: `contacts numbered 1 … ${2 * n}`,
      found: `pads named ${named}`,
      toleranceMm: null,
      provenance: 'reference',
      source: 'reference: pin numbering of the production footprint of AXE540127 (data/source/A4S-reference.md)',
    });
  }
  for (const f of findings) {
    if (f.code === 'FP_CHIRALITY' && reading.kind === 'rows') {
      const [a] = reading.rows;
      out.push({ ...f, severity: 'warning', message: `If ${a}1 is pin 1 (the reading of the names, not a fact): ${f.message}` });
    } else if (f.code === 'FP_CHIRALITY' && options.roleIsReading) {
      out.push({ ...f, severity: 'warning', message: `Read as a ${role} (the geometry does not tell socket from header): ${f.message}` });
    } else if (f.code === 'FP_NUMBERING' && reading.kind === 'rows') {
      out.push({ ...f, severity: 'warning', message: `Under the row reading of the pad names: ${f.message}` });
    } else out.push(f);
  }
  return out;
}

/** The layer a finding concerns; the part's old name (FP_PART_RENAMED) concerns none of them. */
export function aspectOf(code: FootprintFinding['code']): Aspect | null {
  if (code.startsWith('FP_PASTE_')) return 'paste';
  if (code === 'FP_COURTYARD_MISSING' || code === 'FP_FAB_MISSING' || code === 'FP_PIN1_MARK_MISSING') return 'outline';
  if (code === 'FP_PART_RENAMED' || code === 'FP_PAIR') return null;
  return 'copper';
}

/**
 * The verdict by layer. Copper: with pads named by rows, the numbering warning and the mirror
 * check said under the names' reading are the numbering's (`numbering: 'unchecked'`), not the
 * geometry's; everything else of the copper (a role read from ambiguous geometry included) counts.
 */
function verdictsOf(findings: readonly FootprintFinding[], namedByRows: boolean): Verdicts {
  const isNumberingReading = (f: FootprintFinding) =>
    namedByRows && f.severity === 'warning' && (f.code === 'FP_NUMBERING_UNCHECKED' || f.code === 'FP_CHIRALITY');
  const tally = (aspect: Aspect, skip: (f: FootprintFinding) => boolean = () => false): AspectVerdict => {
    const mine = findings.filter((f) => aspectOf(f.code) === aspect && !skip(f));
    const errors = mine.filter((f) => f.severity === 'error').length;
    const warnings = mine.filter((f) => f.severity === 'warning').length;
    return { errors, warnings, matches: errors === 0 && warnings === 0 };
  };
  const numberingWarnings = findings.filter(isNumberingReading).length;
  return {
    copper: { ...tally('copper', isNumberingReading), numbering: namedByRows ? 'unchecked' : 'checked', numberingWarnings },
    paste: tally('paste'),
    outline: tally('outline'),
  };
}
