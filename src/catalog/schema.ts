import { z } from 'zod';

export const Role = z.enum(['socket', 'header']);
export type Role = z.infer<typeof Role>;

export const PackagingId = z.enum(['8mm-pitch', '4mm-pitch']);
export type PackagingId = z.infer<typeof PackagingId>;

const source = z.string().min(3).describe('Catalog section and table the record was transcribed from');
const pins = z.number().int().min(2).max(99);
const heightMm = z.union([z.literal(0.8), z.literal(1.0)]);

/** A part number as the tables print it; that it follows the edition's grammar is checked by validate.ts. */
const partNumber = z.string().regex(/^[A-Z0-9]{4,20}$/, 'upper-case letters and digits');
const ProductRow = z.strictObject({
  matedHeightMm: heightMm,
  pins,
  socket: partNumber,
  header: partNumber,
});

const ProductTypeTable = z.strictObject({
  packaging: PackagingId,
  tapePitchMm: z.number().positive(),
  piecesPerReel: z.number().int().positive(),
  piecesPerOuterCarton: z.number().int().positive(),
  orderUnit: z.string(),
  otherPinCounts: z.string(),
  source,
  rows: z.array(ProductRow).min(1),
});

const NamedValue = z.looseObject({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  limit: z.enum(['min', 'max', 'nominal']).optional(),
});

const Characteristic = z.looseObject({
  id: z.string(),
  category: z.enum(['electrical', 'mechanical', 'environmental', 'lifetime', 'other']),
  item: z.string(),
  text: z.string(),
  values: z.array(NamedValue).min(1),
  conditions: z.string().nullable(),
  source,
});

const DimensionRow = z.strictObject({ pins, A: z.number().positive(), B: z.number().positive(), C: z.number().positive() });
const DimensionTable = z.strictObject({
  id: z.enum(['socket', 'header-0.8', 'header-1.0']),
  role: Role,
  matedHeightsMm: z.array(heightMm).min(1),
  generalToleranceMm: z.number().positive().nullable(),
  note: z.string().nullable(),
  source,
  rows: z.array(DimensionRow).min(1),
});

const TapeRow = z.strictObject({
  pinsLabel: z.string(),
  pinsMin: pins.nullable(),
  pinsMax: pins,
  tapeType: z.enum(['I', 'II', 'III']),
  A: z.number().positive(),
  B: z.number().positive().nullable(),
  C: z.number().positive(),
  D: z.number().positive(),
  piecesPerReel: z.number().int().positive(),
});

const Rule = z.looseObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  topic: z.enum(['design', 'safety', 'mounting', 'soldering', 'handling', 'mating', 'cleaning', 'storage', 'usage', 'ordering']),
  text: z.string().min(5),
  values: z.array(NamedValue),
  source,
});

const digits = z.string().regex(/^\d+$/, 'digits');
/**
 * The part-number grammar as data (catalog.partNumberGrammar.form): every part number is built,
 * parsed and found from this (src/partnumber/form.ts and grammar.ts), so an edition with another
 * prefix or codes is a data file.
 */
const PartNumberForm = z.strictObject({
  note: z.string(),
  prefix: z.string().regex(/^[A-Z][A-Z0-9]{0,5}$/, 'upper-case letters and digits, starting with a letter'),
  roleDigit: z.strictObject({ socket: z.string().regex(/^\d$/), header: z.string().regex(/^\d$/) }),
  pinsDigits: z.number().int().min(1).max(3),
  socketCode: digits,
  headerCodeByMatedHeightMm: z.strictObject({ '0.8': digits, '1.0': digits }),
  packagingSuffix: z.strictObject({ '8mm-pitch': z.string().regex(/^[A-Z]?$/), '4mm-pitch': z.string().regex(/^[A-Z]?$/) }),
  inspection: z.strictObject({ marker: z.string().regex(/^[A-Z]$/), code: digits }),
  /** Socket codes of older editions that name today's parts (read as "renamed", never as invalid). */
  renamedSocketCodes: z.array(
    z.strictObject({ code: digits, edition: z.string(), packaging: PackagingId, provenance: z.enum(['catalog', 'reference']), source }),
  ),
});

export const CatalogSchema = z.strictObject({
  schemaVersion: z.literal(1),
  document: z.looseObject({ title: z.string(), manufacturer: z.string(), transcription: z.string(), figuresMissing: z.boolean() }),
  series: z.looseObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,30}$/, 'a short series name (letters, digits, spaces, dashes)'),
    pitchMm: z.number().positive(),
    socketWidthMm: z.number().positive(),
    pinsMin: pins,
    pinsMax: pins,
    matedHeightsMm: z.array(heightMm),
    source,
  }),
  productTypes: z.array(ProductTypeTable).length(2),
  inspection: z.looseObject({
    socketPattern: z.string().regex(/^[A-Z0-9]+\*\*[A-Z0-9]*$/, 'the part number with ** for the pins'),
    features: z.array(z.string()).min(2),
    headerPattern: z.string().regex(/^[A-Z0-9]+\*\*[A-Z0-9]*$/, 'the part number with ** for the pins'),
    pinsAvailable: z.array(pins).min(1),
    matingCycles: z.number().int().positive(),
    minimumOrderPiecesPerLot: z.number().int().positive(),
    productionUse: z.boolean(),
    packagingStated: z.boolean(),
    matedHeightStated: z.boolean(),
    source,
  }),
  characteristics: z.array(Characteristic).min(1),
  materials: z.array(z.strictObject({ part: z.string(), material: z.string(), surfaceTreatment: z.string().nullable(), source })),
  dimensionTables: z.array(DimensionTable).length(3),
  tape: z.looseObject({
    tapingStandard: z.string(),
    reelStandard: z.string(),
    source,
    tables: z.array(
      z.strictObject({
        packaging: PackagingId,
        appliesTo: z.string(),
        matedHeightsMm: z.array(heightMm),
        source,
        rows: z.array(TapeRow).min(1),
      }),
    ),
  }),
  partNumberGrammar: z.looseObject({
    status: z.literal('inferred'),
    legendMissing: z.string(),
    fields: z.array(z.looseObject({ position: z.string(), name: z.string() })),
    form: PartNumberForm,
  }),
  rules: z.array(Rule).min(1),
  missingFromText: z.array(z.strictObject({ what: z.string(), consequence: z.string() })),
});

export type Catalog = z.infer<typeof CatalogSchema>;
export type ProductTypeTable = z.infer<typeof ProductTypeTable>;
export type DimensionTable = z.infer<typeof DimensionTable>;
export type DimensionRow = z.infer<typeof DimensionRow>;
export type TapeRow = z.infer<typeof TapeRow>;
/** The mated heights the A4S catalog lists (a socket serves both; each header has its own). */
export type MatedHeightMm = 0.8 | 1.0;
export type PartNumberForm = z.infer<typeof PartNumberForm>;
export type CatalogRule = z.infer<typeof Rule>;
export type Characteristic = z.infer<typeof Characteristic>;
