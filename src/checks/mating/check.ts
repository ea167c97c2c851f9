import { builtInSeries, type Series } from '../../catalog/index.js';
import { CHECK_CODES, PIN_MAP_FINDING_CODE_LIST, type PinMapFindingCode } from '../codes.js';
import { csvRecords, detectDelimiter } from '../shared/index.js';
import { notTextReason } from '../../text.js';
import { pinMapFromNetlist, type NetlistConnector } from '../pinmap/index.js';
import type { Result } from '../../result.js';
import { checkPinMap, compactPins, verdictOf } from '../pinmap/index.js';
import { baseName, netKind, voltageFromName, type KindSource } from '../shared/index.js';
import { diffPartners, DIFF_PAIR_SOURCE } from '../pinmap/index.js';
import {
  SEVERITY_RANK,
  failAt as fail,
  type CheckReport,
  type EvidencedKind,
  type Finding,
  type InputError,
  type NetKind,
  type PinMapInput,
  type Severity,
} from '../types.js';

/** Two names declared equal: a net of the board and the net of the mate (FPC) it meets. */
export interface NetMapPair {
  readonly board: string;
  readonly mate: string;
  readonly line?: number;
}

export type MatedPinStatus = 'same' | 'mapped' | 'renamed' | 'crossed' | 'conflict' | 'open';

/** Pin n of the board's connector and pin n of its mate, which it touches. */
export interface MatedPin {
  readonly pin: number;
  readonly boardNet: string | null;
  readonly mateNet: string | null;
  readonly boardKind: EvidencedKind | null;
  readonly mateKind: EvidencedKind | null;
  /**
   * same name (case aside); declared equal by the net map; another name, same kind or the same voltage;
   * names from each side's point of view (TX↔RX); kinds, voltages or functions disagree; one or both sides unconnected.
   */
  readonly status: MatedPinStatus;
}

export interface MatingSummary {
  readonly board: { readonly reference: string; readonly partNumber: string | null };
  readonly mate: { readonly reference: string; readonly partNumber: string | null };
  readonly pins: MatedPin[];
  /** Pins whose two net names differ with no kind conflict and no net-map line (the MATED_NET_RENAMED table). */
  readonly renamed: { readonly pin: number; readonly boardNet: string; readonly mateNet: string }[];
  /** Every net of both sides with its kind, where the kind came from, and its voltage (stated, or spelled in the name). */
  readonly nets: {
    readonly side: 'board' | 'mate';
    readonly net: string;
    readonly kind: EvidencedKind;
    readonly kindSource: KindSource;
    readonly voltageV: number | null;
  }[];
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
export function checkMatedPair(input: MatedPairInput, series: Series = builtInSeries): Result<MatedCheckReport, InputError> {
  const { board, mate } = input;
  const base = input.base ?? null;
  const boardPart = input.part ?? base?.part ?? board.partNumber;
  const matePart = mate.partNumber ?? base?.mate ?? null;
  if (!boardPart)
    return fail(
      'PINMAP_PART_MISSING',
      `${board.reference} has no ${series.name} part number in its value or fields: pass --part (or give part: in the pin map).`,
      {
        field: 'part',
      },
    );
  if (!matePart)
    return fail(
      'PINMAP_PART_MISSING',
      `The mate ${mate.reference} has no ${series.name} part number in its value or fields: put the part number in its value or a field of the FPC's schematic.`,
      { field: 'mate' },
    );

  const single = checkPinMap({ ...pinMapFromNetlist(board, base, boardPart), mate: matePart }, series);
  const contacts = single.summary.pinCount;
  const pinCount = contacts;

  // Kinds and voltages: each side from its own evidence (the document's statements, its netlist's pin types, the name).
  const statedKind = (name: string): NetKind | undefined => {
    if (base && Object.hasOwn(base.nets, name) && base.nets[name]!.kind) return base.nets[name]!.kind;
    return base?.pins.find((p) => p.net === name && p.kind)?.kind;
  };
  const statedVoltage = (name: string): number | null => {
    if (base && Object.hasOwn(base.nets, name) && base.nets[name]!.voltageV !== undefined) return base.nets[name]!.voltageV!;
    return base?.pins.find((p) => p.net === name && p.voltageV !== undefined)?.voltageV ?? null;
  };
  const evidence = (side: NetlistConnector) => (name: string) => {
    const voltageV = statedVoltage(name);
    const currentA = base && Object.hasOwn(base.nets, name) ? (base.nets[name]!.currentA ?? null) : null;
    return {
      ...netKind(name, { stated: statedKind(name), pinTypes: side.netPinTypes?.[name], voltageV, currentA }),
      voltageV: voltageV ?? voltageFromName(name),
    };
  };
  const boardEv = evidence(board);
  const mateEv = evidence(mate);
  const boardNames = new Set(board.pins.flatMap((p) => (p.net ? [p.net.toUpperCase()] : [])));
  const mateNames = new Set(mate.pins.flatMap((p) => (p.net ? [p.net.toUpperCase()] : [])));

  // The net map: each line declares two names of one rail; never a supply and ground, nor two voltages.
  const netMap = input.netMap ?? [];
  for (const line of netMap) {
    const x = boardEv(line.board);
    const y = mateEv(line.mate);
    const kinds = new Set([x.kind, y.kind]);
    const where = line.line === undefined ? 'A net-map line' : `Net map line ${line.line}`;
    if (kinds.has('power') && kinds.has('ground'))
      return fail(
        'NET_MAP_CONTRADICTION',
        `${where} (${line.board},${line.mate}) declares a supply and ground one net: ${line.board} is ${x.kind === 'power' ? 'a supply' : 'ground'} (${x.kindSource}), ${line.mate} is ${y.kind === 'power' ? 'a supply' : 'ground'} (${y.kindSource}). A net map only names two names of one rail.`,
        line.line === undefined ? {} : { line: line.line },
      );
    if (x.voltageV !== null && y.voltageV !== null && Math.abs(x.voltageV - y.voltageV) > 1e-9)
      return fail(
        'NET_MAP_CONTRADICTION',
        `${where} (${line.board},${line.mate}) declares two voltages one net: ${line.board} is ${x.voltageV} V, ${line.mate} is ${y.voltageV} V.`,
        line.line === undefined ? {} : { line: line.line },
      );
  }
  const upper = (x: string) => x.toUpperCase();
  const declared = new Set(netMap.map((p) => `${upper(p.board)}\u0000${upper(p.mate)}`));
  const mateToBoard = new Map<string, string>();
  const boardMapped = new Map<string, string>();
  for (const p of netMap) {
    if (!mateToBoard.has(upper(p.mate))) mateToBoard.set(upper(p.mate), p.board);
    if (!boardMapped.has(upper(p.board))) boardMapped.set(upper(p.board), p.mate);
  }
  // Names are compared exactly, case aside: a decimal point or an underscore is never dropped (+1.8V is not +18V).
  const sameName = (b: string, m: string) => upper(b) === upper(m);
  const isDeclared = (b: string, m: string) => declared.has(`${upper(b)}\u0000${upper(m)}`);
  const equal = (b: string, m: string) => sameName(b, m) || isDeclared(b, m);

  const boardNet = new Map(board.pins.map((p) => [p.pin, p.net]));
  const mateNet = new Map(mate.pins.map((p) => [p.pin, p.net]));
  const pins: MatedPin[] = [];
  const reasons = new Map<number, string>();
  const moved = new Set<number>();
  const unknownMeets: { pin: number; net: string; side: string; other: string; otherKind: EvidencedKind }[] = [];
  for (let pin = 1; pin <= pinCount; pin++) {
    const b = boardNet.get(pin) ?? null;
    const m = mateNet.get(pin) ?? null;
    const be = b === null ? null : boardEv(b);
    const me = m === null ? null : mateEv(m);
    const bk = be?.kind ?? null;
    const mk = me?.kind ?? null;
    let status: MatedPinStatus;
    if (b === null || m === null) {
      // A line the other board has at another pin, here facing an unconnected pin: moved, not left out.
      const present = b ?? m;
      const kind = b !== null ? bk : mk;
      const elsewhere = b !== null ? mateNames.has(upper(b)) : m !== null && boardNames.has(upper(m));
      status = present !== null && elsewhere && kind !== 'power' && kind !== 'ground' ? 'conflict' : 'open';
      if (status === 'conflict') moved.add(pin);
    } else if (sameName(b, m)) status = 'same';
    else if (isDeclared(b, m)) status = 'mapped';
    else {
      const vb = be!.voltageV;
      const vm = me!.voltageV;
      const known = bk !== 'unknown' && mk !== 'unknown';
      const sameVoltage = vb !== null && vm !== null;
      if (sameVoltage && Math.abs(vb - vm) > 1e-9) {
        status = 'conflict';
        reasons.set(pin, `different voltages: ${fmtV(vb)} against ${fmtV(vm)}`);
      } else if (pointOfView(b, m)) status = 'crossed';
      else if (known && bk !== mk) status = 'conflict';
      else if (mateNames.has(upper(b)) || boardNames.has(upper(m))) {
        status = 'conflict';
        reasons.set(
          pin,
          `${mateNames.has(upper(b)) ? `${b} is on ${mate.reference} too, at another pin` : `${m} is on ${board.reference} too, at another pin`}: crossed, not renamed`,
        );
      } else if (functionsDiffer(b, m)) {
        status = 'conflict';
        reasons.set(pin, 'the names give different functions (crossed lines)');
      } else if (boardMapped.has(upper(b)) || mateToBoard.has(upper(m))) status = 'conflict';
      // Two names of one voltage are at most renamed; two supply names of unknown voltages are a conflict until declared.
      else if (sameVoltage) status = 'renamed';
      else if (!known) status = 'renamed';
      else if (bk === 'power') status = 'conflict';
      else status = 'renamed';
    }
    if (b !== null && m !== null && status !== 'same' && status !== 'mapped') {
      if (bk === 'unknown') unknownMeets.push({ pin, net: b, side: board.reference, other: m, otherKind: mk! });
      if (mk === 'unknown') unknownMeets.push({ pin, net: m, side: mate.reference, other: b, otherKind: bk! });
    }
    pins.push({ pin, boardNet: b, mateNet: m, boardKind: bk, mateKind: mk, status });
  }

  const findings: Finding[] = [];
  const add = (code: PinMapFindingCode, severity: Severity, f: { pins: number[]; nets: string[]; message: string; fix?: string; source?: string }) =>
    findings.push({
      code,
      severity,
      pins: [...new Set(f.pins)].sort((x, y) => x - y),
      nets: [...new Set(f.nets)],
      message: f.message,
      source: f.source ?? MATING_SOURCE,
      fix: f.fix ?? CHECK_CODES[code].fix,
    });
  const kindText = (k: EvidencedKind | null) =>
    k === 'power' ? 'a supply' : k === 'ground' ? 'ground' : k === 'unknown' ? 'a net of unknown kind' : 'a signal';
  const fromNames = (b: string, m: string) => {
    const named = [...(boardEv(b).kindSource === 'name' ? [b] : []), ...(mateEv(m).kindSource === 'name' ? [m] : [])];
    return named.length ? ` Kinds read from names (assumed): ${named.join(', ')}.` : '';
  };
  const sides = `${board.reference} (board) / ${mate.reference} (mate)`;

  // Root cause first: a whole pattern (rows swapped, numbered from the other end, rotated) that explains the conflicts.
  const swap = pinoutSwap(pinCount, boardNet, mateNet, (b, m) => equal(b, m) || (boardEv(b).kind === mateEv(m).kind && boardEv(b).kind !== 'unknown'));
  const conflicting = pins.filter((x) => x.status === 'conflict');
  const explained = swap && conflicting.length > 0 ? new Set(conflicting.filter((x) => swap.explains(x.pin)).map((x) => x.pin)) : new Set<number>();
  if (swap && conflicting.length > 0) {
    add('MATED_PINOUT_SWAPPED', 'error', {
      pins: [...explained],
      nets: [],
      message: `Root cause: ${mate.reference}'s pinout is ${board.reference}'s ${swap.what}: read that way, ${swap.agree} of ${swap.of} pins agree, against ${swap.identity} as drawn. It explains ${explained.size} of the ${conflicting.length} conflicting pins (${compactPins([...explained])}), listed below as MATED_NET_CONFLICT. Socket pin n meets header pin n.`,
      fix: `Number ${mate.reference}'s pins like ${board.reference}'s (pin n meets pin n; pins 1 and 2 at the same end, odd pins in one row), in the symbol or the footprint of the side that is wrong.`,
    });
  }

  const conflicts = new Map<string, MatedPin[]>();
  for (const p of conflicting.filter((x) => moved.has(x.pin))) {
    const [net, where, other] = p.boardNet !== null ? [p.boardNet, board.reference, mate.reference] : [p.mateNet!, mate.reference, board.reference];
    add('MATED_NET_CONFLICT', 'error', {
      pins: [p.pin],
      nets: [net],
      message: `Pin ${p.pin}: ${net} on ${where} faces a pin left unconnected on ${other}, though ${other} has ${net} at another pin: the line is moved between the boards, not renamed.${swap && explained.has(p.pin) ? ` Explained by the root cause above (${swap.what}).` : ''}`,
      fix: `Correct the pinout of one side so that pin n carries the same net on both (${sides}).`,
    });
  }
  for (const p of conflicting.filter((x) => !moved.has(x.pin))) {
    const key = `${p.boardNet}\u0000${p.mateNet}`;
    conflicts.set(key, [...(conflicts.get(key) ?? []), p]);
  }
  for (const list of conflicts.values()) {
    const p = list[0]!;
    const bothSupplies = p.boardKind === 'power' && p.mateKind === 'power';
    const sameKind = p.boardKind === p.mateKind;
    const reason = reasons.get(p.pin);
    const pairedWith = [
      boardMapped.has(upper(p.boardNet!)) ? `${p.boardNet} with ${boardMapped.get(upper(p.boardNet!))}` : '',
      mateToBoard.has(upper(p.mateNet!)) ? `${mateToBoard.get(upper(p.mateNet!))} with ${p.mateNet}` : '',
    ].filter(Boolean);
    const why = swap && list.every((x) => explained.has(x.pin)) ? ` Explained by the root cause above (${swap.what}).` : '';
    add('MATED_NET_CONFLICT', 'error', {
      pins: list.map((x) => x.pin),
      nets: [p.boardNet!, p.mateNet!],
      message: `${list.length === 1 ? 'Pin' : 'Pins'} ${compactPins(list.map((x) => x.pin))}: ${p.boardNet}, ${kindText(p.boardKind)} on ${board.reference}, meets ${p.mateNet}, ${bothSupplies && !reason ? 'a different supply' : kindText(p.mateKind)} on ${mate.reference}${reason ? `: ${reason}` : ''}${sameKind && !bothSupplies && pairedWith.length ? `, though the net map pairs ${[...new Set(pairedWith)].join(' and ')}` : ''}.${why}${fromNames(p.boardNet!, p.mateNet!)}`,
      fix:
        bothSupplies && !reason
          ? `If ${p.boardNet} and ${p.mateNet} are the same rail, declare it in the net map (board,mate: ${p.boardNet},${p.mateNet}); otherwise correct the pinout of one side.`
          : `Correct the pinout of one side so that pin n carries the same net on both (${sides}).`,
    });
  }
  const crossed = pins.filter((x) => x.status === 'crossed');
  if (crossed.length > 0) {
    add('MATED_NET_CROSSED', 'warning', {
      pins: crossed.map((x) => x.pin),
      nets: crossed.flatMap((x) => [x.boardNet!, x.mateNet!]),
      message: `${crossed.map((x) => `pin ${x.pin}: ${x.boardNet} on ${board.reference} meets ${x.mateNet} on ${mate.reference}`).join('; ')}: names given from each side's point of view (a TX↔RX crossing is the usual wiring of a UART); confirm that the crossing is meant.`,
    });
  }
  const open = pins.filter((x) => x.status === 'open' && (x.boardNet !== null) !== (x.mateNet !== null) && (x.boardKind ?? x.mateKind) !== 'signal');
  for (const p of open) {
    const [net, kind, where, other] =
      p.boardNet !== null ? [p.boardNet, p.boardKind, board.reference, mate.reference] : [p.mateNet!, p.mateKind, mate.reference, board.reference];
    if (kind === 'unknown') {
      unknownMeets.push({ pin: p.pin, net, side: where, other: 'an unconnected pin', otherKind: 'unknown' });
      continue;
    }
    add('MATED_PIN_OPEN', 'error', {
      pins: [p.pin],
      nets: [net],
      message: `Pin ${p.pin}: ${net}, ${kindText(kind)} on ${where}, faces a pin left unconnected on ${other}.`,
    });
  }
  // Pins of the mate beyond the part's contacts: soldering terminals at most; a signal or a supply there never reaches the board.
  const beyond = mate.pins.filter((p) => p.pin > contacts && p.net !== null && !/^(?:MP\d*|MOUNT\w*|MNT\w*|MH\d*|SHIELD\w*)$/i.test(p.net));
  const carrying = beyond.filter((p) => mateEv(p.net!).kind !== 'ground');
  if (carrying.length > 0) {
    add('PIN_BEYOND_COUNT', 'error', {
      pins: carrying.map((p) => p.pin),
      nets: carrying.map((p) => p.net!),
      message: `${mate.reference} pins ${compactPins(carrying.map((p) => p.pin))} (${[...new Set(carrying.map((p) => p.net))].join(', ')}) are beyond the ${contacts}-pin part: at most its soldering terminals, which are not contacts — these nets will not reach ${board.reference}.`,
      fix: `Move the nets to contacts 1 … ${contacts} of ${mate.reference}, or leave the terminals on ground, unconnected or mounting.`,
    });
  }
  const renamed = pins.filter((x) => x.status === 'renamed').map((x) => ({ pin: x.pin, boardNet: x.boardNet!, mateNet: x.mateNet! }));
  if (renamed.length > 0) {
    add('MATED_NET_RENAMED', 'warning', {
      pins: renamed.map((r) => r.pin),
      nets: [...renamed.map((r) => r.boardNet), ...renamed.map((r) => r.mateNet)],
      message: `${plural(renamed.length, 'mated pin')} with different net names and the same kind or voltage (board → mate): ${renamed.map((r) => `${r.pin}: ${r.boardNet} → ${r.mateNet}`).join('; ')}.`,
      fix: `If the names are the same nets, list them in a net map (--net-map map.csv with the header board,mate: ${renamed
        .slice(0, 2)
        .map((r) => `${r.boardNet},${r.mateNet}`)
        .join(' / ')} …) to silence these lines.`,
    });
  }
  // Differential pairs of the board whose partner lands elsewhere on the mate.
  for (const [pin, net] of boardNet) {
    if (!net || pin > contacts) continue;
    for (const partner of diffPartners(net)) {
      const q = [...boardNet].find(([, n]) => n === partner)?.[0];
      if (q === undefined || q < pin) continue;
      const mp = mateNet.get(pin) ?? null;
      const mq = mateNet.get(q) ?? null;
      if (mp === null || mq === null || diffPartners(mp).some((x) => upper(x) === upper(mq))) continue;
      add('DIFF_PAIR_SPLIT', 'info', {
        pins: [pin, q],
        nets: [net, partner, mp, mq],
        message: `${net} and ${partner} (pins ${pin}, ${q}) look like a differential pair (read from the names); on ${mate.reference} they meet ${mp} and ${mq}, not a pair.`,
        source: DIFF_PAIR_SOURCE,
      });
    }
  }
  const unknownNames = [...new Set(unknownMeets.map((u) => u.net))].sort();
  if (unknownNames.length > 0) {
    add('NET_KIND_UNKNOWN', 'warning', {
      pins: unknownMeets.map((u) => u.pin),
      nets: unknownNames,
      message: `Mated pins whose verdict rests on nets of unknown kind (not stated, no netlist pin types, no voltage, a name that says nothing): ${unknownMeets
        .map(
          (u) =>
            `pin ${u.pin}: ${u.net} on ${u.side} meets ${u.other}${u.otherKind === 'unknown' ? '' : ` (${kindText(u.otherKind)})`}; if ${u.net} were a supply: ${u.otherKind === 'power' ? 'a conflict unless the same rail' : u.other === 'an unconnected pin' ? 'MATED_PIN_OPEN' : 'MATED_NET_CONFLICT'}`,
        )
        .join('; ')}.`,
      source:
        'assumed: a net of unknown kind may be a supply; the verdict holds only for the nets whose kind is known (order of evidence: stated, netlist pin types, voltage, name)',
    });
  }

  const order = new Map(PIN_MAP_FINDING_CODE_LIST.map((c, i) => [c, i]));
  const all = [...single.findings, ...findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || order.get(a.code)! - order.get(b.code)! || (a.pins[0] ?? 0) - (b.pins[0] ?? 0),
  );
  const count = (s: Severity) => all.filter((f) => f.severity === s).length;
  const unknownKindNets = [...new Set([...single.summary.unknownKindNets, ...unknownNames])].sort();
  const netsOf = (side: NetlistConnector, ev: typeof boardEv, which: 'board' | 'mate') =>
    [...new Set(side.pins.flatMap((p) => (p.net ? [p.net] : [])))].map((net) => {
      const e = ev(net);
      return { side: which, net, kind: e.kind, kindSource: e.kindSource, voltageV: e.voltageV };
    });
  return {
    ok: true,
    value: {
      ...single,
      findings: all,
      summary: {
        ...single.summary,
        errors: count('error'),
        warnings: count('warning'),
        infos: count('info'),
        unknownKindNets,
        verdict: verdictOf(count('error'), unknownKindNets, single.summary.noCurrentNets, single.summary.noVoltageNets),
      },
      mating: {
        board: { reference: board.reference, partNumber: single.part },
        mate: { reference: mate.reference, partNumber: single.mate },
        pins,
        renamed,
        nets: [...netsOf(board, boardEv, 'board'), ...netsOf(mate, mateEv, 'mate')],
      },
    },
  };
}

const fmtV = (v: number) => `${Math.round(v * 1000) / 1000} V`;

/** Words of a name that give a line's function; two names with such words and none in common are crossed lines. */
const FUNCTION_TOKEN = /^(?:SDA|SCL|MOSI|MISO|SCK|SCLK|CS|CSN|NCS|CLK|SDI|SDO|D\d+|DATA\d+|DB\d+|P|N|DP|DN|DM|TE|DC|WR|RD|HSYNC|VSYNC)$/i;
const functionTokens = (name: string) =>
  new Set(
    baseName(name)
      .toUpperCase()
      .split(/[_\-./ ]+/)
      .filter((t) => FUNCTION_TOKEN.test(t)),
  );
function functionsDiffer(b: string, m: string): boolean {
  const x = functionTokens(b);
  const y = functionTokens(m);
  return x.size > 0 && y.size > 0 && ![...x].some((t) => y.has(t));
}
/** TX on one side meeting RX on the other (TXD/RXD, UART_TX/UART_RX): names given from each side's point of view. */
function pointOfView(b: string, m: string): boolean {
  const swap = (t: string) => ({ TX: 'RX', RX: 'TX', TXD: 'RXD', RXD: 'TXD' })[t] ?? null;
  const x = baseName(b)
    .toUpperCase()
    .split(/[_\-./ ]+/);
  const y = baseName(m)
    .toUpperCase()
    .split(/[_\-./ ]+/);
  if (x.length !== y.length) return false;
  let crossed = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (swap(x[i]!) !== y[i]) return false;
    crossed++;
  }
  return crossed === 1;
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
): { what: string; agree: number; of: number; identity: number; explains: (pin: number) => boolean } | null {
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
  let best: { what: string; agree: number; of: number; identity: number; explains: (pin: number) => boolean } | null = null;
  for (const [what, t] of transforms.slice(1)) {
    const s = score(t);
    if (s.of === 0 || s.yes <= identity.yes || s.yes < 0.8 * s.of) continue;
    const explains = (p: number) => {
      const b = board.get(p) ?? null;
      const m = mate.get(t(p)) ?? null;
      return b !== null && m !== null && agree(b, m);
    };
    if (!best || s.yes > best.agree) best = { what, agree: s.yes, of: s.of, identity: identity.yes, explains };
  }
  return best;
}
