import { partGeometry } from '../geometry/index.js';
import { ok, type Result } from '../result.js';
import { TOLERANCES_MM, type Add } from './findings.js';
import { frameContacts } from './frame.js';
import { checkCourtyardAndFab, checkPin1Mark } from './outline.js';
import { checkContactLayout, checkContactNumbers, checkPitch, checkTerminals } from './pads.js';
import type { FootprintDoc } from './read.js';
import type { Severity, FootprintFinding, IdentifiedBy, FootprintReport } from './types.js';

/**
 * The comparison of a read footprint with the catalog model of its part, in the order of the
 * report: contact numbers, the frame, pads (pads.ts), courtyard, fab and pin-1 mark (outline.ts).
 */

export interface Candidate {
  readonly partNumber: string;
  readonly identifiedBy: IdentifiedBy;
  readonly identifiedFrom: string;
}

export function compareDoc(doc: FootprintDoc, candidate: Candidate, notes: FootprintFinding[], offAxisDeg: number): Result<FootprintReport> {
  const geometry = partGeometry(candidate.partNumber);
  if (!geometry.ok) return geometry;
  const { landPattern: lp, check } = geometry.value;
  const findings: FootprintFinding[] = [...notes];
  const add: Add = (f) => findings.push({ expected: null, found: null, toleranceMm: null, provenance: null, source: null, ...f });

  const pins = lp.pins;
  const { contacts, terminals, complete } = checkContactNumbers(doc.pads, lp, candidate.partNumber, add);
  // Our frame needs two contacts: rows along x, pin 1 (or the lowest number) at the left.
  const framed = contacts.length >= 2 ? frameContacts(contacts, terminals, offAxisDeg) : null;
  checkPitch(framed?.contacts ?? [], lp, add);
  if (complete && framed) checkContactLayout(framed.contacts, lp, candidate.partNumber, add);
  if (framed) checkTerminals(framed.terminals, lp, add);
  checkCourtyardAndFab(doc, lp, add);
  if (framed && complete) checkPin1Mark(doc, framed.frame, framed.contacts, pins, add);

  const count = (s: Severity) => findings.filter((x) => x.severity === s).length;
  const summary = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  return ok({
    file: { name: doc.name, syntax: doc.syntax, version: doc.version, copperPads: doc.pads.length, ignoredPads: doc.ignoredPads, board: doc.board },
    part: {
      partNumber: candidate.partNumber,
      role: lp.role,
      pins,
      identifiedBy: candidate.identifiedBy,
      identifiedFrom: candidate.identifiedFrom,
      status: check.status as 'standard' | 'renamed' | 'nonstandard',
    },
    placement: framed?.placement ?? null,
    tolerancesMm: TOLERANCES_MM,
    findings,
    summary,
    matches: summary.errors === 0 && summary.warnings === 0,
  });
}
