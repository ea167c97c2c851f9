import { builtInSeries, type Series } from '../catalog/index.js';
import { error } from '../errors.js';
import { checkPartNumber, findPartNumbers, formatPartNumber, RENAMED_SOURCE } from '../partnumber/index.js';
import { fail, type Result } from '../result.js';
import { notTextReason } from '../text.js';
import { partGeometry, type LandPattern, type Param } from '../geometry/index.js';
import { readFootprint, type FootprintDoc } from './read.js';
import type { FootprintFinding, IdentifiedBy, FootprintReport, RoleEvidence, VerifyOptions } from './types.js';
import { type Candidate, type CompareOptions, compareDoc } from './compare.js';
import { commonestSizePads, frameContacts, offAxisDeg, r3 } from './frame.js';
import { landPatternToleranceMm, strengthOf } from './findings.js';

export type { FindingCode, FootprintFinding, FootprintReport, IdentifiedBy, Severity, Strength, VerifyOptions } from './types.js';
export { TOLERANCES_MM } from './findings.js';

/** Words that introduce the mating part ("mates with header AXE640124", "for socket AXE5…"): that number is not this footprint's part. */
const MATE_BEFORE =
  /\b(mat(e|es|ed|ing)|counterpart|partner|plugs?\s+into|fits?|pairs?\s+with|goes\s+with|use\s+with|used\s+with|for\s+(the\s+)?(mating\s+)?(header|socket))\b[^.;()]*$/i;
const MATE_AFTER = /^[\s,)(-]*(mate|mating|counterpart)\b/i;

const WRITTEN = { looseness: 'written' } as const;

function partFromText(text: string, series: Series = builtInSeries): { partNumber: string; found: string; renamedFrom?: string } | null {
  // Part numbers as names write them: AXE5 40127, AXE6_10x24, inspection AXE5E4026, with or without packaging and vendor suffixes.
  for (const m of findPartNumbers(text, WRITTEN, series)) {
    const found = m.text;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const after = text.slice(m.index + found.length, m.index + found.length + 20);
    if (MATE_BEFORE.test(before) || MATE_AFTER.test(after)) continue;
    const role = m.role!;
    const pins = m.pins!;
    if (m.inspection) return { partNumber: formatPartNumber({ role, pins, inspection: true, matedHeightMm: null, packaging: null }, series), found };
    // A header whose code does not state its height (AXE6_10x24) is read as the 0.8 mm one: both heights have one land pattern.
    const matedHeightMm = role === 'header' ? (m.matedHeightMm ?? 0.8) : null;
    const partNumber = formatPartNumber({ role, pins, inspection: false, matedHeightMm, packaging: '8mm-pitch' }, series);
    // A socket written with an older edition's code is that catalog's number (partnumber: renamed): said, not silently read.
    return { partNumber, found, ...(m.renamedFrom !== null ? { renamedFrom: m.renamedFrom } : {}) };
  }
  return null;
}

/** An old socket number (AXE5nn124) read as today's AXE5nn127: a warning, the comparison goes on with today's part. */
function renamedFinding(old: string, current: string, where: string, series: Series): FootprintFinding {
  // The edition that wrote this code (the grammar's renamed socket codes): the code follows the prefix, the role digit and the pins.
  const form = series.grammar;
  const codeAt = form.prefix.length + form.roleDigit.socket.length + form.pinsDigits;
  const edition = form.renamedSocketCodes.find((c) => old.startsWith(c.code, codeAt))?.edition;
  return {
    code: 'FP_PART_RENAMED',
    severity: 'warning',
    pads: [],
    message: `${old} (${where}) is the socket's number in ${edition ? `the ${edition} catalog edition` : 'an earlier catalog edition'}; renamed: today ${current}, the same part. Compared with ${current}.`,
    expected: current,
    found: old,
    toleranceMm: null,
    provenance: 'reference',
    source: RENAMED_SOURCE,
  };
}

/**
 * The part named in the file: the footprint's own name or value first, then the file name and the
 * tags; the description only when nothing else names one (it often names the mate). A number
 * introduced as the mate is never taken.
 */
function namedCandidate(doc: FootprintDoc, options: VerifyOptions, series: Series): (Candidate & { notes: FootprintFinding[] }) | null {
  const places: [IdentifiedBy, string][] = [
    ['footprint name', doc.name],
    ['value', doc.value],
    ['file name', options.fileName ?? ''],
    ['tags', doc.tags],
    ['description', doc.description],
  ];
  for (const [by, text] of places) {
    const p = partFromText(text, series);
    if (p && checkPartNumber(p.partNumber, series).fields)
      return {
        partNumber: p.partNumber,
        identifiedBy: by,
        identifiedFrom: `"${p.found}" in the ${by}, read as ${p.partNumber}`,
        notes: p.renamedFrom ? [renamedFinding(p.renamedFrom, p.partNumber, `the ${by}`, series)] : [],
      };
  }
  return null;
}

const note = (severity: FootprintFinding['severity'], code: FootprintFinding['code'], message: string, found: string | null = null): FootprintFinding => ({
  code,
  severity,
  pads: [],
  message,
  expected: null,
  found,
  toleranceMm: null,
  provenance: null,
  source: null,
});

/** The bottom side, mirrored back: a note (cut from a board) or a warning (a library footprint drawn on B.Cu). */
function flipNotes(doc: FootprintDoc): FootprintFinding[] {
  if (!doc.flipped) return [];
  return doc.flipped.library
    ? [
        note(
          'warning',
          'FP_BOTTOM_SIDE',
          `A library footprint on the bottom side (${doc.flipped.why}): it was mirrored back to the top view before comparison. Library footprints are drawn on F.Cu; KiCad flips them when placed on the bottom side. Placed as it is, its copper lands on the bottom layer, mirrored.`,
          doc.flipped.why,
        ),
      ]
    : [
        note(
          'info',
          'FP_BOTTOM_SIDE',
          `Placed on the bottom side of the board (${doc.flipped.why}): mirrored back to the top view of its library footprint before comparison.`,
          doc.flipped.why,
        ),
      ];
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const median = (v: readonly number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/**
 * Socket or header, from the geometry alone: each feature that differs between the two roles'
 * patterns (row spacing, number of soldering terminals, contact pad length, terminal pad size)
 * votes for the role it fits within that role's tolerance, when it does not fit the other. The
 * expected values come from the land patterns (src/geometry), never from numbers written here.
 */
function roleFromGeometry(doc: FootprintDoc, socket: LandPattern, header: LandPattern): { role: 'socket' | 'header' | null; evidence: string[] } {
  const contacts = commonestSizePads(doc.pads);
  const others = doc.pads.filter((p) => !contacts.includes(p));
  const framed = frameContacts(contacts, others, 0);
  const upper = framed.contacts.filter((c) => c.y < -1e-3).map((c) => c.y);
  const lower = framed.contacts.filter((c) => c.y > 1e-3).map((c) => c.y);
  const evidence: string[] = [];
  const votes = { socket: 0, header: 0 };
  const judge = (what: string, found: number, expect: (lp: LandPattern) => { value: number; tol: number }, unit = ' mm') => {
    const s = expect(socket);
    const h = expect(header);
    const fitsS = Math.abs(found - s.value) <= s.tol + 1e-9;
    const fitsH = Math.abs(found - h.value) <= h.tol + 1e-9;
    const verdict = fitsS && !fitsH ? 'socket' : fitsH && !fitsS ? 'header' : fitsS ? 'fits both' : 'fits neither';
    if (verdict === 'socket' || verdict === 'header') votes[verdict]++;
    const t = (x: { value: number; tol: number }) => `${r3(x.value)}${unit}${x.tol ? ` ±${x.tol}` : ''}`;
    evidence.push(`${what} ${r3(found)}${unit} (socket ${t(s)}, header ${t(h)}): ${verdict}`);
  };
  const tolOf = (p: Param) => landPatternToleranceMm(strengthOf(p));
  if (upper.length && lower.length)
    judge('contact rows', mean(lower) - mean(upper), (lp) => ({ value: 2 * lp.params.signalRowOffsetMm.valueMm, tol: tolOf(lp.params.signalRowOffsetMm) }));
  if (framed.contacts.length)
    judge('contact pad length', median(framed.contacts.map((c) => c.h)), (lp) => ({
      value: lp.params.signalPadLengthMm.valueMm,
      tol: tolOf(lp.params.signalPadLengthMm),
    }));
  judge('soldering-terminal pads', framed.terminals.length, (lp) => ({ value: lp.pads.filter((p) => p.kind === 'terminal').length, tol: 0 }), '');
  if (framed.terminals.length) {
    judge('soldering-terminal pad width (along the rows)', median(framed.terminals.map((t) => t.w)), (lp) => ({
      value: lp.params.terminalPadWidthMm.valueMm,
      tol: tolOf(lp.params.terminalPadWidthMm),
    }));
    judge('soldering-terminal pad length (across the rows)', median(framed.terminals.map((t) => t.h)), (lp) => ({
      value: lp.params.terminalPadLengthMm.valueMm,
      tol: tolOf(lp.params.terminalPadLengthMm),
    }));
  }
  const role = votes.socket > 0 && votes.header === 0 ? 'socket' : votes.header > 0 && votes.socket === 0 ? 'header' : null;
  return { role, evidence };
}

export function verifyFootprint(text: string, options: VerifyOptions = {}, series: Series = builtInSeries): Result<FootprintReport> {
  const notText = typeof text === 'string' ? notTextReason(text) : null;
  if (notText !== null) return fail(error('INPUT_NOT_TEXT', `The footprint is not text: ${notText}.`));
  const ref = options.reference !== undefined ? { reference: options.reference } : {};
  let read = readFootprint(text, ref, series);
  if (!read.ok) return read;
  // Rows turned by an angle that is not a multiple of 90°: turn the footprint back by the rows' direction first.
  const offAxis = offAxisDeg(read.value.pads);
  if (offAxis !== 0) read = readFootprint(text, { ...ref, turnDeg: -offAxis }, series);
  if (!read.ok) return read;
  const doc = read.value;
  const notes = flipNotes(doc);
  const compareWith = (c: Candidate, extra: FootprintFinding[] = [], compare: CompareOptions = {}) =>
    compareDoc(doc, c, [...notes, ...extra], offAxis, compare, series);
  if (options.part !== undefined) {
    const check = checkPartNumber(options.part, series);
    if (!check.fields || !check.partNumber) return fail(check.errors[0]!, check.suggestions);
    const renamed = check.status === 'renamed' ? [renamedFinding(check.renamedFrom!, check.partNumber, '--part', series)] : [];
    return compareWith(
      {
        partNumber: check.partNumber,
        identifiedBy: 'option',
        identifiedFrom: check.renamedFrom ? `--part ${check.renamedFrom}, read as ${check.partNumber}` : `--part ${check.partNumber}`,
      },
      renamed,
    );
  }
  const named = namedCandidate(doc, options, series);
  if (named) return compareWith(named, named.notes);
  const pins = commonestSizePads(doc.pads).length;
  const socket = formatPartNumber({ role: 'socket', pins, inspection: false, matedHeightMm: null, packaging: '8mm-pitch' }, series);
  const header = formatPartNumber({ role: 'header', pins, inspection: false, matedHeightMm: 0.8, packaging: '8mm-pitch' }, series);
  const socketGeometry = partGeometry(socket, {}, series);
  const headerGeometry = partGeometry(header, {}, series);
  if (!socketGeometry.ok || !headerGeometry.ok) {
    const { pinsMin, pinsMax } = series.catalog.series;
    return fail(
      error(
        'FOOTPRINT_PART_UNKNOWN',
        `No ${series.name} part number in the footprint name, value, file name, tags or description, and ${pins} contact pads is not an ${series.name} pin count (even, ${pinsMin} to ${pinsMax}). Name the part with --part.`,
      ),
    );
  }
  const { role, evidence } = roleFromGeometry(doc, socketGeometry.value.landPattern, headerGeometry.value.landPattern);
  const from = (pn: string): Candidate => ({ partNumber: pn, identifiedBy: 'pad count', identifiedFrom: `${pins} pads of the same size` });
  // The mirror check under both readings: reported whatever the role, never used to choose it.
  const readings: RoleEvidence['readings'][number][] = [];
  for (const pn of [socket, header]) {
    const r = compareWith(from(pn));
    if (!r.ok) return r;
    const codes = new Set(r.value.findings.map((f) => f.code));
    const mirrored = codes.has('FP_PIN_COUNT') || codes.has('FP_NUMBERING') || codes.has('FP_NUMBERING_UNCHECKED') ? null : codes.has('FP_CHIRALITY');
    readings.push({ partNumber: pn, role: r.value.part.role, mirrored });
  }
  const said = (x: RoleEvidence['readings'][number]) =>
    `as ${x.role} ${x.partNumber}: ${x.mirrored === null ? 'numbering cannot tell' : x.mirrored ? 'the MIRROR IMAGE of our pattern' : 'our pattern, not mirrored'}`;
  const roleEvidence: RoleEvidence = { decided: role !== null, evidence, readings };
  if (role) {
    const pn = role === 'socket' ? socket : header;
    const inferred = note(
      'info',
      'FP_PART_INFERRED',
      `No part number was given or found in the file: ${pins} contact pads, and the geometry says ${role}: ${evidence.join('; ')}. Compared as ${pn}. Give --part to compare with another part.`,
      `${pins} contact pads, ${role} by geometry`,
    );
    return compareWith({ ...from(pn), identifiedFrom: `${pins} pads of the same size; ${role} from the geometry`, roleFromGeometry: roleEvidence }, [inferred]);
  }
  const ambiguous = note(
    'warning',
    'FP_PART_INFERRED',
    `No part number was given or found in the file, and the geometry does not tell socket from header (${evidence.join('; ')}). Mirror check under both readings: ${readings.map(said).join('; ')}. The findings below read it as the socket (a fixed order, not the better fit). Name the part with --part.`,
    `${pins} contact pads, role undecided`,
  );
  return compareWith(
    { ...from(socket), identifiedFrom: `${pins} pads of the same size; socket or header undecided`, roleFromGeometry: roleEvidence },
    [ambiguous],
    {
      roleIsReading: true,
    },
  );
}

/**
 * Control characters (a newline in a footprint name) escaped, so that a file cannot forge lines of
 * the text report: \n, \r, \t as such, others as \xNN or \uNNNN. Local and minimal on purpose (the
 * reports' shared escaping is issue 20's).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function safe(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_ESCAPES[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** The verdict by layer: copper apart from paste and outline (a third-party footprint may have the right copper and no courtyard). */
export function verdictLines(r: FootprintReport, series: Series = builtInSeries): string[] {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const tally = (v: { errors: number; warnings: number }) => `${count(v.errors, 'error')}, ${count(v.warnings, 'warning')}`;
  const c = r.verdicts.copper;
  const copper = !c.matches
    ? `copper: does not match (${tally(c)})`
    : c.numbering === 'unchecked'
      ? `copper: the pad geometry matches the ${series.name} ${r.part.role} pattern; the numbering cannot be checked (pads named by rows: see FP_NUMBERING_UNCHECKED for the reading)`
      : `copper: matches the ${series.name} ${r.part.role} pattern (pads, terminals, numbering)`;
  const other = (what: string, v: { errors: number; warnings: number; matches: boolean }) => `${what}: ${v.matches ? 'no findings' : tally(v)}`;
  return [copper, other('paste (stencil openings)', r.verdicts.paste), other('courtyard, fab outline and pin-1 mark', r.verdicts.outline)];
}

/** One line per finding, then the verdict by layer and the overall one: the CLI's text report. */
export function renderFootprintReport(r: FootprintReport, series: Series = builtInSeries): string {
  const lines = [
    `footprint ${r.file.name || '(unnamed)'} (${r.file.syntax === 'module' ? 'KiCad 5 syntax' : `KiCad ${r.file.version ?? '6+'} format`}, ${r.file.copperPads} copper pads${r.file.ignoredPads ? `, ${r.file.ignoredPads} paste/mask-only pads` : ''})`,
    ...(r.file.board
      ? [
          `cut out of a board: ${r.file.board.reference} on the ${r.file.board.side} side at ${r.file.board.angleDeg}°${r.file.board.side === 'bottom' ? ' (mirrored back to the top view of its library footprint)' : ''}`,
        ]
      : []),
    `compared with ${r.part.partNumber} (${r.part.role}, ${r.part.pins} pins${r.part.status === 'nonstandard' ? ', not listed in the catalog' : ''}): part from ${r.part.identifiedFrom}`,
  ];
  if (r.part.roleFromGeometry)
    lines.push(`role from the geometry${r.part.roleFromGeometry.decided ? '' : ' (undecided)'}: ${r.part.roleFromGeometry.evidence.join('; ')}`);
  if (r.file.flipped) lines.push(`bottom side: ${r.file.flipped.why}; mirrored back to the top view before comparison`);
  if (r.paste?.contactAreaRatio != null && r.paste.contactAperture)
    lines.push(
      `paste: contact opening ${r.paste.contactAperture.widthMm} × ${r.paste.contactAperture.heightMm} mm on a ${r.paste.stencilThicknessMm * 1000} µm stencil: IPC-7525 area ratio ${r.paste.contactAreaRatio} (${r.paste.contactAreaRatio >= r.paste.areaRatioMin ? 'at least' : 'below'} ${r.paste.areaRatioMin})`,
    );
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
  lines.push(...verdictLines(r, series));
  lines.push(
    r.matches
      ? `OK: the footprint matches the ${series.name} ${r.part.role} pattern${r.summary.infos ? ` (${count(r.summary.infos, 'note')})` : ''}.`
      : r.verdicts.copper.matches
        ? `${count(r.summary.errors, 'error')}, ${count(r.summary.warnings, 'warning')}: the copper matches${r.verdicts.copper.numbering === 'unchecked' ? ' in geometry' : ''}; the footprint does not match in full (the findings above).`
        : `${count(r.summary.errors, 'error')}, ${count(r.summary.warnings, 'warning')}: the footprint does not match.`,
  );
  return `${lines.map(safe).join('\n')}\n`;
}
