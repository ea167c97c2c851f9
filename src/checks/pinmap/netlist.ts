import { builtInSeries, type Series } from '../../catalog/index.js';
import { checkPartNumber, partNumberInText } from '../../partnumber/index.js';
import type { Result } from '../../result.js';
import { readSexprText, type Tree } from '../../sexpr/index.js';
import { notTextReason } from '../../text.js';
import { failAt as fail, type InputError, type PinAssignment, type PinMapInput } from '../types.js';

/** A netlist as read: every atom as its text, quoted or not. */
type SExpr = Tree<string>;

/** Netlists of large boards run to megabytes; this bound only stops runaway input. */
const MAX_NETLIST_CHARS = 50_000_000;

const isList = (x: SExpr | undefined): x is SExpr[] => Array.isArray(x);
const head = (x: SExpr): string | undefined => (isList(x) && typeof x[0] === 'string' ? x[0] : undefined);
const children = (list: SExpr[], name: string): SExpr[][] => list.filter((c): c is SExpr[] => head(c) === name);
const child = (list: SExpr[], name: string): SExpr[] | undefined => children(list, name)[0];
/** `(name "value")` → "value". */
const valueOf = (list: SExpr[], name: string): string | undefined => {
  const c = child(list, name);
  return c && typeof c[1] === 'string' ? c[1] : undefined;
};

export interface NetlistConnector {
  readonly reference: string;
  readonly value: string | null;
  readonly footprint: string | null;
  /** An A4S part number found in the value or in a field (MPN, Part Number, …), else null. */
  readonly partNumber: string | null;
  /** Numbered pins with their nets; KiCad's "unconnected-(…)" nets become NC (net null). */
  readonly pins: PinAssignment[];
  /** Pins that are not numbers (e.g. soldering terminals MP1): not contacts, left out. */
  readonly ignoredPins: string[];
  /** The tool that wrote the file, e.g. "Eeschema (6.0.11)". */
  readonly tool: string | null;
  /**
   * The KiCad `pintype` of every node (all components) on each net of the connector, by net name:
   * the evidence for a power net (`power_out`, `power_in`). Absent from older readers' objects.
   */
  readonly netPinTypes?: Readonly<Record<string, readonly string[]>>;
}

/** KiCad's name for a label on the root sheet is "/NAME"; keep deeper paths as they are. */
export function kicadNetName(name: string): string | null {
  if (/^unconnected-\(/i.test(name)) return null;
  if (/^\/[^/]+$/.test(name)) return name.slice(1);
  return name;
}

/**
 * Reads a KiCad 6+ netlist (`.net`, s-expression `(export (version "E") …)`) and returns the pin → net
 * map of one component, by reference designator.
 */
export function parseKicadNetlist(text: string, reference: string, series: Series = builtInSeries): Result<NetlistConnector, InputError> {
  if (typeof text !== 'string' || text.length > MAX_NETLIST_CHARS) return fail('NETLIST_SYNTAX', 'The netlist is not text or is larger than 50 MB.');
  const notText = notTextReason(text);
  if (notText !== null) return fail('INPUT_NOT_TEXT', `The netlist is not text: ${notText}.`);
  const parsed = readSexprText(text, { startsWith: 'a KiCad netlist starts with (export' });
  if (!parsed.ok) return fail('NETLIST_SYNTAX', parsed.error.message, parsed.error.line === undefined ? {} : { line: parsed.error.line });
  const root = parsed.value;
  if (!isList(root) || head(root) !== 'export')
    return fail('NETLIST_NOT_KICAD', `The file starts with (${head(root) ?? '…'}; a KiCad netlist starts with (export (version "E").`, { line: 1 });
  const version = valueOf(root, 'version');
  if (version === undefined || !/^[E-Z]$/.test(version)) {
    return fail(
      'NETLIST_NOT_KICAD',
      `Netlist format version ${version ?? '(none)'}: KiCad 6 and later write version "E"; export the netlist again from KiCad 6+.`,
      { line: 1 },
    );
  }
  const design = child(root, 'design');
  const tool = design ? (valueOf(design, 'tool') ?? null) : null;
  const components = child(root, 'components') ?? [];
  const comps = children(components, 'comp');
  const comp = comps.find((c) => valueOf(c, 'ref') === reference) ?? comps.find((c) => valueOf(c, 'ref')?.toUpperCase() === reference.toUpperCase());
  if (!comp) {
    const refs = comps.map((c) => valueOf(c, 'ref') ?? '').filter(Boolean);
    const letters = reference.replace(/\d+$/, '').toUpperCase();
    const candidates = refs.filter((r) => r.toUpperCase().startsWith(letters || 'J')).slice(0, 10);
    return fail(
      'NETLIST_REF_NOT_FOUND',
      `No component ${reference} in the netlist${candidates.length ? `; connectors: ${candidates.join(', ')}` : ` (${refs.length} components)`}.`,
      {},
      candidates,
    );
  }
  const ref = valueOf(comp, 'ref')!;
  const value = valueOf(comp, 'value') ?? null;
  const footprint = valueOf(comp, 'footprint') ?? null;
  const fieldTexts = [
    ...children(child(comp, 'fields') ?? [], 'field').map((f) => (typeof f[2] === 'string' ? f[2] : '')),
    ...children(comp, 'property').map((p) => valueOf(p, 'value') ?? ''),
  ];
  const partNumber = [value ?? '', ...fieldTexts].map((text) => partNumberInText(text, series)).find((x) => x !== null) ?? null;

  const pins: PinAssignment[] = [];
  const ignoredPins: string[] = [];
  const netPinTypes: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const net of children(child(root, 'nets') ?? [], 'net')) {
    const name = valueOf(net, 'name');
    if (name === undefined) continue;
    const nodes = children(net, 'node');
    const local = kicadNetName(name);
    if (local !== null && nodes.some((n) => valueOf(n, 'ref') === ref)) {
      const types = nodes.flatMap((n) => {
        const t = valueOf(n, 'pintype');
        return t === undefined ? [] : [t.replace(/\+no_connect$/, '')];
      });
      if (types.length > 0) netPinTypes[local] = [...new Set(types)].sort();
    }
    for (const node of nodes) {
      if (valueOf(node, 'ref') !== ref) continue;
      const pinText = valueOf(node, 'pin') ?? '';
      if (!/^\d+$/.test(pinText)) {
        ignoredPins.push(pinText);
        continue;
      }
      const pin = Number(pinText);
      // As in the other formats: no contact 0, none beyond the largest A4S part (a count beyond the part's own is a finding).
      if (pin < 1 || pin > series.catalog.series.pinsMax) {
        return fail(
          'PINMAP_RANGE',
          `${ref} pin ${pinText} (net ${name}) is out of range: ${series.name} contacts are numbered 1 … ${series.catalog.series.pinsMax} at most.`,
        );
      }
      pins.push({ pin, net: kicadNetName(name) });
    }
  }
  if (pins.length === 0 && ignoredPins.length > 0) {
    return fail('NETLIST_PIN_NOT_NUMERIC', `${ref}'s pins are ${ignoredPins.slice(0, 5).join(', ')}…; ${series.name} contacts are numbered 1 … N.`);
  }
  pins.sort((a, b) => a.pin - b.pin);
  const evidence = Object.keys(netPinTypes).length > 0 ? { netPinTypes } : {};
  return { ok: true, value: { reference: ref, value, footprint, partNumber, pins, ignoredPins, tool, ...evidence } };
}

/**
 * The pin map of a netlist connector, merged with an optional pin-map document that gives the
 * currents, voltages, kinds, conditions and boards (its own `pins:` are replaced by the netlist's).
 */
export function pinMapFromNetlist(connector: NetlistConnector, base: PinMapInput | null, part: string | null = null): PinMapInput {
  const byNet = new Map<string, PinAssignment>();
  for (const p of base?.pins ?? []) if (p.net && !byNet.has(p.net)) byNet.set(p.net, p);
  // Per-net kind and voltage given on pins of the document carry over to the netlist's pins.
  const pins = connector.pins.map((p) => {
    const hint = p.net ? byNet.get(p.net) : undefined;
    return { ...p, ...(hint?.kind ? { kind: hint.kind } : {}), ...(hint?.voltageV !== undefined ? { voltageV: hint.voltageV } : {}) };
  });
  return {
    part: part ?? base?.part ?? connector.partNumber,
    mate: base?.mate ?? null,
    pinCount: base?.pinCount ?? null,
    pins,
    nets: base?.nets ?? {},
    conditions: base?.conditions ?? {},
    connectors: base?.connectors ?? [],
    irDropThresholdMv: base?.irDropThresholdMv ?? null,
    ...(base?.maxNeighbourV !== undefined && base.maxNeighbourV !== null ? { maxNeighbourV: base.maxNeighbourV } : {}),
    ...(connector.netPinTypes ? { netPinTypes: connector.netPinTypes } : {}),
  };
}

/**
 * The part named by `--part` or by the pin-map document against the part the netlist gives the
 * connector (its value or fields): a disagreement is an input error, as between a pin map and
 * `--part`, never settled silently. Null when they agree or either is absent or not a part number.
 */
export function netlistPartConflict(connector: NetlistConnector, part: string | null, namedBy: string, series: Series = builtInSeries): InputError | null {
  if (part === null || connector.partNumber === null) return null;
  const given = checkPartNumber(part, series).partNumber;
  const inNetlist = checkPartNumber(connector.partNumber, series).partNumber ?? connector.partNumber;
  if (given === null || given === inNetlist) return null;
  return {
    code: 'PINMAP_FIELD',
    message: `The netlist gives ${connector.reference} the part ${inNetlist}, but ${namedBy} ${part}; give one of them (or correct the schematic).`,
    field: 'part',
  };
}
