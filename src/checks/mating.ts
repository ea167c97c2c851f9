import { CHECK_CODES, PIN_MAP_FINDING_CODE_LIST, type PinMapFindingCode } from './codes.js';
import { csvRecords, detectDelimiter } from './csv.js';
import { notTextReason } from '../text.js';
import { pinMapFromNetlist, type NetlistConnector } from './netlist.js';
import type { Result } from '../result.js';
import { checkPinMap, compactPins, inferKind } from './pinmap-check.js';
import { SEVERITY_RANK, failAt as fail, type CheckReport, type Finding, type InputError, type NetKind, type PinMapInput, type Severity } from './types.js';

/** Two names declared equal: a net of the board and the net of the mate (FPC) it meets. */
export interface NetMapPair {
  readonly board: string;
  readonly mate: string;
  readonly line?: number;
}

export type MatedPinStatus = 'same' | 'mapped' | 'renamed' | 'conflict' | 'open';

/** Pin n of the board's connector and pin n of its mate, which it touches. */
export interface MatedPin {
  readonly pin: number;
  readonly boardNet: string | null;
  readonly mateNet: string | null;
  readonly boardKind: NetKind | null;
  readonly mateKind: NetKind | null;
  /** same name; declared equal by the net map; another name, same kind; kinds disagree; one or both sides unconnected. */
  readonly status: MatedPinStatus;
}

export interface MatingSummary {
  readonly board: { readonly reference: string; readonly partNumber: string | null };
  readonly mate: { readonly reference: string; readonly partNumber: string | null };
  readonly pins: MatedPin[];
  /** Pins whose two net names differ with no kind conflict and no net-map line (the MATED_NET_RENAMED table). */
  readonly renamed: { readonly pin: number; readonly boardNet: string; readonly mateNet: string }[];
}

/** `a4s check --netlist … --mate-netlist …`: the single-connector report of the pair, plus the mating. */
export interface MatedCheckReport extends CheckReport {
  readonly mating: MatingSummary;
}

/** Reads the net map: a CSV (or TSV) with the header `board,mate` and one pair of equal names a line. */
export function parseNetMapCsv(text: string): Result<NetMapPair[], InputError> {
  if (typeof text !== 'string') return fail('NET_MAP_SYNTAX', 'The net map must be text.');
  if (text.length > 1_000_000) return fail('NET_MAP_SYNTAX', 'The net map is over 1,000,000 characters; one line a net of one connector is a few kilobytes.');
  const notText = notTextReason(text);
  if (notText !== null) return fail('INPUT_NOT_TEXT', `The net map is not text: ${notText}.`);
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  const records = csvRecords(text, delimiter);
  const head = records.next();
  if (head.done || !head.value.ok) return fail('NET_MAP_SYNTAX', 'The net map has no header row board,mate.', { line: 1 });
  const cols = head.value.cells.map((c) => c.trim().toLowerCase());
  const b = cols.indexOf('board');
  const m = cols.indexOf('mate');
  if (b < 0 || m < 0)
    return fail('NET_MAP_SYNTAX', `line 1: the header is "${head.value.cells.join(delimiter)}"; it needs the columns board and mate.`, { line: 1 });
  const pairs: NetMapPair[] = [];
  for (const r of records) {
    if (!r.ok) return fail('NET_MAP_SYNTAX', `line ${r.line}: ${r.reason}`, { line: r.line });
    const board = (r.cells[b] ?? '').trim().replace(/^\//, '');
    const mate = (r.cells[m] ?? '').trim().replace(/^\//, '');
    if (board === '' && mate === '') continue;
    if (board === '' || mate === '') return fail('NET_MAP_SYNTAX', `line ${r.line}: a line needs both a board net and a mate net.`, { line: r.line });
    pairs.push({ board, mate, line: r.line });
  }
  return { ok: true, value: pairs };
}

/** Names that are the same net written two ways: case, underscores, spaces and dots aside (+ and − kept). */
const normalised = (name: string) => name.toUpperCase().replace(/[\s_.]/g, '');

export interface MatedPairInput {
  readonly board: NetlistConnector;
  readonly mate: NetlistConnector;
  readonly netMap?: readonly NetMapPair[];
  /** An optional pin-map document with the currents, voltages, kinds and conditions (of the board's nets). */
  readonly base?: PinMapInput | null;
  /** The board connector's part when not read from its netlist (`--part`). */
  readonly part?: string | null;
}

/**
 * The two-board mating check: socket pin n touches header pin n (src/geometry/pinout.ts `matedPin`).
 * Per mated pin, the two nets; errors where the kinds disagree or a supply or ground faces an open
 * pin; the renamed pins as a table (silenced by the net map); a hint when the mate's pinout is the
 * board's with its rows swapped, end to end or rotated. Then every single-connector check on the
 * board's map with both part numbers (which must mate). Pure; never throws.
 */
export function checkMatedPair(input: MatedPairInput): Result<MatedCheckReport, InputError> {
  const { board, mate } = input;
  const base = input.base ?? null;
  const boardPart = input.part ?? base?.part ?? board.partNumber;
  const matePart = mate.partNumber ?? base?.mate ?? null;
  if (!boardPart)
    return fail('PINMAP_PART_MISSING', `${board.reference} has no A4S part number in its value or fields: pass --part (or give part: in the pin map).`, {
      field: 'part',
    });
  if (!matePart)
    return fail(
      'PINMAP_PART_MISSING',
      `The mate ${mate.reference} has no A4S part number in its value or fields: put the part number in its value or a field of the FPC's schematic.`,
      { field: 'mate' },
    );

  const single = checkPinMap({ ...pinMapFromNetlist(board, base, boardPart), mate: matePart });
  const pinCount = Math.max(single.summary.pinCount, ...mate.pins.map((p) => p.pin));

  const netMap = input.netMap ?? [];
  const declared = new Set(netMap.map((p) => `${p.board}\u0000${p.mate}`));
  const mateToBoard = new Map<string, string>();
  const boardMapped = new Map<string, string>();
  for (const p of netMap) {
    if (!mateToBoard.has(p.mate)) mateToBoard.set(p.mate, p.board);
    if (!boardMapped.has(p.board)) boardMapped.set(p.board, p.mate);
  }
  const stated = (name: string): NetKind | undefined => {
    if (base && Object.hasOwn(base.nets, name)) return base.nets[name]!.kind;
    return base?.pins.find((p) => p.net === name && p.kind)?.kind;
  };
  const boardKind = (name: string): NetKind => stated(name) ?? inferKind(name);
  const mateKind = (name: string): NetKind => {
    const same = mateToBoard.get(name);
    return same !== undefined ? boardKind(same) : (stated(name) ?? inferKind(name));
  };
  const equal = (b: string, m: string) => b === m || normalised(b) === normalised(m) || declared.has(`${b}\u0000${m}`);

  const boardNet = new Map(board.pins.map((p) => [p.pin, p.net]));
  const mateNet = new Map(mate.pins.map((p) => [p.pin, p.net]));
  const pins: MatedPin[] = [];
  for (let pin = 1; pin <= pinCount; pin++) {
    const b = boardNet.get(pin) ?? null;
    const m = mateNet.get(pin) ?? null;
    const bk = b === null ? null : boardKind(b);
    const mk = m === null ? null : mateKind(m);
    let status: MatedPinStatus;
    if (b === null || m === null) status = 'open';
    else if (b === m || normalised(b) === normalised(m)) status = 'same';
    else if (declared.has(`${b}\u0000${m}`)) status = 'mapped';
    else if (bk !== mk || bk === 'power' || boardMapped.has(b) || mateToBoard.has(m)) status = 'conflict';
    else status = 'renamed';
    pins.push({ pin, boardNet: b, mateNet: m, boardKind: bk, mateKind: mk, status });
  }

  const findings: Finding[] = [];
  const add = (code: PinMapFindingCode, severity: Severity, f: { pins: number[]; nets: string[]; message: string; fix?: string }) =>
    findings.push({
      code,
      severity,
      pins: [...new Set(f.pins)].sort((x, y) => x - y),
      nets: [...new Set(f.nets)],
      message: f.message,
      source: MATING_SOURCE,
      fix: f.fix ?? CHECK_CODES[code].fix,
    });
  const kindText = (k: NetKind | null) => (k === 'power' ? 'a supply' : k === 'ground' ? 'ground' : 'a signal');
  const sides = `${board.reference} (board) / ${mate.reference} (mate)`;

  const conflicts = new Map<string, MatedPin[]>();
  for (const p of pins.filter((x) => x.status === 'conflict')) {
    const key = `${p.boardNet}\u0000${p.mateNet}`;
    conflicts.set(key, [...(conflicts.get(key) ?? []), p]);
  }
  for (const list of conflicts.values()) {
    const p = list[0]!;
    const bothSupplies = p.boardKind === 'power' && p.mateKind === 'power';
    const sameKind = p.boardKind === p.mateKind;
    const pairedWith = [
      boardMapped.has(p.boardNet!) ? `${p.boardNet} with ${boardMapped.get(p.boardNet!)}` : '',
      mateToBoard.has(p.mateNet!) ? `${mateToBoard.get(p.mateNet!)} with ${p.mateNet}` : '',
    ].filter(Boolean);
    add('MATED_NET_CONFLICT', 'error', {
      pins: list.map((x) => x.pin),
      nets: [p.boardNet!, p.mateNet!],
      message: `${list.length === 1 ? 'Pin' : 'Pins'} ${compactPins(list.map((x) => x.pin))}: ${p.boardNet}, ${kindText(p.boardKind)} on ${board.reference}, meets ${p.mateNet}, ${bothSupplies ? 'a different supply' : kindText(p.mateKind)} on ${mate.reference}${sameKind && !bothSupplies && pairedWith.length ? `, though the net map pairs ${[...new Set(pairedWith)].join(' and ')}` : ''}.`,
      fix: bothSupplies
        ? `If ${p.boardNet} and ${p.mateNet} are the same rail, declare it in the net map (board,mate: ${p.boardNet},${p.mateNet}); otherwise correct the pinout of one side.`
        : `Correct the pinout of one side so that pin n carries the same net on both (${sides}).`,
    });
  }
  const open = pins.filter((x) => x.status === 'open' && (x.boardNet !== null) !== (x.mateNet !== null) && (x.boardKind ?? x.mateKind) !== 'signal');
  for (const p of open) {
    const [net, kind, where, other] =
      p.boardNet !== null ? [p.boardNet, p.boardKind, board.reference, mate.reference] : [p.mateNet!, p.mateKind, mate.reference, board.reference];
    add('MATED_PIN_OPEN', 'error', {
      pins: [p.pin],
      nets: [net],
      message: `Pin ${p.pin}: ${net}, ${kindText(kind)} on ${where}, faces a pin left unconnected on ${other}.`,
    });
  }
  const renamed = pins.filter((x) => x.status === 'renamed').map((x) => ({ pin: x.pin, boardNet: x.boardNet!, mateNet: x.mateNet! }));
  if (renamed.length > 0) {
    add('MATED_NET_RENAMED', 'warning', {
      pins: renamed.map((r) => r.pin),
      nets: [...renamed.map((r) => r.boardNet), ...renamed.map((r) => r.mateNet)],
      message: `${plural(renamed.length, 'mated pin')} with different net names and the same kind (board → mate): ${renamed.map((r) => `${r.pin}: ${r.boardNet} → ${r.mateNet}`).join('; ')}.`,
      fix: `If the names are the same nets, list them in a net map (--net-map map.csv with the header board,mate: ${renamed
        .slice(0, 2)
        .map((r) => `${r.boardNet},${r.mateNet}`)
        .join(' / ')} …) to silence these lines.`,
    });
  }
  const swap = pinoutSwap(pinCount, boardNet, mateNet, (b, m) => equal(b, m) || boardKind(b) === mateKind(m));
  if (swap && findings.some((f) => f.severity === 'error')) {
    add('MATED_PINOUT_SWAPPED', 'error', {
      pins: [],
      nets: [],
      message: `${mate.reference}'s pinout is ${board.reference}'s ${swap.what}: read that way, ${swap.agree} of ${swap.of} pins agree, against ${swap.identity} as drawn. Socket pin n meets header pin n.`,
      fix: `Number ${mate.reference}'s pins like ${board.reference}'s (pin n meets pin n; pins 1 and 2 at the same end, odd pins in one row), in the symbol or the footprint of the side that is wrong.`,
    });
  }

  const order = new Map(PIN_MAP_FINDING_CODE_LIST.map((c, i) => [c, i]));
  const all = [...single.findings, ...findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || order.get(a.code)! - order.get(b.code)! || (a.pins[0] ?? 0) - (b.pins[0] ?? 0),
  );
  const count = (s: Severity) => all.filter((f) => f.severity === s).length;
  return {
    ok: true,
    value: {
      ...single,
      findings: all,
      summary: { ...single.summary, errors: count('error'), warnings: count('warning'), infos: count('info') },
      mating: {
        board: { reference: board.reference, partNumber: single.part },
        mate: { reference: mate.reference, partNumber: single.mate },
        pins,
        renamed,
      },
    },
  };
}

const MATING_SOURCE =
  'reference: socket pin n mates header pin n (public schematics give both the same net per pin number; inferred, not a manufacturer statement)';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The way of reading the mate's pins (row swap, end to end, rotated) that explains it far better than as drawn. */
function pinoutSwap(
  pinCount: number,
  board: ReadonlyMap<number, string | null>,
  mate: ReadonlyMap<number, string | null>,
  agree: (b: string, m: string) => boolean,
): { what: string; agree: number; of: number; identity: number } | null {
  const half = pinCount / 2;
  const transforms: [string, (p: number) => number][] = [
    ['as drawn', (p) => p],
    ['with its rows swapped (pin 1 ⇄ 2, 3 ⇄ 4 …)', (p) => (p % 2 === 1 ? p + 1 : p - 1)],
    ['numbered from the other end (pin 1 ⇄ ' + (pinCount - 1) + ', 2 ⇄ ' + pinCount + ' …)', (p) => 2 * (half + 1 - Math.ceil(p / 2)) - (p % 2)],
    ['rotated by 180° (pin p ⇄ ' + (pinCount + 1) + ' − p)', (p) => pinCount + 1 - p],
  ];
  const score = (t: (p: number) => number) => {
    let yes = 0;
    let of = 0;
    for (let p = 1; p <= pinCount; p++) {
      const b = board.get(p) ?? null;
      const m = mate.get(t(p)) ?? null;
      if (b === null && m === null) continue;
      of++;
      if (b !== null && m !== null && agree(b, m)) yes++;
    }
    return { yes, of };
  };
  const identity = score(transforms[0]![1]);
  let best: { what: string; agree: number; of: number; identity: number } | null = null;
  for (const [what, t] of transforms.slice(1)) {
    const s = score(t);
    if (s.of === 0 || s.yes <= identity.yes || s.yes < 0.8 * s.of) continue;
    if (!best || s.yes > best.agree) best = { what, agree: s.yes, of: s.of, identity: identity.yes };
  }
  return best;
}
