import { builtInSeries, type Series } from '../../catalog/index.js';
import { RENAMED_SOURCE, type PartNumberCheck } from '../../partnumber/index.js';
import { netKind, productTypesSource } from '../shared/index.js';
import type { PinAssignment, PinMapInput } from '../types.js';
import { collect, compactPins, plural, range, type PinMapRule, type PinMapRuleInput } from './common.js';

/** The parts and the pins as numbered: pin count, renamed or nonstandard parts, a mate that does not mate, pins twice, past the count or without a net. */

/** The pin count: the part's, else the map's (made even), else the smallest standard count holding the highest pin. */
export function pinCountOf(
  input: PinMapInput,
  partCheck: PartNumberCheck | null,
  series: Series = builtInSeries,
): { pinCount: number; pinCountSource: PinMapRuleInput['pinCountSource'] } {
  if (partCheck?.fields) return { pinCount: partCheck.fields.pins, pinCountSource: 'part' };
  if (input.pinCount !== null && input.pinCount >= 2)
    return { pinCount: input.pinCount % 2 === 0 ? input.pinCount : input.pinCount + 1, pinCountSource: 'pinCount' };
  const highest = highestPin(input);
  return { pinCount: series.standardPinCounts.find((n) => n >= highest) ?? series.catalog.series.pinsMax, pinCountSource: 'inferred' };
}
const highestPin = (input: PinMapInput) => Math.max(0, ...input.pins.map((p) => p.pin));

/** Each pin within the count once (the first assignment), the pins assigned again, the pins past the count. */
export function pinsOf(
  input: PinMapInput,
  pinCount: number,
): { byPin: Map<number, PinAssignment>; duplicates: Map<number, PinAssignment[]>; beyond: PinAssignment[] } {
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
  return { byPin, duplicates, beyond };
}

/** No part named: the pin count inferred (a warning). */
export const partUnstatedRule: PinMapRule = (r) =>
  collect((add) => {
    if (r.pinCountSource !== 'inferred') return;
    add('PART_UNSTATED', 'warning', {
      message: `No part number: the pin count is taken as ${r.pinCount}, the smallest standard count holding pin ${highestPin(r.input)} (assumed). Name the part for exact checks.`,
      source: `${productTypesSource(r.series)} (standard pin counts)`,
    });
  });

/** Renamed and nonstandard parts; a part and mate that do not mate. */
export const partsRule: PinMapRule = (r) =>
  collect((add) => {
    const { part, mate } = r;
    const productTypes = productTypesSource(r.series);
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
          source: `${productTypes} (Notes 2)`,
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
          source: `${productTypes} (socket and header listed on one row)`,
        });
      }
    }
  });

/** A pin assigned more than once. */
export const duplicatedPinsRule: PinMapRule = (r) =>
  collect((add) => {
    for (const [pin, list] of r.duplicates) {
      const nets = list.map((a) => a.net ?? 'NC');
      add('PIN_DUPLICATED', 'error', {
        pins: [pin],
        nets: nets.filter((n) => n !== 'NC'),
        message: `Pin ${pin} is assigned ${list.length} times (${list.map((a) => `${a.net ?? 'NC'}${a.line ? ` on line ${a.line}` : ''}`).join(', ')}); the checks use the first.`,
        source: 'pin map',
      });
    }
  });

/** Pins past the pin count: the soldering terminals as some symbols number them, or pins the part does not have. */
export const beyondCountRule: PinMapRule = (r) =>
  collect((add) => {
    const { beyond, pinCount, input } = r;
    const productTypes = productTypesSource(r.series);
    const terminals = beyond.length > 0 ? readAsSolderingTerminals(beyond, pinCount, r.pinCountSource, input) : 'no';
    if (terminals === 'carries a net') {
      const nets = [...new Set(beyond.flatMap((a) => (a.net ? [a.net] : [])))];
      add('PIN_BEYOND_COUNT', 'error', {
        pins: beyond.map((a) => a.pin),
        nets,
        message: `Pins ${compactPins(beyond.map((a) => a.pin))} of the ${pinCount}-pin part carry ${nets.join(', ')}: numbered after the contacts, they can only be its soldering terminals, which are not contacts — ${nets.length === 1 ? 'this net' : 'these nets'} will not reach the other board there. Soldering terminals may carry ground, be unconnected or be marked mounting.`,
        source: `${input.part ? `${productTypes} (pin count of ${input.part})` : 'pin count'}; soldering terminals: assumed from the numbering`,
        fix: `Move ${nets.join(', ')} to contacts 1 … ${pinCount} (or choose a part with more pins); leave the terminals on ground, unconnected or mounting.`,
      });
    } else if (terminals === 'terminals') {
      const net = beyond[0]!.net;
      add('PIN_SOLDERING_TERMINALS', 'info', {
        pins: beyond.map((a) => a.pin),
        nets: net ? [net] : [],
        message: `Pins ${compactPins(beyond.map((a) => a.pin))} (${net ?? 'NC'}) of the ${pinCount}-pin part are read as its soldering terminals, numbered after the contacts as some symbols draw them (our reading): they are not contacts, so they carry none of ${net ?? 'the net'}’s current in these checks.`,
        source: `${input.part ? `${productTypes} (pin count of ${input.part})` : 'pin count'}; soldering terminals: assumed from the numbering`,
      });
    } else if (beyond.length > 0) {
      add('PIN_BEYOND_COUNT', 'error', {
        pins: beyond.map((a) => a.pin),
        nets: beyond.flatMap((a) => (a.net ? [a.net] : [])),
        message: `${plural(beyond.length, 'pin')} beyond the part's ${pinCount} pins: ${beyond.map((a) => `${a.pin}${a.line ? ` (line ${a.line})` : ''}`).join(', ')}.`,
        source: `${input.part ? `${productTypes} (pin count of ${input.part})` : 'pin count'}`,
      });
    }
  });

/** Contacts without a net (NC marks them unconnected on purpose). */
export const unassignedRule: PinMapRule = (r) =>
  collect((add) => {
    const unassigned = range(1, r.pinCount).filter((p) => !r.byPin.has(p));
    if (unassigned.length > 0) {
      add('PIN_UNASSIGNED', 'warning', {
        pins: unassigned,
        message: `${plural(unassigned.length, 'pin')} of ${r.pinCount} without a net: ${compactPins(unassigned)}. Mark pins unconnected on purpose as NC.`,
        source: 'pin map',
      });
    }
  });

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
