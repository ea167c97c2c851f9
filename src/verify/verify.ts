import { error } from '../errors.js';
import { checkPartNumber, RENAMED_SOURCE } from '../partnumber/index.js';
import { fail, type Result } from '../result.js';
import { readFootprint, type FootprintDoc, type FootprintPad } from './read.js';
import type { FootprintFinding, IdentifiedBy, FootprintReport, VerifyOptions } from './types.js';
import { type Candidate, compareDoc } from './compare.js';
import { commonOffAxisDeg, maxOf } from './frame.js';

export type { FindingCode, FootprintFinding, FootprintReport, IdentifiedBy, Severity, Strength, VerifyOptions } from './types.js';
export { TOLERANCES_MM } from './findings.js';

/** Part numbers written in names: AXE5 40 127, AXE6 10 x24, inspection AXE5E4026, with or without packaging and vendor suffixes. */
const PN_IN_TEXT = /AXE[-_ ]?([56])(E?)[-_ ]?(\d{2})([0-9xX*]{2,3})?/i;

function partFromText(text: string): { partNumber: string; found: string; renamedFrom?: string } | null {
  const m = PN_IN_TEXT.exec(text);
  if (!m) return null;
  const [found, roleDigit, inspection, pp, variant = ''] = m;
  if (inspection) return { partNumber: `AXE${roleDigit}E${pp}26`, found: found! };
  // A socket written with 124 is the 2013-03 catalog's number (partnumber: renamed): said, not silently read.
  if (roleDigit === '5') return { partNumber: `AXE5${pp}127`, found: found!, ...(variant === '124' ? { renamedFrom: `AXE5${pp}124` } : {}) };
  return { partNumber: `AXE6${pp}${variant.startsWith('2') ? '224' : '124'}`, found: found! };
}

/** An old socket number (AXE5nn124) read as today's AXE5nn127: a warning, the comparison goes on with today's part. */
function renamedFinding(old: string, current: string, where: string): FootprintFinding {
  return {
    code: 'FP_PART_RENAMED',
    severity: 'warning',
    pads: [],
    message: `${old} (${where}) is the socket's number in the 2013-03 catalog edition; renamed: today ${current}, the same part. Compared with ${current}.`,
    expected: current,
    found: old,
    toleranceMm: null,
    provenance: 'reference',
    source: RENAMED_SOURCE,
  };
}

function namedCandidate(doc: FootprintDoc, options: VerifyOptions): (Candidate & { notes: FootprintFinding[] }) | null {
  const places: [IdentifiedBy, string][] = [
    ['file name', options.fileName ?? ''],
    ['footprint name', doc.name],
    ['value', doc.value],
    ['description', doc.description],
    ['tags', doc.tags],
  ];
  for (const [by, text] of places) {
    const p = partFromText(text);
    if (p && checkPartNumber(p.partNumber).fields)
      return {
        partNumber: p.partNumber,
        identifiedBy: by,
        identifiedFrom: `"${p.found}" in the ${by}, read as ${p.partNumber}`,
        notes: p.renamedFrom ? [renamedFinding(p.renamedFrom, p.partNumber, `the ${by}`)] : [],
      };
  }
  return null;
}

/** The contact pads: the commonest copper pad size (the soldering terminals are larger and fewer). */
function contactSizeCount(pads: readonly FootprintPad[]): number {
  const counts = new Map<string, number>();
  for (const p of pads) {
    const key = [p.widthMm, p.heightMm]
      .sort((a, b) => a - b)
      .map((v) => v.toFixed(3))
      .join('x');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return maxOf([...counts.values()]);
}

export function verifyFootprint(text: string, options: VerifyOptions = {}): Result<FootprintReport> {
  const ref = options.reference !== undefined ? { reference: options.reference } : {};
  let read = readFootprint(text, ref);
  if (!read.ok) return read;
  // A footprint turned by an angle that is not a multiple of 90°: its pads carry that angle; turn it back first.
  const offAxis = commonOffAxisDeg(read.value.pads);
  if (offAxis !== 0) read = readFootprint(text, { ...ref, turnDeg: -offAxis });
  if (!read.ok) return read;
  const doc = read.value;
  const compareWith = (d: FootprintDoc, c: Candidate, notes: FootprintFinding[]) => compareDoc(d, c, notes, offAxis);
  if (options.part !== undefined) {
    const check = checkPartNumber(options.part);
    if (!check.fields || !check.partNumber) return fail(check.errors[0]!, check.suggestions);
    const notes = check.status === 'renamed' ? [renamedFinding(check.renamedFrom!, check.partNumber, '--part')] : [];
    return compareWith(
      doc,
      {
        partNumber: check.partNumber,
        identifiedBy: 'option',
        identifiedFrom: check.renamedFrom ? `--part ${check.renamedFrom}, read as ${check.partNumber}` : `--part ${check.partNumber}`,
      },
      notes,
    );
  }
  const named = namedCandidate(doc, options);
  if (named) return compareWith(doc, named, named.notes);
  const pins = contactSizeCount(doc.pads);
  const socket = `AXE5${String(pins).padStart(2, '0')}127`;
  const header = `AXE6${String(pins).padStart(2, '0')}124`;
  if (!checkPartNumber(socket).fields) {
    return fail(
      error(
        'FOOTPRINT_PART_UNKNOWN',
        `No A4S part number in the file name, footprint name, value, description or tags, and ${pins} contact pads is not an A4S pin count (even, 10 to 80). Name the part with --part.`,
      ),
    );
  }
  const from = (pn: string): Candidate => ({ partNumber: pn, identifiedBy: 'pad count', identifiedFrom: `${pins} pads of the same size` });
  const a = compareWith(doc, from(socket), []);
  const b = compareWith(doc, from(header), []);
  if (!a.ok || !b.ok) return a.ok ? b : a;
  const score = (r: FootprintReport) => r.summary.errors * 100 + r.summary.warnings;
  const best = score(b.value) < score(a.value) ? header : socket;
  const other = best === socket ? header : socket;
  const note: FootprintFinding = {
    code: 'FP_PART_INFERRED',
    severity: 'info',
    pads: [],
    message: `No part number was given or found in the file: ${pins} contact pads, compared as ${best} (the ${best === socket ? 'socket' : 'header'} pattern fits better than ${other}'s). Give --part to compare with another part.`,
    expected: null,
    found: `${pins} contact pads`,
    toleranceMm: null,
    provenance: null,
    source: null,
  };
  return compareWith(doc, from(best), [note]);
}

/** One line per finding, then a verdict: the CLI's text report. */
export function renderFootprintReport(r: FootprintReport): string {
  const lines = [
    `footprint ${r.file.name || '(unnamed)'} (${r.file.syntax === 'module' ? 'KiCad 5 syntax' : `KiCad ${r.file.version ?? '6+'} format`}, ${r.file.copperPads} copper pads${r.file.ignoredPads ? `, ${r.file.ignoredPads} paste/mask-only pads ignored` : ''})`,
    ...(r.file.board
      ? [
          `cut out of a board: ${r.file.board.reference} on the ${r.file.board.side} side at ${r.file.board.angleDeg}°${r.file.board.side === 'bottom' ? ' (mirrored back to the top view of its library footprint)' : ''}`,
        ]
      : []),
    `compared with ${r.part.partNumber} (${r.part.role}, ${r.part.pins} pins${r.part.status === 'nonstandard' ? ', not listed in the catalog' : ''}): part from ${r.part.identifiedFrom}`,
  ];
  if (r.placement)
    lines.push(
      `placement: turned by ${r.placement.rotationDeg}° to our frame (pin 1 at the left end); the file's origin is at (${r.placement.originMm.x}, ${r.placement.originMm.y}) mm from the contacts' centre`,
    );
  lines.push('');
  for (const f of r.findings) {
    lines.push(`${f.severity} [${f.code}]${f.pads.length ? ` pads ${f.pads.join(', ')}` : ''}: ${f.message}`);
    if (f.expected !== null || f.found !== null)
      lines.push(
        `    expected ${f.expected ?? '—'}, found ${f.found ?? '—'}${f.toleranceMm !== null ? ` (tolerance ±${f.toleranceMm} mm)` : ''}${f.provenance ? ` [${f.provenance}]` : ''}`,
      );
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    r.matches
      ? `OK: the footprint matches the A4S ${r.part.role} pattern${r.summary.infos ? ` (${count(r.summary.infos, 'note')})` : ''}.`
      : `${count(r.summary.errors, 'error')}, ${count(r.summary.warnings, 'warning')}: the footprint does not match.`,
  );
  return `${lines.join('\n')}\n`;
}
