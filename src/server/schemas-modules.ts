import { z } from 'zod';
import type { Provenance } from '../provenance.js';

/**
 * Response schemas of the check and order endpoints, mirroring src/checks/types.ts, bom/types.ts and
 * src/order/quantities.ts. Tests parse real answers with them strictly, so they stay in step.
 */
const Severity = z.enum(['error', 'warning', 'info']);
const Sourced = z.strictObject({
  value: z.number(),
  provenance: z.enum(['catalog', 'derived', 'assumed'] as const satisfies readonly Provenance[]),
  source: z.string(),
});

export const FindingSchema = z
  .strictObject({
    code: z.string().describe('Stable finding code (GET /api/errors)'),
    severity: Severity,
    pins: z.array(z.number().int()),
    nets: z.array(z.string()),
    message: z.string(),
    source: z.string().describe('The catalog section the rule comes from, or `assumed: …`'),
    fix: z.string(),
  })
  .meta({ id: 'Finding' });

const NetSummary = z.strictObject({
  net: z.string(),
  kind: z.enum(['power', 'ground', 'signal', 'unknown']),
  kindSource: z.enum(['stated', 'netlist pin types', 'voltage', 'name', 'unknown']).describe('Where the kind came from, strongest evidence first'),
  pins: z.array(z.number().int()),
  currentA: z.number().nullable(),
  currentAssumed: z.string().optional().describe('Present when currentA is assumed (a ground net carrying the return of the supplies), with the reasoning'),
  voltageV: z.number().nullable(),
  perContactA: z.number().nullable(),
  pinsNeeded: z.number().int().nullable(),
  irDropMv: z.number().nullable(),
  dissipationMw: z.number().nullable(),
});

const Threshold = z.strictObject({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  provenance: z.enum(['catalog', 'derived', 'assumed', 'override'] as const satisfies readonly Provenance[]),
  source: z.string(),
});

const Kind = z.enum(['power', 'ground', 'signal', 'unknown']);
const MatingSchema = z
  .strictObject({
    board: z.strictObject({ reference: z.string(), partNumber: z.string().nullable() }),
    mate: z.strictObject({ reference: z.string(), partNumber: z.string().nullable() }),
    pins: z.array(
      z.strictObject({
        pin: z.number().int(),
        boardNet: z.string().nullable(),
        mateNet: z.string().nullable(),
        boardKind: Kind.nullable(),
        mateKind: Kind.nullable(),
        status: z.enum(['same', 'mapped', 'renamed', 'crossed', 'conflict', 'open']),
      }),
    ),
    renamed: z.array(z.strictObject({ pin: z.number().int(), boardNet: z.string(), mateNet: z.string() })),
    nets: z.array(
      z.strictObject({
        side: z.enum(['board', 'mate']),
        net: z.string(),
        kind: Kind,
        kindSource: z.enum(['stated', 'netlist pin types', 'voltage', 'name', 'unknown']),
        voltageV: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Mating', description: 'Two-board check only: pin n of the board’s connector against pin n of its mate' });

export const CheckReportSchema = z
  .strictObject({
    part: z.string().nullable(),
    mate: z.string().nullable(),
    findings: z.array(FindingSchema),
    summary: z.strictObject({
      errors: z.number().int(),
      warnings: z.number().int(),
      infos: z.number().int(),
      pinCount: z.number().int(),
      pinCountSource: z.enum(['part', 'pinCount', 'inferred']),
      reversalSafe: z.boolean(),
      reversal: z.enum(['safe', 'safe for known kinds', 'hazard', 'prevented']),
      unknownKindNets: z.array(z.string()).describe('Nets of unknown kind that meet another net in the analysis'),
      noCurrentNets: z
        .array(z.string())
        .describe(
          'Supplies and nets of unknown kind with no current, and ground nets whose current is not stated (unknown, or the assumed return of the supplies): the current checks did not run for them (or ran on the assumed return)',
        ),
      noVoltageNets: z.array(z.string()).describe('Supplies and nets of unknown kind with no voltage: the voltage checks did not run for them'),
      verdict: z
        .enum(['clean', 'clean for stated values', 'qualified', 'errors'])
        .describe(
          'clean: no error, no net of unknown kind met, every supply given a current and a voltage; clean for stated values: no error, but the current or voltage checks did not run for the nets in noCurrentNets / noVoltageNets (exit 0); qualified: no error, but the verdict rests on nets of unknown kind (exit 1)',
        ),
      totalCurrentA: z.number().nullable(),
      insertionForceMaxN: z.number(),
      removalForceMinN: z.number().nullable(),
      nets: z.array(NetSummary),
      thresholds: z.array(Threshold),
    }),
    mating: MatingSchema.optional(),
  })
  .meta({ id: 'CheckReport', description: 'The same JSON as `a4s check --json`' });

const BomFinding = z.strictObject({
  code: z.string(),
  severity: Severity,
  lines: z.array(z.number().int()),
  moreLines: z.number().int(),
  partNumbers: z.array(z.string()),
  message: z.string(),
  source: z.string(),
  fix: z.string(),
});

export const BomReportSchema = z
  .strictObject({
    partColumn: z.string().nullable(),
    quantityColumn: z.string().nullable(),
    lines: z.number().int(),
    a4sLines: z.number().int(),
    dnpLines: z.number().int(),
    unreadableLines: z.number().int(),
    boards: z.number().int(),
    parts: z.array(
      z.strictObject({
        partNumber: z.string(),
        status: z.enum(['standard', 'nonstandard']),
        role: z.enum(['socket', 'header']),
        pins: z.number().int(),
        inspection: z.boolean(),
        matedHeightMm: z.number().nullable(),
        packaging: z.string().nullable(),
        quantity: z.number(),
        lines: z.array(z.number().int()),
      }),
    ),
    findings: z.array(BomFinding),
    summary: z.strictObject({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  })
  .meta({ id: 'BomReport', description: 'The same JSON as `a4s bom --json`' });

const BomPairEnd = z.strictObject({ board: z.enum(['board', 'mate']), partNumber: z.string(), lines: z.array(z.number().int()) });

export const BomPairReportSchema = z
  .strictObject({
    names: z.strictObject({ board: z.string(), mate: z.string() }),
    board: BomReportSchema.describe('This board’s BOM, checked as alone with the other board’s parts as mating partners'),
    mate: BomReportSchema.describe('The other board’s BOM, checked the same way'),
    pairs: z.array(
      z.strictObject({
        pins: z.number().int(),
        socket: BomPairEnd,
        header: BomPairEnd,
        matedHeightMm: z.number().nullable().describe('The header’s (catalog); null for an inspection header, whose height the catalog does not state'),
        source: z.string(),
      }),
    ),
    findings: z.array(BomFinding).describe('The pairing’s findings (across the two boards)'),
    summary: z.strictObject({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  })
  .meta({ id: 'BomPairReport', description: 'The same JSON as `a4s bom FILE --mate OTHER --json`' });

const ReelPlan = z.strictObject({
  partNumber: z.string(),
  packaging: z.enum(['8mm-pitch', '4mm-pitch']),
  piecesPerReel: Sourced,
  reelsPerOuterCarton: Sourced.nullable(),
  reels: z.number().int(),
  orderedPieces: z.number().int(),
  leftoverPieces: z.number().int(),
  outerCartons: z.number().int().nullable(),
  looseReels: z.number().int().nullable(),
});

export const OrderPlanSchema = z
  .strictObject({
    partNumber: z.string(),
    status: z.enum(['standard', 'nonstandard']),
    requestedPieces: z.number().int(),
    inspection: z.boolean(),
    reels: ReelPlan.nullable(),
    alternative: ReelPlan.nullable(),
    suggestion: z.string().nullable(),
    orderPieces: z.number().int(),
    minimumLot: Sourced.nullable(),
    notes: z.array(z.string()),
  })
  .meta({ id: 'OrderPlan', description: 'The same JSON as `a4s order --json`' });
