import { z } from 'zod';
import { builtInSeries, seriesDerived, type Series } from '../../catalog/index.js';
import { builtPinMapJsonSchema } from './schema.built.js';

/**
 * The pin-map document (YAML or JSON): which net each pin carries, per-net totals, the operating
 * conditions and, optionally, the connectors joining the boards. Published as JSON Schema
 * (`pinMapJsonSchema`). Magnitudes are ≥ 0 (a negative current is a typo, not a direction);
 * voltages may be negative (a −5 V rail is legitimate; the checks use |V|).
 */
export const NetKind = z.enum(['power', 'ground', 'signal']).describe('power: a supply; ground: a return; signal: anything else');
export type NetKind = z.infer<typeof NetKind>;

/**
 * Sanity bounds of every number of a pin map (issue 20, item 5; assumed): far beyond any design with
 * a board-to-FPC connector (A4S: 0.3 A a contact, 50 V), so that no real value is refused, only what
 * no design holds (1e308, a unit slip of a million) — refused with its line, never computed into
 * "Infinity pins". The CSV reader applies the same bounds.
 */
export const SANE = {
  currentA: 1_000,
  voltageV: 100_000,
  temperatureC: { min: -273.15, max: 2_000 },
  hours: 10_000_000,
  seconds: 1_000_000,
  cycles: 1_000_000_000,
  ppm: 1_000_000,
  millivolts: 1_000_000,
} as const;
const currentA = z.number().min(0).max(SANE.currentA).describe('Current in ampere (magnitude, ≥ 0)');
const voltageV = z.number().min(-SANE.voltageV).max(SANE.voltageV).describe('Voltage in volt, relative to ground (negative rails allowed)');
const temperatureC = z.number().min(SANE.temperatureC.min).max(SANE.temperatureC.max);
const hours = z.number().min(0).max(SANE.hours);

export const PinEntry = z.strictObject({
  net: z.string().min(1).nullable().describe('Net name; null or "NC" for a pin left unconnected on purpose'),
  currentA: currentA.optional().describe('Current through this pin (A); a net given only a total shares it equally over its pins'),
  voltageV: voltageV.optional(),
  kind: NetKind.optional(),
});

/** `1: GND` or `1: { net: VBAT, currentA: 0.3 }`. */
export const PinValue = z.union([z.string().min(1).describe('Net name (or NC)'), z.null(), PinEntry]);

/** Per-net totals: `VBAT: { currentA: 1.2, voltageV: 4.4, kind: power }` or the shorthand `"1.2 A, 4.4 V, power"`. */
export const NetSpec = z.union([
  z
    .string()
    .regex(/^[^,]+(,[^,]+)*$/)
    .describe('Shorthand "1.2 A, 4.4 V, power": any of a current (A or mA), a voltage (V or mV) and a kind, comma-separated'),
  z.strictObject({
    currentA: currentA.optional().describe('Total current of the net (A), shared by its pins'),
    voltageV: voltageV.optional(),
    kind: NetKind.optional(),
  }),
]);

export const OperatingConditions = z.strictObject({
  use: z.enum(['production', 'inspection']).optional().describe('production design, or an inspection fixture'),
  ambientTemperatureC: z.strictObject({ min: temperatureC, max: temperatureC }).optional().describe('Ambient temperature range (°C)'),
  matingCycles: z.number().int().min(0).max(SANE.cycles).optional().describe('Planned insertion/removal cycles over the product life'),
  humidityPercentRH: z.number().min(0).max(100).optional().describe('Highest relative humidity (%RH)'),
  humidityHours: hours.optional().describe('Hours spent at that humidity'),
  condensation: z.boolean().optional().describe('true when condensation or icing may occur'),
  h2s: z
    .union([z.boolean(), z.strictObject({ ppm: z.number().min(0).max(SANE.ppm).optional(), hours: hours.optional() })])
    .optional()
    .describe('H₂S exposure'),
  salt: z
    .union([z.boolean(), z.strictObject({ percent: z.number().min(0).max(100).optional(), hours: hours.optional() })])
    .optional()
    .describe('Salt (mist/spray) exposure'),
  reflowPeakC: temperatureC.optional().describe('Reflow peak on the board near the terminals (°C)'),
  iron: z
    .strictObject({ temperatureC, durationS: z.number().min(0).max(SANE.seconds) })
    .optional()
    .describe('Hand soldering or rework: iron tip temperature and time per joint'),
  reverseInsertionPrevented: z
    .string()
    .regex(/\S/, { error: 'must say how the assembly prevents reverse insertion (a non-empty text).' })
    .optional()
    .describe(
      'How the assembly makes plugging the FPC rotated by 180° impossible (a keyed stiffener, a fixture …): each REVERSE_INSERTION_HAZARD becomes a note citing this text',
    ),
});
export type OperatingConditions = z.infer<typeof OperatingConditions>;

export const ConnectorPlacement = z.strictObject({
  ref: z.string().min(1).describe('Reference designator of the connector pair, e.g. J2'),
  boards: z.tuple([z.string().min(1), z.string().min(1)]).describe('The two boards (or board and FPC) it joins'),
  part: z.string().optional(),
});
export type ConnectorPlacement = z.infer<typeof ConnectorPlacement>;

/**
 * The document for a series: pin numbers and the pin count are bounded by its largest part (the
 * part's own count is checked later). Built once per series (`pinMapDocumentFor`); `PinMapDocument`
 * is the built-in series', from which the published JSON Schema is generated at build time (so the
 * schema file and `check --schema` give the built-in edition's bound; a reader checks a map against
 * its own series' schema).
 */
function buildPinMapDocument(series: Series) {
  /** Upper bound of any pin number of the series (its largest listed part). */
  const pinsMax = series.catalog.series.pinsMax;
  const PinListEntry = PinEntry.extend({
    pin: z.number().int().min(1).max(pinsMax).describe(`Pin number, 1 … pin count (≤ ${pinsMax})`),
  });
  return z.strictObject({
    $schema: z.string().optional(),
    part: z.string().optional().describe(`${series.name} part number of the connector (socket or header)`),
    mate: z.string().optional().describe('Its mating partner, for a mated pair'),
    pinCount: z.number().int().min(2).max(pinsMax).optional().describe('Pin count when no part is named'),
    pins: z
      .union([
        z.record(
          z
            .string()
            .regex(/^[0-9]+$/)
            .describe('pin number'),
          PinValue,
        ),
        z.array(PinListEntry),
      ])
      .optional()
      .describe('pin → net: a map {1: GND, 2: {net: VBAT}} or a list [{pin: 1, net: GND}] (may be left out when the pins come from a KiCad netlist)'),
    nets: z.record(z.string(), NetSpec).optional().describe('Per-net totals'),
    conditions: OperatingConditions.optional(),
    connectors: z.array(ConnectorPlacement).optional().describe('Every connector joining two boards, to check one connector per board pair'),
    irDropThresholdMv: z.number().positive().max(SANE.millivolts).optional().describe('Warn when a net’s worst-case contact voltage drop exceeds this (mV)'),
    maxNeighbourV: z
      .number()
      .positive()
      .max(SANE.voltageV)
      .optional()
      .describe('Warn when two neighbouring contacts (same row, or face to face) carry nets more than this apart (V); default: the catalog’s rated voltage'),
  });
}

export const PinMapDocument = buildPinMapDocument(builtInSeries);
/** The pin-map document of a series (the built-in one's is `PinMapDocument`). */
export function pinMapDocumentFor(series: Series = builtInSeries): typeof PinMapDocument {
  return series === builtInSeries ? PinMapDocument : seriesDerived(series, buildPinMapDocument);
}
export type PinMapDocument = z.infer<typeof PinMapDocument>;

/**
 * JSON Schema (draft 2020-12) of the pin-map document, generated from the zod schema at build time
 * (scripts/build-data.ts; test/catalog-built.test.ts proves it current), not at every start.
 */
export const pinMapJsonSchema: Record<string, unknown> = builtPinMapJsonSchema;
