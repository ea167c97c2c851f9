import { builtInSeries, type MatedHeightMm, type Role, type Series } from '../catalog/index.js';
import type { Provenance } from '../provenance.js';

/**
 * Every number a land pattern or body is built from, with where it comes from. Sources in
 * priority order: the catalog, data/source/A4S-reference.md, then a stated engineering rule.
 * A user with the manufacturer's drawing overrides any of them (provenance becomes `override`).
 */
export type ParamProvenance = Extract<Provenance, 'catalog' | 'derived' | 'reference' | 'assumed' | 'override'>;

export interface Param {
  readonly valueMm: number;
  readonly provenance: ParamProvenance;
  readonly source: string;
}

export const LAND_PARAM_NAMES = [
  'signalPadWidthMm',
  'signalPadLengthMm',
  'signalRowOffsetMm',
  'terminalPadWidthMm',
  'terminalPadLengthMm',
  'terminalOffsetFromCHalfMm',
  'terminalRowOffsetMm',
  'maskExpansionMm',
  'signalPasteRatio',
  'terminalPasteRatio',
  'courtyardClearanceMm',
  'bodyWidthMm',
  'bodyHeightMm',
] as const;
export type LandParamName = (typeof LAND_PARAM_NAMES)[number];
export type LandParams = Readonly<Record<LandParamName, Param>>;

const REF_FOOTPRINT = 'reference: production footprint of the 40-pin socket AXE540127 (Inkplate 5 v1.2.0, board reference K20), data/source/A4S-reference.md';
const REF_BODY = 'reference: manufacturer datasheet ACCTB7E as transcribed in developing-today/hardware-doc, data/source/A4S-reference.md';
/**
 * The header's pads: two independent public designs of the 10-pin header AXE610124, both made
 * (data/source/A4S-reference.md, "Public footprints of the 10-pin header AXE610124"). They agree on
 * the contacts and the terminals' places along the row; where they differ (the terminals' size
 * across the row) we take the GPD design's pad, which holds the nqbit pad within it.
 */
const REF_HEADER =
  'reference: two fabricated public footprints of AXE610124, nqbit/kicad-boards dash_connector and fenrir-naru/GPD_Pocket-mods HUB_FPC (Eagle, gerber-checked), data/source/A4S-reference.md';
/** The header's terminal pads across the row, where the two designs differ: which we took and why. */
const HEADER_TERMINAL_CHOICE =
  '4 terminal pads 0.45 × 0.9 mm at y = ±0.75 mm as GPD; the nqbit pads (0.45 × 0.53 mm at y = ±0.565 mm) lie within them; the longer pad ends with the contacts, outside the 2.0 mm body';
const IPC = 'assumed: IPC-7351B / KiCad library convention';

function maskRule(role: Role, series: Series) {
  const rule = series.catalog.rules.find((r) => r.id === (role === 'socket' ? 'metal-mask-socket' : 'metal-mask-header'));
  if (!rule) throw new Error('metal-mask rule missing from the catalog data');
  const value = (name: string) => rule.values.find((v) => v.name === name)!.value;
  return { terminal: value('terminalOpeningRatioPercent') / 100, metal: value('metalPartOpeningRatioPercent') / 100, source: `catalog: ${rule.source}` };
}

/** Height of the 1.0 mm header: not published; derived assuming the socket engagement of the 0.8 mm pair. */
function header10HeightMm(socketHeightMm: number, header08HeightMm: number): Param {
  const engagementMm = socketHeightMm + header08HeightMm - 0.8;
  const value = Math.round((1.0 - socketHeightMm + engagementMm) * 1000) / 1000;
  return {
    valueMm: value,
    provenance: 'assumed',
    source: `assumed: 1.0 − ${socketHeightMm} + (${socketHeightMm} + ${header08HeightMm} − 0.8) — the 1.0 mm header's height is not published (reference); this keeps the 0.8 mm pair's engagement depth`,
  };
}

const SOCKET_HEIGHT = 0.77;
const HEADER_08_HEIGHT = 0.65;

/** Where a role's pad sizes and signal rows come from: one source gives all five numbers. */
interface PadSource {
  readonly provenance: ParamProvenance;
  readonly source: string;
  readonly valuesMm: Readonly<Record<'signalPadWidthMm' | 'signalPadLengthMm' | 'signalRowOffsetMm' | 'terminalPadWidthMm' | 'terminalPadLengthMm', number>>;
}

const PAD_SOURCES: Readonly<Record<Role, PadSource>> = {
  socket: {
    provenance: 'reference',
    source: REF_FOOTPRINT,
    valuesMm: { signalPadWidthMm: 0.23, signalPadLengthMm: 0.8, signalRowOffsetMm: 1.2, terminalPadWidthMm: 1.0, terminalPadLengthMm: 1.1 },
  },
  header: {
    provenance: 'reference',
    source: REF_HEADER,
    valuesMm: { signalPadWidthMm: 0.23, signalPadLengthMm: 0.65, signalRowOffsetMm: 0.875, terminalPadWidthMm: 0.45, terminalPadLengthMm: 0.9 },
  },
};

/** A role's pad sizes and signal rows, each with the source they share (the header's terminal pad across the row: its own source). */
function padParams(role: Role) {
  const { provenance, source, valuesMm: v } = PAD_SOURCES[role];
  const param = (valueMm: number, detail?: string): Param => ({ valueMm, provenance, source: detail === undefined ? source : `${source}: ${detail}` });
  const header = role === 'header';
  return {
    signalPadWidthMm: param(v.signalPadWidthMm, header ? 'contacts 0.23 mm wide in both' : undefined),
    signalPadLengthMm: param(v.signalPadLengthMm, header ? 'contacts 0.65 mm long in both' : undefined),
    signalRowOffsetMm: param(
      v.signalRowOffsetMm,
      header ? `rows 1.75 mm apart in both (y = ±${v.signalRowOffsetMm} mm)` : `rows at y = ±${v.signalRowOffsetMm} mm`,
    ),
    terminalPadWidthMm: param(v.terminalPadWidthMm, header ? 'terminal pads 0.45 mm along the row in both' : undefined),
    terminalPadLengthMm: param(v.terminalPadLengthMm, header ? HEADER_TERMINAL_CHOICE : undefined),
  };
}

/**
 * The 1.0 mm header (AXE6nn224) takes the 0.8 mm header's pattern: the catalog's recommended header
 * pattern is one figure for both mated heights (NOTES, "Header (Mated height: 0.8 mm and 1.0 mm)"),
 * and the public designs are of the 0.8 mm header; so each number is `assumed` for the 1.0 mm one.
 */
export const HEADER_10_SAME_PATTERN = "assumed: the 0.8 mm header's pattern (the catalog has one header pattern for both heights; the public ones are 0.8 mm)";

function forHeight<T extends Record<string, Param>>(params: T, matedHeightMm: MatedHeightMm | null): T {
  if (matedHeightMm !== 1.0) return params;
  const out: Record<string, Param> = {};
  for (const [name, p] of Object.entries(params))
    out[name] = p.provenance === 'reference' ? { valueMm: p.valueMm, provenance: 'assumed', source: `${HEADER_10_SAME_PATTERN}; ${p.source}` } : p;
  return out as T;
}

/**
 * Soldering-terminal pads that a fabricated public design used where ours differ (across the row):
 * the verifier takes them as a match with a note, since the evidence holds both.
 */
export interface TerminalAlternative {
  readonly rowOffsetMm: number;
  readonly lengthMm: number;
  readonly provenance: 'reference' | 'assumed';
  readonly source: string;
}

/** The header's other evidence: the nqbit dash_connector's tab pads (0.45 × 0.53 mm at y = ±0.565 mm). */
export function terminalAlternatives(role: Role, matedHeightMm: MatedHeightMm | null, params: LandParams): TerminalAlternative[] {
  if (role !== 'header') return [];
  // Only while our terminal pads are the evidence's own (not overridden).
  const names = ['terminalPadLengthMm', 'terminalRowOffsetMm', 'terminalPadWidthMm'] as const;
  if (names.some((n) => params[n].provenance === 'override')) return [];
  return [
    {
      rowOffsetMm: 0.565,
      lengthMm: 0.53,
      provenance: matedHeightMm === 1.0 ? 'assumed' : 'reference',
      source: `${REF_HEADER}: the nqbit dash_connector's terminal pads, 0.45 × 0.53 mm at y = ±0.565 mm (fabricated)`,
    },
  ];
}

/** Stencil openings (the catalog's metal-mask rule of the role) and the courtyard clearance: the same rules for both roles. */
function pasteAndCourtyardParams(role: Role, series: Series) {
  const mask = maskRule(role, series);
  return {
    signalPasteRatio: { valueMm: mask.terminal, provenance: 'catalog', source: `${mask.source} (terminal opening ratio; 120 µm stencil)` },
    terminalPasteRatio: { valueMm: mask.metal, provenance: 'catalog', source: `${mask.source} (metal-part opening ratio)` },
    courtyardClearanceMm: { valueMm: 0.5, provenance: 'assumed', source: `${IPC}: 0.5 mm courtyard clearance for connectors` },
  } satisfies Partial<LandParams>;
}

/** Every parameter of a role's land pattern and body, in the order of LAND_PARAM_NAMES. */
export function defaultLandParams(role: Role, matedHeightMm: MatedHeightMm | null, series: Series = builtInSeries): LandParams {
  const { catalog } = series;
  if (role === 'socket') {
    return {
      ...padParams(role),
      terminalOffsetFromCHalfMm: {
        valueMm: 0.1,
        provenance: 'reference',
        source: `${REF_FOOTPRINT}: terminal pads at x = ±4.8 mm where catalog C/2 = 4.7 mm; applied as C/2 + 0.1 at every pin count (C is linear in pins)`,
      },
      terminalRowOffsetMm: { valueMm: 1.1, provenance: 'reference', source: `${REF_FOOTPRINT}: terminal pads at y = ±1.1 mm` },
      maskExpansionMm: { valueMm: 0.1, provenance: 'reference', source: `${REF_FOOTPRINT}: solder mask 0.1 mm larger than the pad on each side` },
      ...pasteAndCourtyardParams(role, series),
      bodyWidthMm: { valueMm: catalog.series.socketWidthMm, provenance: 'catalog', source: `catalog: ${catalog.series.source}` },
      bodyHeightMm: { valueMm: SOCKET_HEIGHT, provenance: 'reference', source: `${REF_BODY}: socket height 0.77 mm` },
    };
  }
  const headerPattern = forHeight(
    {
      ...padParams(role),
      terminalOffsetFromCHalfMm: {
        valueMm: 0,
        provenance: 'reference',
        source: `${REF_HEADER}: terminal pads at x = ±1.6 mm in both = C/2 at 10 pins (catalog C = 3.20 mm), taken as ±C/2 at every pin count`,
      },
      terminalRowOffsetMm: { valueMm: 0.75, provenance: 'reference', source: `${REF_HEADER}: ${HEADER_TERMINAL_CHOICE}` },
    } satisfies Partial<LandParams>,
    matedHeightMm,
  );
  return {
    ...headerPattern,
    maskExpansionMm: { valueMm: 0.05, provenance: 'assumed', source: `${IPC}: 0.05 mm solder-mask expansion for 0.4 mm pitch` },
    ...pasteAndCourtyardParams(role, series),
    bodyWidthMm: { valueMm: 2.0, provenance: 'reference', source: `${REF_BODY}: header 4.20 × 2.00 mm (12 pins)` },
    bodyHeightMm:
      matedHeightMm === 1.0
        ? header10HeightMm(SOCKET_HEIGHT, HEADER_08_HEIGHT)
        : { valueMm: HEADER_08_HEIGHT, provenance: 'reference', source: `${REF_BODY}: header height 0.65 mm (0.8 mm mated height)` },
  };
}

/** A user's override file: any subset of the parameter names, in millimetres (ratios for paste). */
export type LandParamOverrides = { [K in LandParamName]?: number | undefined };

const POSITIVE_SIZES: readonly LandParamName[] = [
  'signalPadWidthMm',
  'signalPadLengthMm',
  'terminalPadWidthMm',
  'terminalPadLengthMm',
  'bodyWidthMm',
  'bodyHeightMm',
];

/** The range an override may take: the one definition behind the zod schema (overrides-schema.ts) and checkLandParamOverrides. */
export interface OverrideBounds {
  readonly min: number;
  /** true: the value must be greater than min; false: at least min. */
  readonly minExclusive: boolean;
  readonly max: number;
  readonly description: string;
}

export function overrideBounds(name: LandParamName): OverrideBounds {
  if (name.endsWith('Ratio'))
    return { min: 0, minExclusive: true, max: 1, description: `${name}: stencil opening as a fraction of the pad area (0 < ratio ≤ 1)` };
  return { min: 0, minExclusive: POSITIVE_SIZES.includes(name), max: 50, description: `${name} in millimetres` };
}

export const LAND_PARAM_OVERRIDES_DESCRIPTION =
  'Land-pattern parameters taken from the manufacturer\'s drawing; each replaces the default and shows as provenance "override".';

/** One problem of an overrides object: where (the key; empty for the object itself) and what. */
export interface OverrideIssue {
  readonly path: readonly string[];
  readonly message: string;
}

const LAND_PARAM_NAME_SET: ReadonlySet<string> = new Set(LAND_PARAM_NAMES);

/** How zod names a value it did not expect (its parsedType, as its English messages print it). */
function receivedName(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value); // NaN, Infinity, -Infinity by name
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const constructor =
      Object.getPrototypeOf(value) !== Object.prototype && 'constructor' in value ? (value as { constructor: unknown }).constructor : undefined;
    if (constructor) return (constructor as { name: string }).name;
  }
  return typeof value;
}

/**
 * Validates an overrides object without loading zod (commands that draw land patterns start
 * without it): the same answers and messages as the zod schema LandParamOverrides of
 * overrides-schema.ts, which stays the definition (src/geometry/overrides.test.ts compares the two
 * on generated inputs).
 */
export function checkLandParamOverrides(value: unknown): { ok: true; value: LandParamOverrides } | { ok: false; issues: OverrideIssue[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [{ path: [], message: `Invalid input: expected object, received ${receivedName(value)}` }] };
  }
  const input = value as Record<string, unknown>;
  const issues: OverrideIssue[] = [];
  const out: Record<string, number | undefined> = {};
  for (const name of LAND_PARAM_NAMES) {
    if (!(name in input)) continue;
    const v = input[name];
    if (v === undefined) {
      out[name] = undefined;
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      issues.push({ path: [name], message: `Invalid input: expected number, received ${receivedName(v)}` });
      continue;
    }
    const b = overrideBounds(name);
    if (b.minExclusive ? !(v > b.min) : !(v >= b.min))
      issues.push({ path: [name], message: `Too small: expected number to be ${b.minExclusive ? '>' : '>='}${b.min}` });
    if (!(v <= b.max)) issues.push({ path: [name], message: `Too big: expected number to be <=${b.max}` });
    out[name] = v;
  }
  const unknown: string[] = [];
  for (const key in input) if (!LAND_PARAM_NAME_SET.has(key)) unknown.push(key);
  if (unknown.length > 0) issues.push({ path: [], message: `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k}"`).join(', ')}` });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out as LandParamOverrides };
}

export function applyOverrides(params: LandParams, overrides: LandParamOverrides | undefined, origin = 'user override'): LandParams {
  if (!overrides) return params;
  const result: Record<string, Param> = { ...params };
  for (const name of LAND_PARAM_NAMES) {
    const value = overrides[name];
    if (value !== undefined) result[name] = { valueMm: value, provenance: 'override', source: origin };
  }
  return result as LandParams;
}
