import { z } from 'zod';

export const Role = z.enum(['socket', 'header']);
export type Role = z.infer<typeof Role>;

export const PackagingId = z.enum(['8mm-pitch', '4mm-pitch']);
export type PackagingId = z.infer<typeof PackagingId>;

const source = z.string().min(3).describe('Catalog section and table the record was transcribed from');
const pins = z.number().int().min(2).max(99);
const heightMm = z.union([z.literal(0.8), z.literal(1.0)]);

const ProductRow = z.strictObject({
  matedHeightMm: heightMm,
  pins,
  socket: z.string().regex(/^AXE5\d{2}127D?$/),
  header: z.string().regex(/^AXE6\d{2}[12]24D?$/),
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

export const CatalogSchema = z.strictObject({
  schemaVersion: z.literal(1),
  document: z.looseObject({ title: z.string(), manufacturer: z.string(), transcription: z.string(), figuresMissing: z.boolean() }),
  series: z.looseObject({
    name: z.literal('A4S'),
    pitchMm: z.number().positive(),
    socketWidthMm: z.number().positive(),
    pinsMin: pins,
    pinsMax: pins,
    matedHeightsMm: z.array(heightMm),
    source,
  }),
  productTypes: z.array(ProductTypeTable).length(2),
  inspection: z.looseObject({
    socketPattern: z.literal('AXE5E**26'),
    features: z.array(z.string()).min(2),
    headerPattern: z.literal('AXE6E**26'),
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
  }),
  rules: z.array(Rule).min(1),
  missingFromText: z.array(z.strictObject({ what: z.string(), consequence: z.string() })),
});

export type Catalog = z.infer<typeof CatalogSchema>;
export type ProductTypeTable = z.infer<typeof ProductTypeTable>;
export type DimensionTable = z.infer<typeof DimensionTable>;
export type DimensionRow = z.infer<typeof DimensionRow>;
export type TapeRow = z.infer<typeof TapeRow>;
export type CatalogRule = z.infer<typeof Rule>;
export type Characteristic = z.infer<typeof Characteristic>;
