import { pinLocation } from '../../geometry/pinout.js';
import type { Limits } from '../shared/index.js';
import { collect, EPS, fmt, found, type Add, type PinMapRule, compactPins } from './common.js';
import { neighbourPairs } from './electrical.js';
import type { NetInfo } from './nets.js';
import type { ReversalResult } from './reversal.js';
import { baseName, SIGNAL_MAX_A } from '../shared/index.js';
import { compareNames } from '../../numbers.js';

/**
 * Checks that rest on what the map does not state: the neighbour voltage margin, differential pairs
 * read from names, and the nets of unknown kind that a verdict would otherwise rest on silently.
 */

/**
 * Neighbouring contacts (same row adjacent, or face to face across the rows) further apart than the
 * margin: a warning. Pairs already over the rated voltage are VOLTAGE_BETWEEN_CONTACTS errors, not repeated.
 */
function checkNeighbourVoltages(
  pinCount: number,
  netOf: (pin: number) => string | null,
  nets: ReadonlyMap<string, NetInfo>,
  l: Limits,
  maxNeighbourV: number | null,
  add: Add,
): void {
  const margin = maxNeighbourV ?? l.ratedVoltageV.value;
  const rated = l.ratedVoltageV.value;
  const seen = new Map<string, { a: NetInfo; b: NetInfo; deltaV: number; pins: number[] }>();
  for (const [p, q] of neighbourPairs(pinCount)) {
    const a = netOf(p);
    const b = netOf(q);
    if (!a || !b || a === b) continue;
    const na = nets.get(a)!;
    const nb = nets.get(b)!;
    if (na.voltageV === null || nb.voltageV === null) continue;
    const deltaV = Math.abs(na.voltageV - nb.voltageV);
    if (deltaV <= margin + EPS || deltaV > rated + EPS) continue;
    const [x, y] = na.name < nb.name ? [na, nb] : [nb, na];
    const key = `${x.name}\u0000${y.name}`;
    const entry = seen.get(key) ?? { a: x, b: y, deltaV, pins: [] };
    entry.pins.push(p, q);
    seen.set(key, entry);
  }
  for (const { a, b, deltaV, pins } of seen.values()) {
    add('NEIGHBOUR_VOLTAGE', 'warning', {
      pins,
      nets: [a.name, b.name],
      message: `${a.name} (${fmt(a.voltageV!)} V) and ${b.name} (${fmt(b.voltageV!)} V) are neighbours (pins ${compactPins([...new Set(pins)].sort((x, y) => x - y))}), ${fmt(deltaV)} V apart: more than the ${fmt(margin)} V neighbour margin${maxNeighbourV === null ? ' (the rated voltage, default)' : ' (set by the user)'}.`,
      source:
        maxNeighbourV === null
          ? `${l.ratedVoltageV.source} (the default neighbour margin)`
          : 'neighbour margin set by the user (maxNeighbourV / --max-neighbour-v)',
    });
  }
}

/** The other line of a differential pair by its name (`X_P` ⇄ `X_N`, `X+` ⇄ `X-`, `XDP` ⇄ `XDN`/`XDM`), or null. */
export function diffPartners(net: string): string[] {
  const name = baseName(net);
  const prefix = net.slice(0, net.length - name.length);
  const m = /^(.*?)(_P|_N|\+|-|DP|DN|DM)$/i.exec(name);
  if (!m || (m[1] === '' && (m[2] === '+' || m[2] === '-'))) return [];
  const stem = m[1]!;
  const suffix = m[2]!;
  const upper = suffix === suffix.toUpperCase();
  const c = (s: string) => (upper ? s : s.toLowerCase());
  const others: Record<string, string[]> = { _P: [c('_N')], _N: [c('_P')], '+': ['-'], '-': ['+'], DP: [c('DN'), c('DM')], DN: [c('DP')], DM: [c('DP')] };
  return (others[suffix.toUpperCase()] ?? []).map((s) => `${prefix}${stem}${s}`);
}

/** Source of the differential-pair rule: ours. */
export const DIFF_PAIR_SOURCE =
  'assumed: a differential pair keeps its two lines side by side in one row (equal length, coupled, no other net between them); the pair is read from the names (*_P/*_N, *+/*-, DP/DN)';

/** Pairs of signal nets whose two lines are not side by side in one row of the part: a note. */
function checkDiffPairs(pinCount: number, nets: ReadonlyMap<string, NetInfo>, add: Add): void {
  const done = new Set<string>();
  for (const net of nets.values()) {
    if (net.kind === 'power' || net.kind === 'ground' || done.has(net.name)) continue;
    const partner = diffPartners(net.name)
      .map((n) => nets.get(n))
      .find((n) => n !== undefined && n.kind !== 'power' && n.kind !== 'ground');
    if (!partner) continue;
    done.add(net.name).add(partner.name);
    const adjacent = net.pins.some((p) =>
      partner.pins.some((q) => {
        // Rows and positions only (not coordinates): the same for every series.
        const a = pinLocation(pinCount, p);
        const b = pinLocation(pinCount, q);
        return a.row === b.row && Math.abs(a.position - b.position) === 1;
      }),
    );
    if (adjacent) continue;
    add('DIFF_PAIR_SPLIT', 'info', {
      pins: [...net.pins, ...partner.pins],
      nets: [net.name, partner.name],
      message: `${net.name} (pin ${compactPins(net.pins)}) and ${partner.name} (pin ${compactPins(partner.pins)}) look like a differential pair (read from the names) but are not side by side in one row.`,
      source: DIFF_PAIR_SOURCE,
    });
  }
}

/**
 * Nets of unknown kind that meet another net in the analysis (the reversal partner, a neighbour):
 * one warning naming them and what the verdict would be if each were a supply. Returns their names.
 */
function checkUnknownKinds(
  pinCount: number,
  netOf: (pin: number) => string | null,
  nets: ReadonlyMap<string, NetInfo>,
  reversal: ReversalResult,
  add: Add,
): string[] {
  const meets = new Map<string, Set<string>>();
  const pinsOf = new Map<string, Set<number>>();
  const note = (u: string, other: string, pins: number[]) => {
    meets.set(u, (meets.get(u) ?? new Set()).add(other));
    const s = pinsOf.get(u) ?? new Set();
    for (const p of pins) s.add(p);
    pinsOf.set(u, s);
  };
  for (const [p, q] of neighbourPairs(pinCount)) {
    const a = netOf(p);
    const b = netOf(q);
    if (!a || !b || a === b) continue;
    if (nets.get(a)?.kind === 'unknown') note(a, b, [p]);
    if (nets.get(b)?.kind === 'unknown') note(b, a, [q]);
  }
  for (const u of reversal.unknown) note(u.net, u.target, [u.pins[0]]);
  if (meets.size === 0) return [];
  const names = [...meets.keys()].sort();
  const ifSupply = names.map((u) => {
    const lands = reversal.unknown.filter((x) => x.net === u && nets.get(x.target)?.kind !== 'power');
    const targets = [...new Set(lands.map((x) => x.target))];
    const reverse = targets.length
      ? `plugged rotated by 180° it would land on ${targets.join(', ')} (pins ${lands.map((x) => `${x.pins[0]}→${x.pins[1]}`).join(', ')}): a REVERSE_INSERTION_HAZARD`
      : 'no reverse-insertion hazard';
    return `${u} (pins ${compactPins([...pinsOf.get(u)!].sort((x, y) => x - y))}): if a supply, ${reverse}`;
  });
  const reversalText =
    reversal.verdict === 'safe for known kinds'
      ? 'The map is reversal-safe for the nets whose kind is known.'
      : reversal.verdict === 'hazard'
        ? 'The reversal hazards above stand whatever these nets are.'
        : '';
  add('NET_KIND_UNKNOWN', 'warning', {
    pins: names.flatMap((u) => [...pinsOf.get(u)!]),
    nets: names,
    message:
      `${names.length === 1 ? 'One net meets' : `${names.length} nets meet`} others (its reversal partner or a neighbour) with no evidence of its kind (not stated, no netlist pin types, no voltage, a name that says nothing): ${ifSupply.join('; ')}. ${reversalText} No verdict rests on a guess: state each net's kind.`.replace(
        /\s+$/,
        '',
      ),
    source:
      'assumed: a net of unknown kind may be a supply; the verdict holds only for the nets whose kind is known (order of evidence: stated, netlist pin types, voltage, name)',
  });
  return names;
}

/** The nets whose missing figures leave a check unrun: the verdict says so (issue 18: blanking never makes a verdict safer silently). */
export interface MissingValues {
  /** Supplies and nets of unknown kind with no current; ground nets whose current is not stated (unknown, or the assumed return). */
  readonly noCurrentNets: string[];
  /** Supplies and nets of unknown kind with no voltage. */
  readonly noVoltageNets: string[];
}

/**
 * Supplies (and nets of unknown kind, which may be supplies) with no current or no voltage: the
 * current and voltage checks cannot fail for them, so a verdict without errors holds only for the
 * stated values. One note names them; the summary lists them and the verdict is "clean for stated
 * values". Signals are left out on purpose: the catalog's current rating concerns power, and a
 * signal without a voltage is taken as a logic line (assumed). Ground is 0 V by definition; its
 * current is the supplies' return (assumed, see withGroundReturns), unknown only when a supply's is.
 */
function checkMissingValues(nets: ReadonlyMap<string, NetInfo>, l: Limits, add: Add): MissingValues {
  const list = [...nets.values()].sort((a, b) => compareNames(a.name, b.name));
  const mayBeSupply = (n: NetInfo) => n.kind === 'power' || n.kind === 'unknown';
  const anySupply = list.some(mayBeSupply);
  // A ground's current not stated: unknown, or the assumed return of the supplies (the checks ran with it, but
  // a clean verdict would rest on that assumption: a ground carrying returns from elsewhere would pass unseen).
  const groundUnstated = (n: NetInfo) => n.kind === 'ground' && (n.totalA === null || n.assumedReturn !== undefined);
  const noCurrent = list.filter((n) => (mayBeSupply(n) && n.totalA === null) || (anySupply && groundUnstated(n)));
  const assumed = noCurrent.filter((n) => n.assumedReturn !== undefined);
  const noVoltage = list.filter((n) => n.voltageV === null && mayBeSupply(n));
  if (noCurrent.length === 0 && noVoltage.length === 0) return { noCurrentNets: [], noVoltageNets: [] };
  const names = (ns: NetInfo[]) => ns.map((n) => n.name).join(', ');
  const parts = [
    noCurrent.length
      ? `no current given for ${names(noCurrent)}: the current per contact, the single-pin overload and the total current (${l.perContactA.value} A per contact, ${l.totalA.value} A in total) are not checked for ${noCurrent.length === 1 ? 'it' : 'them'}${assumed.length ? ` (${names(assumed)}: checked with the assumed return of the supplies, which the nets table gives; a return from elsewhere is not seen)` : ''}`
      : '',
    noVoltage.length
      ? `no voltage given for ${names(noVoltage)}: the rated voltage, the voltage between contacts and the neighbour margin are not checked for ${noVoltage.length === 1 ? 'it' : 'them'}`
      : '',
  ].filter(Boolean);
  add('NET_VALUES_MISSING', 'info', {
    pins: [...noCurrent, ...noVoltage].flatMap((n) => n.pins),
    nets: [...new Set([...noCurrent, ...noVoltage].map((n) => n.name))],
    message: `Not checked for lack of figures: ${parts.join('; ')}. The verdict holds for the stated values only ("clean for stated values", not "clean").`,
    source: `pin map (figures not given); ${l.perContactA.source}; signals are left out (assumed: a logic line carries at most ${SIGNAL_MAX_A} A, at a logic level); ground is 0 V and carries the supplies’ return (assumed)`,
  });
  return { noCurrentNets: noCurrent.map((n) => n.name), noVoltageNets: noVoltage.map((n) => n.name) };
}

/** The voltage margin between neighbouring contacts. */
export const neighbourVoltagesRule: PinMapRule = (r) => collect((add) => checkNeighbourVoltages(r.pinCount, r.netOf, r.nets, r.limits, r.maxNeighbourV, add));
/** Differential pairs split over the rows. */
export const diffPairsRule: PinMapRule = (r) => collect((add) => checkDiffPairs(r.pinCount, r.nets, add));
/** Nets of unknown kind the verdict rests on (after the reversal rule); finds `unknownKindNets`. */
export const unknownKindsRule: PinMapRule = (r) =>
  collect((add) => {
    r.found.unknownKindNets = checkUnknownKinds(r.pinCount, r.netOf, r.nets, found(r, 'reversal'), add);
  });
/** Supplies given no current or no voltage; finds them for the verdict. */
export const missingValuesRule: PinMapRule = (r) =>
  collect((add) => {
    r.found.missingValues = checkMissingValues(r.nets, r.limits, add);
  });
