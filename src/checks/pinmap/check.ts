import { catalog, PRODUCT_TYPES_SOURCE, standardPinCounts } from '../../catalog/index.js';
import { checkPartNumber, RENAMED_SOURCE, type PartNumberCheck } from '../../partnumber/index.js';
import { matingForces } from '../../select/index.js';
import { CHECK_CODES, PIN_MAP_FINDING_CODE_LIST, type PinMapFindingCode } from '../codes.js';
import { limits, thresholdsOf } from '../shared/index.js';
import { SEVERITY_RANK, type CheckReport, type Finding, type PinAssignment, type PinMapInput, type Severity } from '../types.js';
import { plural, type Add, range, compactPins } from './common.js';
import { collectNets, checkCurrentMismatch } from './nets.js';
import { checkCurrents, checkTotalCurrent, checkVoltages, checkContactVoltages, checkIrDrop } from './electrical.js';
import { checkReversal } from './reversal.js';
import { checkNeighbourVoltages, checkDiffPairs, checkUnknownKinds, checkMissingValues } from './evidence.js';
import { netKind } from '../shared/index.js';
import { checkLife, checkEnvironment, checkBoards } from './conditions.js';
import { compareNames } from '../../numbers.js';

export { inferKind } from '../shared/index.js';
export { neighbourPairs } from './electrical.js';
export { compactPins } from './common.js';

/**
 * Checks a pin map against every rule of the catalog that a pin assignment can break. Pure; never
 * throws on any `PinMapInput`. Findings are sorted worst first (error, warning, info), then by the
 * order of the code registry and by pin.
 */
export function checkPinMap(input: PinMapInput): CheckReport {
  const l = limits();
  const findings: Finding[] = [];
  const add = (code: PinMapFindingCode, severity: Severity, f: { pins?: number[]; nets?: string[]; message: string; source: string; fix?: string }) =>
    findings.push({
      code,
      severity,
      pins: [...new Set(f.pins ?? [])].sort((a, b) => a - b),
      nets: [...new Set(f.nets ?? [])],
      message: f.message,
      source: f.source,
      fix: f.fix ?? CHECK_CODES[code].fix,
    });

  // --- the part(s) and the pin count
  const partCheck = input.part ? checkPartNumber(input.part) : null;
  const mateCheck = input.mate ? checkPartNumber(input.mate) : null;
  const { pinCount, pinCountSource } = resolvePinCount(input, partCheck, add);
  checkParts(partCheck, mateCheck, add);

  // --- structure: duplicates, beyond the count, unassigned
  const byPin = new Map<number, PinAssignment>();
  const duplicates = new Map<number, PinAssignment[]>();
  const beyond: PinAssignment[] = [];
  for (const a of input.pins) {
    if (a.pin > pinCount) {
      beyond.push(a);
      continue;
    }
    const first = byPin.get(a.pin);
    if (first) duplicates.set(a.pin, [...(duplicates.get(a.pin) ?? [first]), a]);
    else byPin.set(a.pin, a);
  }
  for (const [pin, list] of duplicates) {
    const nets = list.map((a) => a.net ?? 'NC');
    add('PIN_DUPLICATED', 'error', {
      pins: [pin],
      nets: nets.filter((n) => n !== 'NC'),
      message: `Pin ${pin} is assigned ${list.length} times (${list.map((a) => `${a.net ?? 'NC'}${a.line ? ` on line ${a.line}` : ''}`).join(', ')}); the checks use the first.`,
      source: 'pin map',
    });
  }
  const terminals = beyond.length > 0 ? readAsSolderingTerminals(beyond, pinCount, pinCountSource, input) : 'no';
  if (terminals === 'carries a net') {
    const nets = [...new Set(beyond.flatMap((a) => (a.net ? [a.net] : [])))];
    add('PIN_BEYOND_COUNT', 'error', {
      pins: beyond.map((a) => a.pin),
      nets,
      message: `Pins ${compactPins(beyond.map((a) => a.pin))} of the ${pinCount}-pin part carry ${nets.join(', ')}: numbered after the contacts, they can only be its soldering terminals, which are not contacts — ${nets.length === 1 ? 'this net' : 'these nets'} will not reach the other board there. Soldering terminals may carry ground, be unconnected or be marked mounting.`,
      source: `${input.part ? `${PRODUCT_TYPES_SOURCE} (pin count of ${input.part})` : 'pin count'}; soldering terminals: assumed from the numbering`,
      fix: `Move ${nets.join(', ')} to contacts 1 … ${pinCount} (or choose a part with more pins); leave the terminals on ground, unconnected or mounting.`,
    });
  } else if (terminals === 'terminals') {
    const net = beyond[0]!.net;
    add('PIN_SOLDERING_TERMINALS', 'info', {
      pins: beyond.map((a) => a.pin),
      nets: net ? [net] : [],
      message: `Pins ${compactPins(beyond.map((a) => a.pin))} (${net ?? 'NC'}) of the ${pinCount}-pin part are read as its soldering terminals, numbered after the contacts as some symbols draw them (our reading): they are not contacts, so they carry none of ${net ?? 'the net'}’s current in these checks.`,
      source: `${input.part ? `${PRODUCT_TYPES_SOURCE} (pin count of ${input.part})` : 'pin count'}; soldering terminals: assumed from the numbering`,
    });
  } else if (beyond.length > 0) {
    add('PIN_BEYOND_COUNT', 'error', {
      pins: beyond.map((a) => a.pin),
      nets: beyond.flatMap((a) => (a.net ? [a.net] : [])),
      message: `${plural(beyond.length, 'pin')} beyond the part's ${pinCount} pins: ${beyond.map((a) => `${a.pin}${a.line ? ` (line ${a.line})` : ''}`).join(', ')}.`,
      source: `${input.part ? `${PRODUCT_TYPES_SOURCE} (pin count of ${input.part})` : 'pin count'}`,
    });
  }
  const unassigned = range(1, pinCount).filter((p) => !byPin.has(p));
  if (unassigned.length > 0) {
    add('PIN_UNASSIGNED', 'warning', {
      pins: unassigned,
      message: `${plural(unassigned.length, 'pin')} of ${pinCount} without a net: ${compactPins(unassigned)}. Mark pins unconnected on purpose as NC.`,
      source: 'pin map',
    });
  }

  // --- nets
  const nets = collectNets(input, byPin);
  const netOf = (pin: number) => byPin.get(pin)?.net ?? null;
  const irDropMv = input.irDropThresholdMv ?? l.irDropDefaultMv.value;
  checkCurrentMismatch(nets, add);
  checkCurrents(nets, l, irDropMv, add);
  const totalCurrentA = checkTotalCurrent(nets, l, add);
  checkVoltages(nets, l, add);
  checkContactVoltages(nets, l, add);
  const summaries = checkIrDrop(nets, l, irDropMv, input.irDropThresholdMv !== null, add);
  const reversal = checkReversal(pinCount, netOf, nets, input.conditions.reverseInsertionPrevented ?? null, add);
  const maxNeighbourV = input.maxNeighbourV ?? null;
  checkNeighbourVoltages(pinCount, netOf, nets, l, maxNeighbourV, add);
  checkDiffPairs(pinCount, nets, add);
  const unknownKindNets = checkUnknownKinds(pinCount, netOf, nets, reversal, add);
  const { noCurrentNets, noVoltageNets } = checkMissingValues(nets, l, add);

  // --- mechanics, life, environment, boards
  const inspection = Boolean(partCheck?.fields?.inspection || mateCheck?.fields?.inspection);
  const forces = matingForces(pinCount, { inspection });
  add('MATING_FORCES', 'info', {
    message: inspection
      ? `${pinCount} pins: insertion force at most ${forces.insertionMaxN} N (${forces.formula}); no removal minimum: the mating retention force of inspection parts cannot be warranted.`
      : `${pinCount} pins: insertion force at most ${forces.insertionMaxN} N, removal force at least ${forces.removalMinN} N (${forces.formula}).`,
    source: inspection ? `${forces.source} (“Mating retention force cannot be warranted.”)` : forces.source,
  });
  checkLife(input, partCheck, mateCheck, pinCount, l, add);
  checkEnvironment(input, l, add);
  checkBoards(input, l, add);

  const order = new Map(PIN_MAP_FINDING_CODE_LIST.map((c, i) => [c, i]));
  findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      order.get(a.code)! - order.get(b.code)! ||
      (a.pins[0] ?? 0) - (b.pins[0] ?? 0) ||
      compareNames(a.nets[0] ?? '', b.nets[0] ?? ''),
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    part: partCheck?.partNumber ?? input.part,
    mate: mateCheck?.partNumber ?? input.mate,
    findings,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      pinCount,
      pinCountSource,
      reversalSafe: reversal.verdict === 'safe',
      reversal: reversal.verdict,
      unknownKindNets,
      noCurrentNets,
      noVoltageNets,
      verdict: verdictOf(count('error'), unknownKindNets, noCurrentNets, noVoltageNets),
      totalCurrentA,
      insertionForceMaxN: forces.insertionMaxN,
      removalForceMinN: forces.removalMinN,
      nets: summaries,
      thresholds: thresholdsOf(l, irDropMv, input.irDropThresholdMv !== null, maxNeighbourV),
    },
  };
}
/**
 * `errors`; `qualified` (no error, but nets of unknown kind meet others: exit 1); `clean for stated
 * values` (no error, but supplies without a current or a voltage: those checks did not run; exit 0,
 * named in NET_VALUES_MISSING); `clean` (everything the checks need was given, and nothing failed).
 */
export function verdictOf(
  errors: number,
  unknownKindNets: readonly string[],
  noCurrentNets: readonly string[],
  noVoltageNets: readonly string[],
): CheckReport['summary']['verdict'] {
  if (errors > 0) return 'errors';
  if (unknownKindNets.length > 0) return 'qualified';
  return noCurrentNets.length > 0 || noVoltageNets.length > 0 ? 'clean for stated values' : 'clean';
}
function resolvePinCount(
  input: PinMapInput,
  partCheck: PartNumberCheck | null,
  add: Add,
): { pinCount: number; pinCountSource: 'part' | 'pinCount' | 'inferred' } {
  if (partCheck?.fields) return { pinCount: partCheck.fields.pins, pinCountSource: 'part' };
  if (input.pinCount !== null && input.pinCount >= 2)
    return { pinCount: input.pinCount % 2 === 0 ? input.pinCount : input.pinCount + 1, pinCountSource: 'pinCount' };
  const highest = Math.max(0, ...input.pins.map((p) => p.pin));
  const pinCount = standardPinCounts.find((n) => n >= highest) ?? catalog.series.pinsMax;
  add('PART_UNSTATED', 'warning', {
    message: `No part number: the pin count is taken as ${pinCount}, the smallest standard count holding pin ${highest} (assumed). Name the part for exact checks.`,
    source: `${PRODUCT_TYPES_SOURCE} (standard pin counts)`,
  });
  return { pinCount, pinCountSource: 'inferred' };
}
function checkParts(part: PartNumberCheck | null, mate: PartNumberCheck | null, add: Add): void {
  for (const check of [part, mate]) {
    if (!check) continue;
    if (check.status === 'renamed') {
      add('PART_OLD_NUMBER', 'warning', {
        message: `${check.renamedFrom}: ${check.errors[0]?.message ?? `renamed: today ${check.partNumber}.`} Checked as ${check.partNumber}.`,
        source: RENAMED_SOURCE,
      });
    }
    if (check.status === 'nonstandard') {
      add('PART_NONSTANDARD', 'warning', {
        message: `${check.partNumber}: ${check.errors[0]?.message ?? 'not listed'}${check.suggestions.length ? ` Standard parts: ${check.suggestions.join(', ')}.` : ''}`,
        source: `${PRODUCT_TYPES_SOURCE} (Notes 2)`,
      });
    }
  }
  if (part?.fields && mate?.fields) {
    const problems: string[] = [];
    if (part.fields.role === mate.fields.role) problems.push(`both are ${part.fields.role}s`);
    if (part.fields.pins !== mate.fields.pins) problems.push(`${part.fields.pins} pins vs ${mate.fields.pins} pins`);
    if (problems.length > 0) {
      add('MATE_MISMATCH', 'error', {
        message: `${part.partNumber} and ${mate.partNumber} do not mate: ${problems.join('; ')}.`,
        source: `${PRODUCT_TYPES_SOURCE} (socket and header listed on one row)`,
      });
    }
  }
}

/** A net marked as mounting (the terminals' own net in many symbols): MP, MOUNT, MH, SHIELD … */
const MOUNTING_NET = /^(?:MP\d*|MOUNT\w*|MNT\w*|MH\d*|SHIELD\w*|SH\d*|TAB\d*)$/i;
/**
 * Pins N+1 … N+k of an N-pin part, k ≤ 4, each once, all on one net: the soldering terminals as many
 * schematic symbols number them (a 12-pin header drawn with 16 pins, 13-16 GND). Only when the part
 * states the pin count: with the count inferred from the highest pin they would be taken as contacts.
 * They are read as terminals only when their net is ground, unconnected or marked mounting; a signal
 * or a supply there (`carries a net`) would never reach the other board.
 */
function readAsSolderingTerminals(
  beyond: readonly PinAssignment[],
  pinCount: number,
  pinCountSource: 'part' | 'pinCount' | 'inferred',
  input: PinMapInput,
): 'terminals' | 'carries a net' | 'no' {
  if (pinCountSource !== 'part' || beyond.length > 4) return 'no';
  const pins = beyond.map((a) => a.pin).sort((a, b) => a - b);
  if (pins.some((p, i) => p !== pinCount + 1 + i)) return 'no';
  const harmless = (a: PinAssignment) => {
    if (a.net === null || MOUNTING_NET.test(a.net)) return true;
    const spec = Object.hasOwn(input.nets, a.net) ? input.nets[a.net] : undefined;
    const stated = spec?.kind ?? input.pins.find((x) => x.net === a.net && x.kind)?.kind;
    const voltageV = spec?.voltageV ?? a.voltageV ?? null;
    return netKind(a.net, { stated, pinTypes: input.netPinTypes?.[a.net], voltageV }).kind === 'ground';
  };
  if (!beyond.every(harmless)) return 'carries a net';
  return beyond.every((a) => a.net === beyond[0]!.net) ? 'terminals' : 'no';
}
