import { z } from 'zod';
import { FLAG_EXPECTED, FLAG_TEXTS, choiceExpected, numberExpected, optionPattern, parseFlagOption, parseOption, type OptionSpec } from '../options.js';
import type { Provenance as ProvenanceKind } from '../provenance.js';
import { HEIGHT_CHOICES, PACKAGING_CHOICES, PINS_FILTER_MAX, ROLE_CHOICES, partQueryFromFilters } from '../select/index.js';

/**
 * The schemas the handlers validate with, and from which /api/openapi.json is generated.
 * Response schemas mirror the core's types; a test parses every catalog part's answer with them
 * (strictly), so a field added in the core and not here fails the build.
 */

const Height = z.union([z.literal(0.8), z.literal(1.0)]).describe('Mated height in mm (0.8 or 1.0)');
const Status = z
  .enum(['standard', 'renamed', 'nonstandard', 'invalid'])
  .describe(
    "standard: listed in the catalog; renamed: an old catalog number of a listed part (partNumber is today's; PART_RENAMED); nonstandard: well formed but not listed (contact sales); invalid: not an A4S part number",
  );
const Provenance = z.enum(['catalog', 'derived', 'inferred', 'reference', 'assumed', 'input'] as const satisfies readonly ProvenanceKind[]);

export const A4sErrorSchema = z
  .strictObject({
    code: z.string().describe('Stable error code (GET /api/errors lists them)'),
    message: z.string(),
  })
  .meta({ id: 'A4sError' });

export const PackagingSchema = z
  .strictObject({
    id: z.enum(PACKAGING_CHOICES),
    tapePitchMm: z.number(),
    piecesPerReel: z.number().int().nullable(),
    piecesPerOuterCarton: z.number().int().nullable(),
    tapeType: z.enum(['I', 'II', 'III']).nullable(),
    tapeWidthMm: z.number().nullable().describe('Tape dimension A, read as the carrier tape width (inferred: the tape drawing is missing)'),
  })
  .meta({ id: 'Packaging' });

export const PartDescriptionSchema = z
  .strictObject({
    input: z.string().describe('The string as given'),
    partNumber: z.string().nullable().describe('Normalised part number; null when invalid'),
    status: Status,
    role: z.enum(ROLE_CHOICES).nullable(),
    pins: z.number().int().nullable(),
    inspection: z.boolean().nullable().describe('Inspection part AXE5E**26 / AXE6E**26 (3,000 mating cycles)'),
    matingCycles: z.number().int().nullable(),
    matedHeightMm: Height.nullable().describe("The header's own mated height (headers only)"),
    matedHeightsMm: z.array(Height).nullable().describe('Mated heights at which a listed partner exists'),
    packaging: PackagingSchema.nullable(),
    dimensionsMm: z.strictObject({ A: z.number(), B: z.number(), C: z.number() }).nullable().describe('Catalog dimensions A, B, C in mm'),
    dimensionsProvenance: z.enum(['catalog', 'derived']).nullable().describe('catalog: a table row; derived: the linear formula every row of the table obeys'),
    errors: z.array(A4sErrorSchema),
    suggestions: z.array(z.string()).describe('Nearest standard part numbers'),
  })
  .meta({ id: 'PartDescription', description: 'The decode object: the same as `a4s decode --json`' });

export const PartListSchema = z
  .strictObject({
    count: z.number().int(),
    chosenPins: z.number().int().nullable().describe('The pin count chosen by min-signals, or null'),
    note: z.string().nullable(),
    parts: z.array(PartDescriptionSchema),
  })
  .meta({ id: 'PartList' });

export const MatesSchema = z
  .strictObject({
    partNumber: z.string().nullable(),
    status: Status,
    partners: z.array(
      z.strictObject({
        partNumber: z.string(),
        matedHeightMm: Height.nullable().describe('null when an inspection part is involved: the catalog does not state that height'),
        inspection: z.boolean(),
        basis: z.enum(['catalog', 'inferred'] as const satisfies readonly ProvenanceKind[]),
        source: z.string(),
      }),
    ),
  })
  .meta({ id: 'Mates' });

export const ExplanationSchema = z
  .strictObject({
    partNumber: z.string().nullable(),
    status: Status,
    fields: z.array(
      z.strictObject({
        field: z.string(),
        value: z.unknown(),
        provenance: Provenance,
        source: z.string(),
      }),
    ),
  })
  .meta({ id: 'Explanation' });

export const ProblemSchema = z
  .looseObject({
    type: z.string().describe('URI reference of the error code documentation'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('The same error code as the CLI prints'),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(A4sErrorSchema).optional(),
    suggestions: z.array(z.string()).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const HealthSchema = z
  .strictObject({
    status: z.literal('ok'),
    version: z.string(),
    uptimeS: z.number(),
    workers: z
      .strictObject({
        mode: z
          .enum(['threads', 'in-process'])
          .describe('threads: heavy requests run in worker threads; in-process: on the main thread (no worker could start)'),
        size: z.number().int().describe('Worker threads'),
        queueBound: z.number().int().describe('Heavy requests that may wait for a worker; past it, 503 SERVER_BUSY with Retry-After'),
        running: z.number().int(),
        waiting: z.number().int(),
      })
      .describe('The pool of the CPU-heavy requests (footprint verification, checks, the libraries)'),
  })
  .meta({ id: 'Health' });

export const EditionSchema = z
  .strictObject({
    series: z.string().describe('The series name as the catalog prints it (series.name)'),
    prefix: z.string().describe('The prefix of every part number of the series (partNumberGrammar.form.prefix)'),
    title: z.string().describe("The catalog document's title (document.title)"),
    manufacturer: z.string(),
    builtIn: z.boolean().describe('true: the built-in catalog; false: the edition the server was started with (A4S_CATALOG)'),
  })
  .meta({ id: 'Edition' });

export const ErrorCodesSchema = z.record(z.string(), z.strictObject({ summary: z.string(), fix: z.string() })).meta({ id: 'ErrorCodes' });

// ---- inputs -------------------------------------------------------------------------------

/** A flag query parameter (?inspection, ?fixture=true): the texts and the message of the core's flag parser. */
export const FlagQuery = z.enum(FLAG_TEXTS, { error: FLAG_EXPECTED });
/** A FlagQuery value read as on or off, by the core's flag parser. */
export function flagIsOn(value: string | undefined): boolean {
  const parsed = parseFlagOption('', value);
  return parsed.ok && parsed.value;
}
/**
 * A query parameter of an option the CLI and the page share (src/options.ts's OPTIONS): parsed by
 * the same `parseOption`, refused with its code and its message (validateOrThrow takes both from the
 * issue's `params`), named "query parameter <name>".
 */
export function optionQuery(spec: OptionSpec) {
  // The pattern documents the form in the OpenAPI document; parseOption checks it (with its own message).
  return z
    .string()
    .meta({ pattern: optionPattern(spec) })
    .transform((text, ctx) => {
      const parsed = parseOption(spec, `query parameter ${spec.query}`, text);
      if (parsed.ok) return parsed.value!;
      ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: parsed.error.code, whole: true } });
      return z.NEVER;
    });
}

const integerText = z.string().regex(/^\s*\d+\s*$/, { error: numberExpected({ integer: true, min: 1, max: PINS_FILTER_MAX }) });

/** `GET /api/parts` query: the filters of `a4s parts`, with the same names. */
export const PartFiltersQuery = z
  .strictObject(
    {
      role: z.enum(ROLE_CHOICES, { error: choiceExpected(ROLE_CHOICES) }).optional(),
      pins: integerText.optional().describe('Exact number of pins'),
      'min-signals': integerText.optional().describe('At least N signals: the smallest standard pin count that fits'),
      height: z
        .enum(HEIGHT_CHOICES, { error: choiceExpected(HEIGHT_CHOICES) })
        .optional()
        .describe('Mated height in mm (sockets serve both)'),
      packaging: z
        .enum(PACKAGING_CHOICES, { error: choiceExpected(PACKAGING_CHOICES) })
        .optional()
        .describe('8mm-pitch (5,000/reel) | 4mm-pitch (15,000/reel)'),
      inspection: FlagQuery.optional().describe('Inspection parts only (3,000 cycles)'),
      production: FlagQuery.optional().describe('Production parts only'),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown filter ${issue.keys.map((k) => `"${k}"`).join(', ')}; filters are role, pins, min-signals, height, packaging, inspection, production.`
          : undefined,
    },
  )
  .transform((filters, ctx) => {
    // The zod schema checks shape (and documents it); the shared parser applies the CLI's rules, naming
    // the parameter as the zod messages and the other options' (optionQuery) do.
    const parsed = partQueryFromFilters(filters, 'query parameter ');
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error.message, input: filters });
      return z.NEVER;
    }
    return parsed.value;
  });

export const PartNumberParams = z.strictObject({
  pn: z.string().describe('A part number, e.g. AXE540127 (case and surrounding spaces are forgiven, as in the CLI)'),
});

export const NoQuery = z.strictObject(
  {},
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `this endpoint takes no query parameters (got ${issue.keys.map((k) => `"${k}"`).join(', ')}).` : undefined,
  },
);
